// The Health Claims language server: open Markdown documents in, diagnostics,
// hover cards and code actions out. A thin adapter over the analysis core
// (Checker) and the Node config loading the CLI uses too.
//
// Timing: a change schedules a check after `debounceMs` (0: at once). Checks
// are synchronous once settings are known, and each publish carries the
// document's version; a result for an older version is never published over a
// newer one. One Checker per configuration stays alive (CheckerPool), so an
// edit re-analyses only the paragraphs it touched.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  BulkRegistration,
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MarkupKind,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type CompletionParams,
  type Connection,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type Range,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import pkg from '../../../package.json';
import { LineIndex } from '../core/lineIndex.js';
import type { InputProblem, Suggestion } from '../core/types.js';
import { replacementTitle } from '../rules/rule.js';
import { CheckerPool } from '../node/checkers.js';
import type { LoadedConfig } from '../node/projectConfig.js';
import { DIAGNOSTIC_SOURCE, toDiagnostics } from '../shared/diagnostics.js';
import { DEFAULT_SETTINGS, normalizeSettings, resolveRuleSettings, SETTINGS_SECTION, type HealthClaimsSettings } from '../shared/settings.js';
import { FIX_ALL_KIND, fixAllAction, kindRequested, quickFixes, type HealthDiagnostic } from './codeActions.js';
import { renderHoverCard } from './hoverCard.js';
import { renderEvidenceCard } from './evidenceCardMarkdown.js';
import { CITATION_TRIGGER_CHARACTERS, citationCompletions } from './citationCompletion.js';
import { evidenceTargetAt } from '../core/evidence/evidenceAt.js';
import { interventionCard, sourceCard } from '../core/evidence/evidenceCard.js';
import { queryForClaim } from '../core/evidence/evidenceQuery.js';
import type { Knowledge } from '../core/knowledge/knowledge.js';
import type { Checker } from '../core/checker.js';
import { formatProblem, isConfigFile, isIgnoredByConfig, NO_CONFIG, ProjectConfigs } from '../node/projectConfig.js';
import { isWorkspacePackFile, WorkspacePacks, type LoadedPack } from '../node/workspacePacks.js';
import {
  CHECK_FILES_METHOD,
  DID_CHANGE_TRUST_METHOD,
  type CheckFilesParams,
  type CheckFilesResult,
  type DidChangeTrustParams,
  type InitializationOptions,
} from './protocol.js';

const MARKDOWN_LANGUAGES = new Set(['markdown', 'mdx']);
const MARKDOWN_EXTENSION = /\.(?:md|markdown|mdx|mdown|mkd|mkdn)$/i;
/** HEALTH_CLAIMS_TIMING=1: log how long each check and publish takes. */
const TIMING = process.env.HEALTH_CLAIMS_TIMING === '1';
/** Typing in an open .health-claims.json re-checks every open document; wait for a pause first. */
const CONFIG_EDIT_DEBOUNCE_MS = 250;

interface DocState {
  /** The last version seen by a content event (to tell the open event from a change). */
  seenVersion: number;
  /** The version of the last published diagnostics (-1: none yet). */
  publishedVersion: number;
  timer?: { cancel(): void };
  /** When the last change arrived (HEALTH_CLAIMS_TIMING only), to time the server's work per edit. */
  changedAt?: number;
  /** The diagnostics of the last check, reused by hover and code actions while the version matches. */
  result?: { version: number; diagnostics: HealthDiagnostic[] };
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isMarkdown(uri: string, languageId?: string): boolean {
  if (languageId && MARKDOWN_LANGUAGES.has(languageId)) return true;
  const path = uri.replace(/[?#].*$/, '');
  return MARKDOWN_EXTENSION.test(path) && !isConfigFile(path);
}

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export class HealthClaimsServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly pool = new CheckerPool();
  private readonly configs = new ProjectConfigs((file) => this.openConfigText(file));
  private readonly packs = new WorkspacePacks();
  /** Workspace pack file -> signature of the problems last published for it. */
  private readonly packReports = new Map<string, string>();
  /** Pack files outside .health-claims/packs/ (listed in "packs") the client watches for us. */
  private readonly watchedPackFiles = new Set<string>();
  private readonly states = new Map<string, DocState>();
  private settingsCache = new Map<string, Promise<HealthClaimsSettings>>();
  /** Settings from initializationOptions or didChangeConfiguration, for clients without workspace/configuration. */
  private fallbackSettings: HealthClaimsSettings = normalizeSettings(DEFAULT_SETTINGS);
  private trusted = true;
  private readonly capabilities = { configuration: false, dynamicConfiguration: false, watchedFiles: false };
  /** Config file path -> signature of the problems last published for it. */
  private readonly configReports = new Map<string, string>();
  /** Config files the user has been warned about (once, until the file is fixed). */
  private readonly warnedConfigs = new Set<string>();
  /** Config file path -> URI of the open editor document. */
  private readonly openConfigs = new Map<string, string>();
  private configEditTimer: NodeJS.Timeout | undefined;

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => this.guard('initialized', () => this.registerDynamic()));
    c.onDidChangeConfiguration((params) => this.guard('didChangeConfiguration', () => this.configurationChanged(params.settings)));
    c.onDidChangeWatchedFiles((params) =>
      this.guard('didChangeWatchedFiles', () => {
        const files = params.changes
          .map((ch) => ({ file: filePathOf(ch.uri), deleted: ch.type === FileChangeType.Deleted }))
          .filter((f): f is { file: string; deleted: boolean } => !!f.file);
        const packFiles = files.filter((f) => isWorkspacePackFile(f.file) || this.watchedPackFiles.has(f.file) || this.packReports.has(f.file));
        if (packFiles.length) this.packFilesChanged(packFiles);
        const configFiles = files.filter((f) => isConfigFile(f.file));
        if (configFiles.length || !packFiles.length) this.configFilesChanged(configFiles);
      }),
    );
    c.onNotification(DID_CHANGE_TRUST_METHOD, (params: DidChangeTrustParams) => this.guard('didChangeWorkspaceTrust', () => this.trustChanged(params)));
    c.onHover((params) => this.hover(params));
    c.onCompletion((params) => this.complete(params));
    c.onCodeAction((params) => this.codeActions(params));
    c.onRequest(CHECK_FILES_METHOD, (params: CheckFilesParams | string[], token) => this.checkFiles(params, token));
    c.onShutdown(() => {
      for (const state of this.states.values()) state.timer?.cancel();
      clearTimeout(this.configEditTimer);
    });

    this.documents.onDidOpen((e) => this.guard('didOpen', () => this.opened(e.document)));
    this.documents.onDidChangeContent((e) => this.guard('didChange', () => this.changed(e.document)));
    this.documents.onDidSave((e) => this.guard('didSave', () => this.saved(e.document)));
    this.documents.onDidClose((e) => this.guard('didClose', () => this.closed(e.document)));
    this.documents.listen(c);
  }

  // ------------------------------------------------------------------ lifecycle

  private initialize(params: InitializeParams): InitializeResult {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    this.trusted = options.trusted !== false;
    // { settings: {...} } from the VS Code client; { healthClaims: {...} } from editors that send their
    // server config as initializationOptions (Helix's `config`).
    this.fallbackSettings = normalizeSettings(options.settings ?? options.healthClaims);
    const workspace = params.capabilities.workspace;
    this.capabilities.configuration = workspace?.configuration === true;
    this.capabilities.dynamicConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.capabilities.watchedFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    for (const p of this.pool.builtinProblems) this.connection.console.error(`Built-in data problem: ${p.file}: ${p.message}`);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: CITATION_TRIGGER_CHARACTERS, resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      },
      serverInfo: { name: 'health-claims-language-server', version: pkg.version },
    };
  }

  private async registerDynamic(): Promise<void> {
    const registrations = BulkRegistration.create();
    if (this.capabilities.dynamicConfiguration) registrations.add(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    // Without this (clients that cannot watch files), a config change is seen when the file is opened or edited in the editor.
    if (this.capabilities.watchedFiles) {
      registrations.add(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.health-claims.json' }, { globPattern: '**/.health-claims/packs/*.json' }] });
    }
    if (this.capabilities.dynamicConfiguration || this.capabilities.watchedFiles) await this.connection.client.register(registrations);
  }

  /** Run a handler, logging (never throwing) whatever goes wrong. */
  private guard(what: string, run: () => unknown): void {
    try {
      const result = run();
      if (result instanceof Promise) result.catch((error: unknown) => this.logError(what, error));
    } catch (error) {
      this.logError(what, error);
    }
  }

  private logError(what: string, error: unknown): void {
    this.connection.console.error(`health-claims: ${what} failed: ${errorText(error)}`);
  }

  // ------------------------------------------------------------------ settings

  private settingsFor(uri: string, cache = true): Promise<HealthClaimsSettings> {
    if (!this.capabilities.configuration) return Promise.resolve(this.fallbackSettings);
    const cached = this.settingsCache.get(uri);
    if (cached) return cached;
    const request = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
      (raw: unknown) => (raw === null || raw === undefined ? this.fallbackSettings : normalizeSettings(raw)),
      (error: unknown) => {
        this.logError('workspace/configuration', error);
        return this.fallbackSettings;
      },
    );
    if (cache) this.settingsCache.set(uri, request);
    return request;
  }

  private configurationChanged(settings: unknown): void {
    this.settingsCache.clear();
    const section = (settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (section !== undefined && section !== null) this.fallbackSettings = normalizeSettings(section);
    this.recheckAll();
  }

  private trustChanged(params: DidChangeTrustParams): void {
    this.trusted = params?.trusted !== false;
    if (params?.settings !== undefined) this.fallbackSettings = normalizeSettings(params.settings);
    this.settingsCache.clear();
    this.configs.invalidate();
    this.packs.invalidate();
    this.pool.clear();
    if (!this.trusted) {
      for (const file of [...this.configReports.keys()]) this.clearConfigReport(file);
      for (const file of [...this.packReports.keys()]) this.clearPackReport(file);
    }
    this.recheckAll();
  }

  // ------------------------------------------------------------------ documents

  private opened(document: TextDocument): void {
    const state: DocState = { seenVersion: document.version, publishedVersion: -1 };
    this.states.set(document.uri, state);
    const file = filePathOf(document.uri);
    if (file && isConfigFile(file)) {
      this.openConfigs.set(file, document.uri);
      this.configFilesChanged([{ file, deleted: false }]);
      return;
    }
    if (isMarkdown(document.uri, document.languageId)) void this.validate(document.uri);
  }

  private async changed(document: TextDocument): Promise<void> {
    const state = this.states.get(document.uri);
    if (!state || state.seenVersion === document.version) return; // the open event
    state.seenVersion = document.version;
    if (TIMING) state.changedAt = performance.now();
    const file = filePathOf(document.uri);
    if (file && isConfigFile(file)) {
      clearTimeout(this.configEditTimer);
      this.configEditTimer = setTimeout(() => this.guard('config edit', () => this.configFilesChanged([{ file, deleted: false }])), CONFIG_EDIT_DEBOUNCE_MS);
      return;
    }
    if (!isMarkdown(document.uri, document.languageId)) return;
    const settings = await this.settingsFor(document.uri);
    if (this.states.get(document.uri) !== state || !settings.enable || settings.run !== 'onType') return;
    this.schedule(document.uri, state, settings.debounceMs);
  }

  private async saved(document: TextDocument): Promise<void> {
    if (!isMarkdown(document.uri, document.languageId)) return;
    const settings = await this.settingsFor(document.uri);
    if (settings.run === 'onSave') await this.validate(document.uri);
  }

  private closed(document: TextDocument): void {
    const state = this.states.get(document.uri);
    state?.timer?.cancel();
    this.states.delete(document.uri);
    this.settingsCache.delete(document.uri);
    const file = filePathOf(document.uri);
    if (file && isConfigFile(file)) {
      this.openConfigs.delete(file);
      // The file on disk applies again (it may differ from the unsaved text).
      this.configFilesChanged([{ file, deleted: false }]);
      return;
    }
    this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  }

  private schedule(uri: string, state: DocState, delayMs: number): void {
    state.timer?.cancel();
    if (delayMs <= 0) {
      const handle = setImmediate(() => void this.validate(uri));
      state.timer = { cancel: () => clearImmediate(handle) };
    } else {
      const handle = setTimeout(() => void this.validate(uri), delayMs);
      state.timer = { cancel: () => clearTimeout(handle) };
    }
  }

  private recheckAll(): void {
    for (const document of this.documents.all()) {
      const state = this.states.get(document.uri);
      if (state) state.result = undefined;
      if (isMarkdown(document.uri, document.languageId)) void this.validate(document.uri);
    }
  }

  /** Check an open document and publish its diagnostics, unless newer ones were published meanwhile. */
  private async validate(uri: string): Promise<void> {
    try {
      const state = this.states.get(uri);
      if (!state) return;
      state.timer?.cancel();
      state.timer = undefined;
      const settings = await this.settingsFor(uri);
      const document = this.documents.get(uri);
      // Closed meanwhile (or closed and reopened: the new open checks it).
      if (!document || this.states.get(uri) !== state) return;
      const started = TIMING ? performance.now() : 0;
      const diagnostics = this.diagnose(uri, document.getText(), settings, document.languageId);
      const checked = TIMING ? performance.now() : 0;
      state.result = { version: document.version, diagnostics };
      if (document.version < state.publishedVersion) return;
      state.publishedVersion = document.version;
      await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: diagnostics.map(forPublishing) });
      if (TIMING) {
        // work: from the change arriving to the diagnostics written out (settings, check, conversion, serialisation).
        const done = performance.now();
        const work = state.changedAt !== undefined ? ` work ${(done - state.changedAt).toFixed(2)} ms,` : '';
        this.connection.console.log(`timing: ${uri} v${document.version}:${work} check ${(checked - started).toFixed(2)} ms, publish ${(done - checked).toFixed(2)} ms, ${diagnostics.length} diagnostics`);
      }
    } catch (error) {
      this.logError(`checking ${uri}`, error);
    }
  }

  /** The diagnostics of the document as it is now (from the last check if still current). */
  private async currentDiagnostics(document: TextDocument): Promise<HealthDiagnostic[]> {
    const state = this.states.get(document.uri);
    if (state?.result && state.result.version === document.version) return state.result.diagnostics;
    const settings = await this.settingsFor(document.uri);
    const current = this.documents.get(document.uri) ?? document;
    const diagnostics = this.diagnose(current.uri, current.getText(), settings, current.languageId);
    if (state && this.states.get(document.uri) === state) state.result = { version: current.version, diagnostics };
    return diagnostics;
  }

  private diagnose(uri: string, text: string, settings: HealthClaimsSettings, languageId?: string): HealthDiagnostic[] {
    if (!settings.enable || !isMarkdown(uri, languageId)) return [];
    const file = filePathOf(uri);
    const loaded = this.trusted && file ? this.configs.forFile(file) : NO_CONFIG;
    this.reportConfigProblems(loaded);
    if (file && isIgnoredByConfig(file, loaded)) return [];
    const checker = this.checkerFor(file, loaded);
    const result = checker.check(text, { rules: resolveRuleSettings(settings.rules, loaded.config.rules), includeImageAltText: loaded.config.includeImageAltText, documentKey: uri });
    const lines = new LineIndex(text);
    const diagnostics = toDiagnostics(text, result.findings, lines) as HealthDiagnostic[];
    for (const problem of result.directiveProblems) {
      diagnostics.push({
        range: { start: lines.positionAt(problem.start), end: lines.positionAt(problem.end) },
        severity: DiagnosticSeverity.Warning,
        code: 'unknown-rule',
        source: DIAGNOSTIC_SOURCE,
        message: problem.message,
      });
    }
    return diagnostics;
  }

  /** The checker for a file: its project configuration (terms) and, in a trusted workspace, the workspace's evidence packs. */
  private checkerFor(file: string | undefined, loaded: LoadedConfig): Checker {
    if (!this.trusted || !file) return this.pool.forConfig(loaded.config);
    const packs = this.packs.forFile(file, loaded);
    for (const pack of packs) this.reportPackProblems(pack);
    this.watchListedPacks(packs.map((p) => p.file));
    return this.pool.forConfig(loaded.config, packs);
  }

  // ------------------------------------------------------------------ workspace evidence packs

  private packFilesChanged(changes: { file: string; deleted: boolean }[]): void {
    for (const { file, deleted } of changes) if (deleted) this.clearPackReport(file);
    this.packs.invalidate();
    this.pool.clear();
    this.recheckAll();
  }

  /** Publish a pack's problems as diagnostics in the pack file; clear them once it is fixed. */
  private reportPackProblems(pack: LoadedPack): void {
    const signature = JSON.stringify(pack.problems);
    const previous = this.packReports.get(pack.file);
    if (previous === signature || (previous === undefined && !pack.problems.length)) return;
    this.packReports.set(pack.file, signature);
    void this.connection.sendDiagnostics({ uri: pathToFileURL(pack.file).href, diagnostics: pack.problems.map(packDiagnostic) });
    for (const p of pack.problems) this.connection.console.warn(formatProblem(p));
  }

  private clearPackReport(file: string): void {
    if (!this.packReports.delete(file)) return;
    void this.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
  }

  /** Ask the client to watch packs listed in .health-claims.json that live outside .health-claims/packs/ (those are watched already). */
  private watchListedPacks(files: readonly string[]): void {
    if (!this.capabilities.watchedFiles) return;
    const fresh = files.filter((f) => !isWorkspacePackFile(f) && !this.watchedPackFiles.has(f));
    if (!fresh.length) return;
    for (const f of fresh) this.watchedPackFiles.add(f);
    void this.connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: fresh.map((f) => ({ globPattern: f.split(path.sep).join('/') })) })
      .catch((error: unknown) => this.logError('watching evidence packs', error));
  }

  // ------------------------------------------------------------------ .health-claims.json

  private openConfigText(file: string): string | undefined {
    const uri = this.openConfigs.get(file);
    return uri ? this.documents.get(uri)?.getText() : undefined;
  }

  private configUri(file: string): string {
    return this.openConfigs.get(file) ?? pathToFileURL(file).href;
  }

  private configFilesChanged(changes: { file: string; deleted: boolean }[]): void {
    this.configs.invalidate();
    // A config's "packs" list may have changed.
    this.packs.invalidate();
    this.pool.clear();
    if (this.trusted) {
      for (const { file, deleted } of changes) {
        const loaded = deleted ? undefined : this.configs.load(file);
        if (loaded) this.reportConfigProblems(loaded);
        else this.clearConfigReport(file);
      }
    }
    this.recheckAll();
  }

  private clearConfigReport(file: string): void {
    if (!this.configReports.has(file)) return;
    this.configReports.delete(file);
    this.warnedConfigs.delete(file);
    void this.connection.sendDiagnostics({ uri: this.configUri(file), diagnostics: [] });
  }

  /** Publish a config file's problems as diagnostics in it (and warn once); clear them once it is fixed. */
  private reportConfigProblems(loaded: LoadedConfig): void {
    const file = loaded.file;
    if (!file) return;
    const signature = JSON.stringify(loaded.problems);
    if (this.configReports.get(file) === signature) return;
    this.configReports.set(file, signature);
    void this.connection.sendDiagnostics({ uri: this.configUri(file), diagnostics: loaded.problems.map(configDiagnostic) });
    if (!loaded.problems.length) {
      this.warnedConfigs.delete(file);
      return;
    }
    for (const p of loaded.problems) this.connection.console.warn(`${file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${p.message} ${p.hint}`);
    if (!this.warnedConfigs.has(file)) {
      this.warnedConfigs.add(file);
      const first = loaded.problems[0]!;
      const where = first.line ? ` line ${first.line}` : '';
      const more = loaded.problems.length > 1 ? ` (and ${loaded.problems.length - 1} more)` : '';
      // The file's name and the problem first, its full path last: a notification shows only its start.
      // A plain window/showMessage notification (showWarningMessage would send a request awaiting an answer).
      void this.connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: `Health Claims: ${path.basename(file)}${where}: ${first.message}${more} Checking continues with the default settings until it is fixed. (${file})`,
      });
    }
  }

  // ------------------------------------------------------------------ hover and code actions

  private async hover(params: HoverParams): Promise<Hover | null> {
    try {
      const document = this.documents.get(params.textDocument.uri);
      if (!document || !isMarkdown(document.uri, document.languageId)) return null;
      const diagnostics = await this.currentDiagnostics(document);
      const hits = diagnostics.filter((d) => d.data && contains(d.range, params.position));
      const evidence = this.evidenceCardAt(document, params.position, hits);
      if (!hits.length && !evidence) return null;
      const cards = [...hits.map((d) => renderHoverCard(d)), ...(evidence ? [evidence.markdown] : [])];
      return {
        contents: { kind: MarkupKind.Markdown, value: cards.join('\n\n---\n\n') },
        range: hits[0]?.range ?? evidence!.range,
      };
    } catch (error) {
      this.logError('hover', error);
      return null;
    }
  }

  private complete(params: CompletionParams): CompletionItem[] {
    try {
      const document = this.documents.get(params.textDocument.uri);
      if (!document || !isMarkdown(document.uri, document.languageId)) return [];
      return citationCompletions(document, params.position, this.knowledgeFor(document.uri));
    } catch (error) {
      this.logError('completion', error);
      return [];
    }
  }

  /**
   * The evidence card for a hover: a cited pack source under the cursor, else
   * the flagged claim's evidence (its interventions, condition, outcome and the
   * rule's evidence ids), else a pack intervention named under the cursor.
   */
  private evidenceCardAt(document: TextDocument, position: Position, hits: readonly HealthDiagnostic[]): { markdown: string; range: Range } | undefined {
    const knowledge = this.knowledgeFor(document.uri);
    if (knowledge.evidence.isEmpty) return undefined;
    const text = document.getText();
    const target = evidenceTargetAt(knowledge, text, document.offsetAt(position));
    const rangeOf = (span: { start: number; end: number }): Range => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
    if (target?.kind === 'source') {
      const card = sourceCard(knowledge.evidence, target.sourceId);
      if (card) return { markdown: renderEvidenceCard(card), range: rangeOf(target) };
    }
    for (const hit of hits) {
      if (!hit.data?.analysis) continue;
      const query = queryForClaim(knowledge, hit.data.analysis, { evidenceIds: hit.data.evidenceIds, ruleId: hit.data.ruleId });
      const card = query.interventionIds.length ? interventionCard(knowledge.evidence, query) : undefined;
      if (card) return { markdown: renderEvidenceCard(card), range: hit.range };
    }
    if (target?.kind === 'intervention') {
      const card = interventionCard(knowledge.evidence, target.query);
      if (card) return { markdown: renderEvidenceCard(card), range: rangeOf(target) };
    }
    return undefined;
  }

  /** The knowledge (lexicons and evidence packs) the document is checked with. */
  private knowledgeFor(uri: string): Knowledge {
    const file = filePathOf(uri);
    const loaded = this.trusted && file ? this.configs.forFile(file) : NO_CONFIG;
    return this.checkerFor(file, loaded).knowledge;
  }

  private async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    try {
      const document = this.documents.get(params.textDocument.uri);
      if (!document || !isMarkdown(document.uri, document.languageId)) return [];
      const only = params.context.only;
      const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE) as HealthDiagnostic[];
      const actions: CodeAction[] = [];
      if (kindRequested(CodeActionKind.QuickFix, only) && ours.length) {
        let current: HealthDiagnostic[] | undefined;
        for (const given of ours) {
          let diagnostic = given;
          if (!given.data) {
            // Clients that drop `data`: find ours at the same place.
            current ??= await this.currentDiagnostics(document);
            diagnostic = current.find((d) => d.code === given.code && sameRange(d.range, given.range)) ?? given;
          }
          actions.push(...quickFixes(document, diagnostic, this.knowledgeFor(document.uri).evidence));
        }
      }
      // Fix-all on request (e.g. editor.codeActionsOnSave), or next to our quick fixes.
      if (kindRequested(FIX_ALL_KIND, only) && (only?.length || ours.length)) {
        const fixAll = fixAllAction(document, await this.currentDiagnostics(document), this.knowledgeFor(document.uri).evidence);
        if (fixAll) actions.push(fixAll);
      }
      return actions;
    } catch (error) {
      this.logError('codeAction', error);
      return [];
    }
  }

  // ------------------------------------------------------------------ healthClaims/checkFiles

  private async checkFiles(params: CheckFilesParams | string[], token: CancellationToken): Promise<CheckFilesResult> {
    const list = Array.isArray(params) ? params : Array.isArray(params?.files) ? params.files : [];
    const publish = Array.isArray(params) ? true : params?.publish !== false;
    const result: CheckFilesResult = { files: [], errors: [], cancelled: false };
    const settingsByFolder = new Map<string, Promise<HealthClaimsSettings>>();
    for (const entry of list) {
      if (token.isCancellationRequested) {
        result.cancelled = true;
        break;
      }
      if (typeof entry !== 'string' || !entry) continue;
      const uri = /^[a-z][a-z0-9+.-]+:/i.test(entry) ? entry : pathToFileURL(entry).href;
      try {
        const open = this.documents.get(uri);
        if (open) {
          result.files.push({ uri, diagnostics: (await this.currentDiagnostics(open)).map(forPublishing) });
          continue;
        }
        const file = filePathOf(uri);
        if (!file) throw new Error('only file: URIs and paths can be read');
        const text = await fs.promises.readFile(file, 'utf8');
        const folder = uri.slice(0, uri.lastIndexOf('/'));
        let settings = settingsByFolder.get(folder);
        if (!settings) settingsByFolder.set(folder, (settings = this.settingsFor(uri, false)));
        const diagnostics = this.diagnose(uri, text, await settings);
        if (this.documents.get(uri)) continue; // opened meanwhile: its own check publishes
        const published = diagnostics.map(forPublishing);
        if (publish) void this.connection.sendDiagnostics({ uri, diagnostics: published });
        result.files.push({ uri, diagnostics: published });
      } catch (error) {
        result.errors.push({ uri, message: (error as Error)?.message ?? String(error) });
      }
    }
    return result;
  }
}

/**
 * What goes over the wire: the diagnostic without its claim analysis. Code
 * actions need only text and suggestions from `data`; the hover card,
 * which shows the analysis, is rendered here from the full result. This keeps
 * publishDiagnostics about 40% smaller, which matters on every keystroke for
 * a long draft with hundreds of findings.
 */
function forPublishing(diagnostic: HealthDiagnostic): HealthDiagnostic {
  const full = diagnostic.data;
  if (!full) return diagnostic;
  // The data built field by field (no rest pattern): this runs for every diagnostic on every keystroke.
  const data = { text: full.text, suggestions: slimSuggestions(full.suggestions, full.text), evidenceIds: full.evidenceIds };
  return { ...diagnostic, data: data as unknown as HealthDiagnostic['data'] };
}

/** Slimmed suggestions by the array they came from: a block the checker reused hands back the same array on every edit. */
const slimmed = new WeakMap<readonly Suggestion[], { text: string; slim: Partial<Suggestion>[] }>();
const NO_SUGGESTIONS: Partial<Suggestion>[] = [];

function slimSuggestions(suggestions: readonly Suggestion[], text: string): Partial<Suggestion>[] {
  if (!suggestions.length) return NO_SUGGESTIONS;
  const known = slimmed.get(suggestions);
  if (known && known.text === text) return known.slim;
  const slim = suggestions.map((s) => slimSuggestion(s, text));
  slimmed.set(suggestions, { text, slim });
  return slim;
}

function slimSuggestion(suggestion: Suggestion, text: string): Partial<Suggestion> {
  const { title, preferred, ...rest } = suggestion;
  return { ...rest, ...(title === replacementTitle(text, suggestion.replacement) ? {} : { title }), ...(preferred ? { preferred } : {}) };
}

function packDiagnostic(problem: LoadedPack['problems'][number]): HealthDiagnostic {
  const line = Math.max(0, (problem.line ?? 1) - 1);
  const character = Math.max(0, (problem.column ?? 1) - 1);
  const at = problem.path ? ` (at ${problem.path})` : '';
  return {
    range: { start: { line, character }, end: { line, character: character + 1 } },
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: 'evidence-pack',
    message: `${problem.message.includes(problem.path ?? '\u0000') ? problem.message : problem.message + at} ${problem.hint}`.trim(),
  };
}

function configDiagnostic(problem: InputProblem): HealthDiagnostic {
  const line = Math.max(0, (problem.line ?? 1) - 1);
  const character = Math.max(0, (problem.column ?? 1) - 1);
  return {
    range: { start: { line, character }, end: { line, character: character + 1 } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: 'config',
    message: `${problem.message} ${problem.hint} Checking continues with the default settings.`.trim(),
  };
}
