#!/usr/bin/env node
// health-claims-language-server: the Health Claims Checker language server.
// Started by the VS Code extension over IPC (--node-ipc), or by any editor
// with --stdio (the default when no transport is named).

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import pkg from '../../../package.json';
import { HealthClaimsServer } from './server.js';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${pkg.version}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    `health-claims-language-server ${pkg.version}: flags health claims in Markdown that go beyond the evidence.\n\n` +
      `Usage: health-claims-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\n` +
      `Talks the Language Server Protocol; standard input/output is the default transport.\n`,
  );
  process.exit(0);
}
if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}

const connection = createConnection(ProposedFeatures.all);

// Never die on a bug in a handler: log it to the client's output and go on.
process.on('uncaughtException', (error) => {
  connection.console.error(`health-claims: unexpected error: ${error?.stack ?? String(error)}`);
});
process.on('unhandledRejection', (reason) => {
  connection.console.error(`health-claims: unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`);
});

new HealthClaimsServer(connection).listen();
connection.listen();
