// A minimal LSP client for protocol tests and the latency benchmark: spawns the
// built server (dist/server.js --stdio), answers the server's requests
// (workspace/configuration from `settings`, registerCapability), records
// notifications, and lets tests wait on them (never on sleeps).

import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER = path.join(ROOT, 'dist/server.js');
export const FIXTURE_WORKSPACE = path.join(ROOT, 'test/fixtures/workspace');

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  data?: {
    ruleId: string;
    text: string;
    suggestions: { title: string; replacement: string; appendToDocument?: string; preferred?: boolean }[];
    evidenceIds: string[];
    analysis: Record<string, unknown>;
  };
}
export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, TextEdit[]> };
}

export interface StartOptions {
  /** The healthClaims settings returned for workspace/configuration (mutable via harness.settings). */
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** Advertise workspace/configuration support (default true). */
  configuration?: boolean;
  rootPath?: string;
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
}

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

export class LspHarness {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: string[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly configurationRequests: unknown[] = [];
  settings: Record<string, unknown>;
  initializeResult: { capabilities: Record<string, any>; serverInfo?: { name: string; version?: string } } | undefined;
  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly messageWaiters: Waiter<{ type: number; message: string }>[] = [];
  private readonly exited: Promise<number | null>;
  private stderr = '';

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
    process.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.push(params);
      this.settle(this.diagnosticWaiters, params);
    });
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
      this.settle(this.messageWaiters, params);
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
    connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) => {
      this.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'healthClaims' ? this.settings : null));
    });
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
  }

  static async start(options: StartOptions = {}): Promise<LspHarness> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const harness = new LspHarness(child, connection, options);
    connection.listen();
    const rootPath = options.rootPath ?? FIXTURE_WORKSPACE;
    harness.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(rootPath),
      workspaceFolders: [{ uri: uriOf(rootPath), name: path.basename(rootPath) }],
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: options.configuration !== false,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
        },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            isPreferredSupport: true,
            dataSupport: true,
          },
        },
        window: { showMessage: {} },
      },
    });
    await connection.sendNotification('initialized', {});
    return harness;
  }

  private settle<T>(waiters: Waiter<T>[], value: T): void {
    for (const w of [...waiters]) {
      if (w.test(value)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(value);
      }
    }
  }

  private wait<T>(waiters: Waiter<T>[], seen: readonly T[], test: (value: T) => boolean, what: string, timeoutMs: number, fromIndex: number): Promise<T> {
    const already = seen.slice(fromIndex).find(test);
    if (already) return Promise.resolve(already);
    return new Promise<T>((resolve, reject) => {
      // A guard against a hang, not a sleep: the test fails if the server never answers.
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(`Timed out waiting for ${what}.\nServer stderr:\n${this.stderr}\nServer log:\n${this.logs.join('\n')}`));
      }, timeoutMs);
      const waiter: Waiter<T> = {
        test,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      };
      waiters.push(waiter);
    });
  }

  /** The next publishDiagnostics for `uri` (received from now on) that passes `test`. */
  nextDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return this.wait(this.diagnosticWaiters, this.diagnostics, (p) => p.uri === uri && test(p), `diagnostics for ${uri}`, timeoutMs, this.diagnostics.length);
  }

  /** A publishDiagnostics for `uri` passing `test`, including ones already received. */
  anyDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return this.wait(this.diagnosticWaiters, this.diagnostics, (p) => p.uri === uri && test(p), `diagnostics for ${uri}`, timeoutMs, 0);
  }

  /** A window/showMessage passing `test`, including ones already received. */
  message(test: (m: { type: number; message: string }) => boolean, timeoutMs = 10_000): Promise<{ type: number; message: string }> {
    return this.wait(this.messageWaiters, this.messages, test, 'a window/showMessage', timeoutMs, 0);
  }

  /** Open a document and return its first diagnostics. */
  async open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return published;
  }

  /** Send incremental changes and return the diagnostics published for that version. */
  async change(uri: string, version: number, changes: { range?: Range; text: string }[]): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return published;
  }

  async close(uri: string): Promise<PublishDiagnosticsParams> {
    const published = this.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return published;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** shutdown + exit, wait for the process to end, then dispose the connection. */
  async stop(): Promise<number | null> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}

// ---------------------------------------------------------------- text helpers

export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The range of the nth occurrence of `needle` in `text`. */
export function rangeOf(text: string, needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" (#${nth}) is not in the text`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

export function textAt(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** Apply LSP text edits (non-overlapping, positions relative to the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const located = edits.map((e, i) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText, i }));
  located.sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const e of located) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
