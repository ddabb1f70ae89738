// cxmap for VS Code: a client of `cxmap lsp` (pkg/lsp in the cxmap
// repository). Everything the editor shows comes from the server; this file
// only starts it, and restarts it when its settings change.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { serverCommand, documentSelector, watchGlob, needsRestart } = require('./lib/options');

/** @type {LanguageClient | undefined} */
let client;

async function start(context) {
  const { command, args } = serverCommand(vscode.workspace.getConfiguration('cxmap'));
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(watchGlob) },
  };
  client = new LanguageClient('cxmap', 'cxmap', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    vscode.window.showErrorMessage(
      `cxmap: could not start \`${command} ${args.join(' ')}\`: ${err && err.message ? err.message : err}. ` +
        'Install cxmap (go install ./cmd/cxmap) or set cxmap.path.'
    );
  }
}

async function activate(context) {
  await start(context);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!needsRestart(event)) {
        return;
      }
      if (client) {
        await client.stop();
      }
      await start(context);
    })
  );
}

async function deactivate() {
  if (client) {
    await client.stop();
  }
}

module.exports = { activate, deactivate };
