// The parts of the client that do not need VS Code: how `cxmap lsp` is
// started and which documents it serves. test/options.test.js runs them
// with node's test runner.
'use strict';

/**
 * The server's command line from the extension's settings.
 * @param {{get(key: string): any}} settings the "cxmap" configuration section
 * @returns {{command: string, args: string[]}}
 */
function serverCommand(settings) {
  const command = String(settings.get('path') || 'cxmap').trim() || 'cxmap';
  const args = ['lsp'];
  const config = String(settings.get('config') || '').trim();
  if (config !== '') {
    args.push('--config', config);
  }
  const baseline = String(settings.get('baseline') || '').trim();
  if (baseline !== '') {
    args.push('--baseline', baseline);
  }
  return { command, args };
}

/**
 * The documents the server serves: YAML files on disk and unsaved ones.
 * The server itself passes over YAML that is not a journey or a catalog.
 */
const documentSelector = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
];

/** The files whose changes the server hears about (catalogs, configuration). */
const watchGlob = '**/{*.yaml,*.yml,.cxmap.yaml,.cxmap.yml}';

/**
 * Whether a setting change needs the server restarted.
 * @param {{affectsConfiguration(section: string): boolean}} event
 */
function needsRestart(event) {
  return ['cxmap.path', 'cxmap.config', 'cxmap.baseline'].some((s) => event.affectsConfiguration(s));
}

module.exports = { serverCommand, documentSelector, watchGlob, needsRestart };
