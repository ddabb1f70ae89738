import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMPurify = undefined;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });
let bad = 0;
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  try {
    const r = await mermaid.parse(text);
    console.log(`${f}: ok (${r.diagramType})`);
  } catch (e) {
    bad++;
    console.log(`${f}: ${String(e.message || e).split('\n').join(' | ')}`);
  }
}
process.exit(bad ? 1 : 0);
