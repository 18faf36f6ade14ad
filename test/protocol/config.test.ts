// Settings and project configuration over the protocol: editor settings,
// .health-claims.json (valid, malformed, edited, untrusted), run modes.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_WORKSPACE, LspHarness, textAt, uriOf, type Diagnostic, type PublishDiagnosticsParams } from './harness.js';

const DRAFT = fs.readFileSync(path.join(FIXTURE_WORKSPACE, 'draft.md'), 'utf8');
const DRAFT_URI = uriOf(path.join(FIXTURE_WORKSPACE, 'draft.md'));

function severities(diagnostics: readonly Diagnostic[], code: string): number[] {
  return diagnostics.filter((d) => d.code === code).map((d) => d.severity!);
}

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => String(d.code)))].sort();
}

/** Send didChangeConfiguration and wait for the re-check of `uri` that satisfies `test`. */
async function reconfigure(server: LspHarness, settings: Record<string, unknown>, uri: string, test: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
  server.settings = settings;
  const published = server.nextDiagnostics(uri, test);
  await server.notify('workspace/didChangeConfiguration', { settings: { healthClaims: settings } });
  return published;
}

describe('language server: settings', () => {
  let server: LspHarness;
  before(async () => {
    server = await LspHarness.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await server.stop();
  });

  it('reads settings with workspace/configuration, scoped to the document', async () => {
    await server.open(DRAFT_URI, DRAFT);
    const items = server.configurationRequests.flatMap((r) => (r as { items: { section: string; scopeUri: string }[] }).items);
    assert.ok(items.some((i) => i.section === 'healthClaims' && i.scopeUri === DRAFT_URI));
  });

  it('applies a configuration change: a rule off, a severity changed', async () => {
    const published = await reconfigure(server, { debounceMs: 0, rules: { hype: 'off', 'safety-overclaim': 'hint' } }, DRAFT_URI, (p) => !p.diagnostics.some((d) => d.code === 'hype'));
    assert.deepEqual(severities(published.diagnostics, 'safety-overclaim'), [4]);
    assert.ok(published.diagnostics.some((d) => d.code === 'unqualified-efficacy'), 'other rules still run');
  });

  it('lets the editor setting win over .health-claims.json, and the project file win over the default', async () => {
    // The fixture's .health-claims.json sets absolute-language to information.
    const projectOnly = await reconfigure(server, { debounceMs: 0 }, DRAFT_URI, (p) => p.diagnostics.some((d) => d.code === 'hype'));
    assert.deepEqual([...new Set(severities(projectOnly.diagnostics, 'absolute-language'))], [3]);
    const userWins = await reconfigure(server, { debounceMs: 0, rules: { 'absolute-language': 'error' } }, DRAFT_URI, (p) => severities(p.diagnostics, 'absolute-language').includes(1));
    assert.deepEqual([...new Set(severities(userWins.diagnostics, 'absolute-language'))], [1]);
  });

  it('enable: false clears the diagnostics; true brings them back', async () => {
    const off = await reconfigure(server, { enable: false, debounceMs: 0 }, DRAFT_URI, (p) => p.diagnostics.length === 0);
    assert.deepEqual(off.diagnostics, []);
    const on = await reconfigure(server, { enable: true, debounceMs: 0 }, DRAFT_URI, (p) => p.diagnostics.length > 0);
    assert.ok(on.diagnostics.some((d) => d.code === 'hype'));
  });

  it('run: onSave checks on save, not on change', async () => {
    await reconfigure(server, { run: 'onSave', debounceMs: 0 }, DRAFT_URI, () => true);
    const before = server.diagnostics.length;
    const fixedText = DRAFT.replace('Ketamine cures depression.', 'Ketamine helped some patients in trials.');
    await server.notify('textDocument/didChange', { textDocument: { uri: DRAFT_URI, version: 2 }, contentChanges: [{ text: fixedText }] });
    const saved = server.nextDiagnostics(DRAFT_URI, (p) => p.version === 2);
    await server.notify('textDocument/didSave', { textDocument: { uri: DRAFT_URI } });
    const published = await saved;
    assert.ok(!published.diagnostics.some((d) => d.code === 'unqualified-efficacy' && textAt(fixedText, d.range).startsWith('Ketamine cures')));
    const forVersion2 = server.diagnostics.slice(before).filter((p) => p.uri === DRAFT_URI && p.version === 2);
    assert.equal(forVersion2.length, 1, 'published once, on save');
    await reconfigure(server, { debounceMs: 0 }, DRAFT_URI, () => true);
    await server.change(DRAFT_URI, 3, [{ text: DRAFT }]);
  });

  it('debounces changes (debounceMs) and publishes only the latest version', async () => {
    await reconfigure(server, { debounceMs: 50 }, DRAFT_URI, () => true);
    const before = server.diagnostics.length;
    const last = server.nextDiagnostics(DRAFT_URI, (p) => p.version === 9);
    for (let version = 4; version <= 9; version++) {
      await server.notify('textDocument/didChange', { textDocument: { uri: DRAFT_URI, version }, contentChanges: [{ text: `${DRAFT}\nEdit ${version}.\n` }] });
    }
    await last;
    const versions = server.diagnostics.slice(before).filter((p) => p.uri === DRAFT_URI).map((p) => p.version);
    assert.deepEqual(versions, [9], 'a burst of changes gives one check');
    await reconfigure(server, { debounceMs: 0 }, DRAFT_URI, () => true);
  });
});

describe('language server: .health-claims.json', () => {
  let server: LspHarness;
  let workspace: string;
  let configFile: string;
  let draftUri: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'health-claims-protocol-'));
    configFile = path.join(workspace, '.health-claims.json');
    // Malformed: a missing comma after the first property (line 3).
    fs.writeFileSync(configFile, '{\n  "rules": {\n    "hype": "off"\n    "absolute-language": "error"\n  }\n}\n');
    fs.writeFileSync(path.join(workspace, 'draft.md'), DRAFT);
    draftUri = uriOf(path.join(workspace, 'draft.md'));
    server = await LspHarness.start({ settings: { debounceMs: 0 }, rootPath: workspace });
  });
  after(async () => {
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('reports a malformed file at the problem line, warns once, and checks with the defaults', async () => {
    const configUri = uriOf(configFile);
    const configDiagnostics = server.nextDiagnostics(configUri);
    const { diagnostics } = await server.open(draftUri, DRAFT);
    assert.ok(diagnostics.some((d) => d.code === 'hype'), 'hype still runs (the broken "off" is not applied)');
    assert.deepEqual([...new Set(severities(diagnostics, 'absolute-language'))], [2], 'absolute-language has its default severity');

    const problems = (await configDiagnostics).diagnostics;
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.range.start.line, 3, 'at the line where the comma is missing');
    assert.match(problems[0]!.message, /not valid JSON/);
    assert.match(problems[0]!.message, /default settings/);

    const warning = await server.message((m) => m.message.includes('.health-claims.json'));
    assert.equal(warning.type, 2, 'a warning');
    assert.match(warning.message, /^Health Claims: \.health-claims\.json line 4: .*not valid JSON/, 'the file name and the problem come first, before the long path');

    // Re-checking does not warn again.
    await reconfigure(server, { debounceMs: 0, rules: {} }, draftUri, () => true);
    assert.equal(server.messages.filter((m) => m.message.includes('.health-claims.json')).length, 1);
  });

  it('reports a value the schema rejects at its line', async () => {
    fs.writeFileSync(configFile, '{\n  "rules": {\n    "hype": "loud"\n  }\n}\n');
    const configDiagnostics = server.nextDiagnostics(uriOf(configFile), (p) => p.diagnostics.length > 0);
    const recheck = server.nextDiagnostics(draftUri);
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(configFile), type: 2 }] });
    const problem = (await configDiagnostics).diagnostics[0]!;
    assert.equal(problem.range.start.line, 2);
    assert.match(problem.message, /hype/);
    assert.ok((await recheck).diagnostics.some((d) => d.code === 'hype'));
  });

  it('applies the file once fixed on disk (didChangeWatchedFiles) and clears its diagnostics', async () => {
    fs.writeFileSync(configFile, '{\n  "rules": { "hype": "off", "absolute-language": "error" }\n}\n');
    const cleared = server.nextDiagnostics(uriOf(configFile), (p) => p.diagnostics.length === 0);
    const rechecked = server.nextDiagnostics(draftUri, (p) => !p.diagnostics.some((d) => d.code === 'hype'));
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(configFile), type: 2 }] });
    await cleared;
    const { diagnostics } = await rechecked;
    assert.deepEqual([...new Set(severities(diagnostics, 'absolute-language'))], [1]);
  });

  it('follows unsaved edits of the config file open in the editor', async () => {
    const configUri = uriOf(configFile);
    const openText = '{ "rules": { "safety-overclaim": "off" } }\n';
    const afterOpen = server.nextDiagnostics(draftUri, (p) => p.diagnostics.some((d) => d.code === 'hype') && !p.diagnostics.some((d) => d.code === 'safety-overclaim'));
    await server.notify('textDocument/didOpen', { textDocument: { uri: configUri, languageId: 'json', version: 1, text: openText } });
    await afterOpen;

    const broken = server.nextDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    const defaults = server.nextDiagnostics(draftUri, (p) => p.diagnostics.some((d) => d.code === 'safety-overclaim'));
    await server.notify('textDocument/didChange', { textDocument: { uri: configUri, version: 2 }, contentChanges: [{ text: '{ "rules": { "safety-overclaim": ' }] });
    assert.match((await broken).diagnostics[0]!.message, /not valid JSON/);
    await defaults;

    // Closing the editor goes back to the file on disk (hype off).
    const disk = server.nextDiagnostics(draftUri, (p) => !p.diagnostics.some((d) => d.code === 'hype'));
    await server.notify('textDocument/didClose', { textDocument: { uri: configUri } });
    await disk;
  });

  it('deleting the file goes back to the defaults', async () => {
    fs.rmSync(configFile);
    const rechecked = server.nextDiagnostics(draftUri, (p) => p.diagnostics.some((d) => d.code === 'hype'));
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(configFile), type: 3 }] });
    assert.deepEqual([...new Set(severities((await rechecked).diagnostics, 'absolute-language'))], [2]);
  });
});

describe('language server: untrusted workspace and clients without workspace/configuration', () => {
  it('ignores .health-claims.json in an untrusted workspace until trust is granted', async () => {
    const server = await LspHarness.start({ settings: { debounceMs: 0 }, initializationOptions: { trusted: false } });
    try {
      const { diagnostics } = await server.open(DRAFT_URI, DRAFT);
      assert.deepEqual([...new Set(severities(diagnostics, 'absolute-language'))], [2], 'the fixture config (information) is ignored');
      const trusted = server.nextDiagnostics(DRAFT_URI, (p) => severities(p.diagnostics, 'absolute-language').includes(3));
      await server.notify('healthClaims/didChangeWorkspaceTrust', { trusted: true });
      await trusted;
    } finally {
      await server.stop();
    }
  });

  it('uses initializationOptions.settings and pushed settings without workspace/configuration', async () => {
    const server = await LspHarness.start({ configuration: false, initializationOptions: { settings: { debounceMs: 0, rules: { hype: 'error' } } } });
    try {
      const { diagnostics } = await server.open(DRAFT_URI, DRAFT);
      assert.equal(server.configurationRequests.length, 0);
      assert.deepEqual(severities(diagnostics, 'hype'), [1]);
      const pushed = server.nextDiagnostics(DRAFT_URI, (p) => !p.diagnostics.some((d) => d.code === 'hype'));
      await server.notify('workspace/didChangeConfiguration', { settings: { healthClaims: { debounceMs: 0, rules: { hype: 'off' } } } });
      assert.ok(codes((await pushed).diagnostics).includes('unqualified-efficacy'));
    } finally {
      await server.stop();
    }
  });
});
