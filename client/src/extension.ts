// The VS Code side of Health Claims Checker: starts the bundled language
// server (dist/server.js) over IPC, and adds the commands. All checking happens
// in the server; this file only wires VS Code to it.

import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

const CLIENT_ID = 'healthClaims';
const CLIENT_NAME = 'Health Claims';
const CHECK_FILES_METHOD = 'healthClaims/checkFiles';
const DID_CHANGE_TRUST_METHOD = 'healthClaims/didChangeWorkspaceTrust';
const BATCH_SIZE = 25;
/** Restart after a crash at most this many times within RESTART_WINDOW_MS. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

interface CheckFilesResult {
  files: { uri: string; diagnostics: { severity?: number }[] }[];
  errors: { uri: string; message: string }[];
  cancelled: boolean;
}

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

function currentSettings(): unknown {
  // A plain copy of the healthClaims section (WorkspaceConfiguration has methods).
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(CLIENT_ID))) as unknown;
}

/** Restarts the server when it dies, unless it keeps dying; then offers a manual restart. */
class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];

  constructor(private readonly channel: vscode.OutputChannel) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.channel.appendLine(`[client] connection error (${count ?? 0}): ${error.message}`);
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    this.restarts.push(now);
    if (this.restarts.length <= MAX_RESTARTS) {
      this.channel.appendLine(`[client] the language server stopped; restarting it (${this.restarts.length}/${MAX_RESTARTS}).`);
      return { action: CloseAction.Restart, handled: true };
    }
    this.channel.appendLine('[client] the language server stopped too often; not restarting it.');
    void vscode.window
      .showErrorMessage(`The Health Claims server stopped ${MAX_RESTARTS + 1} times in 3 minutes and was not restarted. See the "Health Claims" output for details.`, 'Restart', 'Show Output')
      .then((choice) => {
        if (choice === 'Restart') void vscode.commands.executeCommand('healthClaims.restartServer');
        if (choice === 'Show Output') this.channel.show(true);
      });
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  reset(): void {
    this.restarts = [];
  }
}

function createClient(context: vscode.ExtensionContext, channel: vscode.OutputChannel, errorHandler: ErrorHandler): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      // Only present when an MDX extension is installed.
      { scheme: 'file', language: 'mdx' },
      { scheme: 'untitled', language: 'mdx' },
      // Synced so the server validates unsaved edits of the project config too.
      { scheme: 'file', pattern: '**/.health-claims.json' },
    ],
    // A function, so a restarted server gets the trust and settings of that moment.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted, settings: currentSettings() }),
    outputChannel: channel,
    errorHandler,
    // The server pulls settings (workspace/configuration) and registers for
    // configuration changes and .health-claims.json file events itself.
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

async function checkWorkspace(): Promise<void> {
  const current = client;
  if (!current || current.state !== State.Running) {
    void vscode.window.showWarningMessage('The Health Claims server is not running. Run "Health Claims: Restart Server" and try again.');
    return;
  }
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Open a folder to check its Markdown files.');
    return;
  }
  const { summary, problems } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Health Claims: checking Markdown files', cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles('**/*.md', '**/node_modules/**', undefined, token);
      files.sort((a, b) => a.toString().localeCompare(b.toString()));
      let checked = 0;
      let problems = 0;
      const errors: string[] = [];
      for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH_SIZE) {
        const batch = files.slice(i, i + BATCH_SIZE);
        progress.report({ message: `${checked} of ${files.length} files`, increment: (batch.length / files.length) * 100 });
        let result: CheckFilesResult;
        try {
          result = await current.sendRequest<CheckFilesResult>(CHECK_FILES_METHOD, { files: batch.map((u) => u.toString()), publish: true }, token);
        } catch (error) {
          if (token.isCancellationRequested) break;
          throw error;
        }
        checked += result.files.length;
        problems += result.files.reduce((n, f) => n + f.diagnostics.length, 0);
        errors.push(...result.errors.map((e) => `${e.uri}: ${e.message}`));
        if (result.cancelled) break;
      }
      for (const e of errors) output?.appendLine(`[client] could not check ${e}`);
      const summary = `Health Claims: ${token.isCancellationRequested ? 'stopped after ' : 'checked '}${checked} of ${files.length} Markdown files, ${problems} problem${problems === 1 ? '' : 's'}${errors.length ? `, ${errors.length} could not be read (see output)` : ''}.`;
      return { summary, problems };
    },
  );
  // Not awaited, and outside the progress: the summary stays until dismissed, but the
  // progress notification and the command finish as soon as the check has.
  if (problems > 0) {
    void vscode.window.showInformationMessage(summary, 'Show Problems').then((choice) => {
      if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  } else {
    void vscode.window.showInformationMessage(summary);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const channel = vscode.window.createOutputChannel(CLIENT_NAME);
  output = channel;
  const errorHandler = new RestartingErrorHandler(channel);
  client = createClient(context, channel, errorHandler);

  context.subscriptions.push(
    channel,
    vscode.commands.registerCommand('healthClaims.checkWorkspace', () =>
      checkWorkspace().catch((error: unknown) => {
        channel.appendLine(`[client] Check All Markdown Files failed: ${(error as Error)?.stack ?? String(error)}`);
        void vscode.window.showErrorMessage(`Health Claims: checking the workspace failed: ${(error as Error)?.message ?? String(error)}`);
      }),
    ),
    vscode.commands.registerCommand('healthClaims.restartServer', async () => {
      errorHandler.reset();
      if (!client) return;
      channel.appendLine('[client] restarting the language server.');
      if (client.state === State.Stopped) await client.start();
      else await client.restart();
    }),
    vscode.commands.registerCommand('healthClaims.showOutput', () => channel.show(true)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client?.state === State.Running) void client.sendNotification(DID_CHANGE_TRUST_METHOD, { trusted: true, settings: currentSettings() });
    }),
  );

  try {
    await client.start();
  } catch (error) {
    channel.appendLine(`[client] the language server did not start: ${(error as Error)?.stack ?? String(error)}`);
    void vscode.window.showErrorMessage('The Health Claims server did not start. See the "Health Claims" output for details.', 'Show Output').then((c) => {
      if (c) channel.show(true);
    });
  }
}

export async function deactivate(): Promise<void> {
  const current = client;
  client = undefined;
  if (current && current.state !== State.Stopped) await current.stop();
}
