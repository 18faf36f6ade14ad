// The server starts over IPC (as the VS Code client starts it) and over stdio
// by default, and prints its version.

import assert from 'node:assert/strict';
import { execFileSync, fork } from 'node:child_process';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { FIXTURE_WORKSPACE, ROOT, SERVER, uriOf } from './harness.js';
import * as path from 'node:path';

describe('language server: transports', () => {
  it('talks over Node IPC (--node-ipc) and publishes diagnostics', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const uri = uriOf(path.join(FIXTURE_WORKSPACE, 'ipc.md'));
    const published = new Promise<{ uri: string; diagnostics: { code: string }[] }>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { code: string }[] }) => {
        if (p.uri === uri) resolve(p);
      }),
    );
    connection.listen();
    const result = await connection.sendRequest<{ capabilities: { hoverProvider?: boolean } }>('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { trusted: true, settings: { debounceMs: 0 } } });
    assert.equal(result.capabilities.hoverProvider, true);
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Ketamine is a magic bullet for depression.\n' } });
    assert.deepEqual((await published).diagnostics.map((d) => d.code), ['hype']);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
    connection.dispose();
  });

  it('prints its version and has a shebang for the bin entry', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
    assert.equal(execFileSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' }).trim(), pkg.version);
    assert.equal(path.resolve(ROOT, pkg.bin['health-claims-language-server']!), SERVER);
    assert.ok(fs.readFileSync(SERVER, 'utf8').startsWith('#!/usr/bin/env node\n'));
  });
});
