'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { serverCommand, documentSelector, watchGlob, needsRestart } = require('../lib/options');

const settings = (values) => ({ get: (key) => values[key] });

test('serverCommand runs cxmap lsp by default', () => {
  assert.deepStrictEqual(serverCommand(settings({})), { command: 'cxmap', args: ['lsp'] });
});

test('serverCommand takes cxmap.path and cxmap.config', () => {
  assert.deepStrictEqual(serverCommand(settings({ path: ' /opt/bin/cxmap ', config: 'ci/.cxmap.yaml' })), {
    command: '/opt/bin/cxmap',
    args: ['lsp', '--config', 'ci/.cxmap.yaml'],
  });
});

test('serverCommand passes cxmap.baseline as --baseline', () => {
  assert.deepStrictEqual(serverCommand(settings({ baseline: '.cxmap-baseline.json' })).args, [
    'lsp',
    '--baseline',
    '.cxmap-baseline.json',
  ]);
  assert.deepStrictEqual(serverCommand(settings({ baseline: '  ' })).args, ['lsp']);
});

test('serverCommand falls back to cxmap for a blank path', () => {
  assert.strictEqual(serverCommand(settings({ path: '   ' })).command, 'cxmap');
});

test('the client serves YAML files, saved or not', () => {
  assert.deepStrictEqual(
    documentSelector.map((s) => `${s.scheme}:${s.language}`),
    ['file:yaml', 'untitled:yaml']
  );
  assert.match('journeys/claim.yaml', /\.ya?ml$/);
  assert.ok(watchGlob.includes('.cxmap.yaml'));
});

test('only cxmap.path, cxmap.config and cxmap.baseline restart the server', () => {
  const event = (changed) => ({ affectsConfiguration: (s) => changed.includes(s) });
  assert.strictEqual(needsRestart(event(['cxmap.path'])), true);
  assert.strictEqual(needsRestart(event(['cxmap.config'])), true);
  assert.strictEqual(needsRestart(event(['cxmap.baseline'])), true);
  assert.strictEqual(needsRestart(event(['editor.fontSize'])), false);
});
