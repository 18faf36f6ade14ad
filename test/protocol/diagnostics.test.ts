// The language server over stdio: initialize, diagnostics on open and on
// incremental change, hover cards, directives, checkFiles, close, bad input.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_WORKSPACE, LspHarness, rangeOf, textAt, uriOf, type Diagnostic, type Range } from './harness.js';

const DRAFT_PATH = path.join(FIXTURE_WORKSPACE, 'draft.md');
const DRAFT = fs.readFileSync(DRAFT_PATH, 'utf8');

function summary(diagnostics: readonly Diagnostic[], text: string): string[] {
  return diagnostics.map((d) => `${String(d.code)}: ${textAt(text, d.range)}`);
}

function find(diagnostics: readonly Diagnostic[], code: string, text: string, flagged: string): Diagnostic | undefined {
  return diagnostics.find((d) => d.code === code && textAt(text, d.range) === flagged);
}

describe('language server: initialize', () => {
  let server: LspHarness;
  before(async () => {
    server = await LspHarness.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    assert.equal(await server.stop(), 0, 'exits with 0 after shutdown + exit');
  });

  it('announces incremental sync, hover, code actions and the fix-all kind', () => {
    const result = server.initializeResult!;
    assert.equal(result.serverInfo?.name, 'health-claims-language-server');
    const caps = result.capabilities;
    assert.equal(caps.textDocumentSync.change, 2, 'incremental');
    assert.equal(caps.textDocumentSync.openClose, true);
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.health-claims']);
  });

  it('registers for configuration changes and .health-claims.json file events', async () => {
    // The registrations come right after "initialized"; a request round trip makes sure they were handled.
    await server.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } });
    const methods = server.registrations.map((r) => r.method);
    assert.ok(methods.includes('workspace/didChangeConfiguration'));
    const watched = server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watched?.registerOptions, { watchers: [{ globPattern: '**/.health-claims.json' }, { globPattern: '**/.health-claims/packs/*.json' }] });
  });
});

describe('language server: diagnostics', () => {
  let server: LspHarness;
  const uri = uriOf(DRAFT_PATH);
  let opened: Diagnostic[];

  before(async () => {
    server = await LspHarness.start({ settings: { debounceMs: 0 } });
    opened = (await server.open(uri, DRAFT)).diagnostics;
  });
  after(async () => {
    await server.stop();
  });

  it('flags the overclaims in a draft on open, with rule codes and exact ranges', () => {
    const found = summary(opened, DRAFT);
    for (const expected of [
      'hype: magic bullet',
      'unqualified-efficacy: Ketamine cures depression',
      'safety-overclaim: no side effects',
      'overstated-evidence: Research proves',
      'absolute-language: instant',
      'absolute-language: everyone',
    ]) {
      assert.ok(found.includes(expected), `${expected} in ${found.join(' | ')}`);
    }
    const hype = find(opened, 'hype', DRAFT, 'magic bullet')!;
    assert.deepEqual(hype.range, rangeOf(DRAFT, 'magic bullet'));
    assert.equal(hype.source, 'health-claims');
    assert.equal(hype.severity, 2);
    assert.match(hype.codeDescription!.href, /^https:\/\/.*hype\.md$/);
    assert.equal(hype.code, 'hype');
    assert.ok(hype.data?.suggestions.length && hype.data.suggestions.every((x) => typeof x.replacement === 'string'), 'the rewordings travel with the diagnostic');
    assert.equal(hype.data?.text, 'magic bullet');
    assert.deepEqual(find(opened, 'safety-overclaim', DRAFT, 'no side effects')!.range, rangeOf(DRAFT, 'no side effects'));
    assert.equal(find(opened, 'safety-overclaim', DRAFT, 'no side effects')!.severity, 1);
  });

  it('applies the project .health-claims.json (absolute-language: information)', () => {
    for (const d of opened.filter((d) => d.code === 'absolute-language')) assert.equal(d.severity, 3);
  });

  it('leaves negated and hedged sentences and suppressed lines alone', () => {
    const secondBullet = rangeOf(DRAFT, 'magic bullet', 1);
    assert.ok(!opened.some((d) => d.range.start.line === secondBullet.start.line && d.range.start.character === secondBullet.start.character), '"It is not a magic bullet." is not flagged');
    const hedged = rangeOf(DRAFT, 'Ketamine may help some patients when');
    assert.ok(!opened.some((d) => d.range.start.line === hedged.start.line && d.range.start.character >= hedged.start.character));
    for (const suppressed of ['miracle cure', 'breakthrough']) {
      const line = rangeOf(DRAFT, suppressed).start.line;
      assert.ok(!opened.some((d) => d.range.start.line === line), `${suppressed} is suppressed by a directive`);
    }
  });

  it('updates diagnostics on an incremental change: a fixed sentence clears, a new overclaim appears', async () => {
    const fixed = rangeOf(DRAFT, 'Ketamine cures depression.');
    const insertAt = rangeOf(DRAFT, 'Sessions take about forty minutes.').end;
    const insert: Range = { start: insertAt, end: insertAt };
    // Later edit first, so the earlier range is still valid (each change applies to the result of the previous one).
    const published = await server.change(uri, 2, [
      { range: insert, text: ' Ketamine is 100% safe.' },
      { range: fixed, text: 'Ketamine eased depression for some patients in trials.' },
    ]);
    assert.equal(published.version, 2);
    const text = DRAFT.replace('Sessions take about forty minutes.', 'Sessions take about forty minutes. Ketamine is 100% safe.').replace(
      'Ketamine cures depression.',
      'Ketamine eased depression for some patients in trials.',
    );
    const now = summary(published.diagnostics, text);
    assert.ok(!now.includes('unqualified-efficacy: Ketamine cures depression'), 'the fixed sentence is no longer flagged');
    assert.ok(now.some((s) => s.startsWith('safety-overclaim: ') && s.includes('100% safe')), `the new overclaim is flagged: ${now.join(' | ')}`);
    for (const kept of ['hype: magic bullet', 'safety-overclaim: no side effects', 'overstated-evidence: Research proves']) assert.ok(now.includes(kept), kept);
    const moved = find(published.diagnostics, 'hype', text, 'magic bullet');
    assert.deepEqual(moved?.range, rangeOf(text, 'magic bullet'));

    // Put the draft back for the other tests.
    const restored = await server.change(uri, 3, [{ text: DRAFT }]);
    assert.equal(restored.diagnostics.length, opened.length);
  });

  it('publishes in version order and never an older version after a newer one', async () => {
    const before = server.diagnostics.length;
    let version = 3;
    const last = server.nextDiagnostics(uri, (p) => p.version === 13);
    for (let i = 0; i < 10; i++) {
      version++;
      const at = rangeOf(DRAFT, 'Sessions take about forty minutes.').end;
      await server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: i % 2 ? ' Okay.' : ' Fine.' }] });
    }
    await last;
    const versions = server.diagnostics.slice(before).filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `monotonic: ${versions.join(',')}`);
    assert.equal(versions[versions.length - 1], 13);
    await server.change(uri, 14, [{ text: DRAFT }]);
  });

  it('shows a hover card on a flagged span', async () => {
    const range = rangeOf(DRAFT, 'magic bullet');
    const hover = await server.request<{ contents: { kind: string; value: string }; range: Range } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: range.start.line, character: range.start.character + 3 },
    });
    assert.ok(hover);
    assert.equal(hover.contents.kind, 'markdown');
    assert.deepEqual(hover.range, range);
    const card = hover.contents.value;
    assert.match(card, /\*\*Hype\*\*/);
    assert.ok(card.indexOf('Suggested rewording') >= 0 && card.indexOf('Suggested rewording') < card.indexOf('How the sentence reads'), 'the rewording leads the card');
    assert.match(card, /Claim strength:\*\* no causal claim/);
    assert.match(card, /Hedged:\*\* no/);
    assert.match(card, /Negated:\*\* no/);
    assert.match(card, /Citation:\*\* none found/);
    assert.match(card, /Ketamine is a \*\*treatment option\*\* for depression/);
    assert.match(card, /\[Learn more about hype\]\(https:\/\/[^)]+hype\.md\)/);
    assert.doesNotMatch(card, /<[a-z!/]/i, 'no raw HTML');
    assert.doesNotMatch(card, /command:/);
  });

  it('shows the analysis of a causal claim and no card off a flagged span', async () => {
    const range = rangeOf(DRAFT, 'Ketamine cures depression');
    const hover = await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: range.start });
    assert.match(hover!.contents.value, /Claim strength:\*\* direct causal claim/);
    assert.match(hover!.contents.value, /Treatment:\*\* ketamine/i);
    const plain = rangeOf(DRAFT, 'Sessions take');
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri }, position: plain.start }), null);
  });

  it('escapes document text in the hover card', async () => {
    const evilUri = uriOf(path.join(FIXTURE_WORKSPACE, 'evil.md'));
    const evil = 'Ketamine is a *magic* <b>bullet</b> [x](command:workbench.action.quit). Ketamine is a magic bullet <img src=x onerror=alert(1)> for depression.\n';
    const { diagnostics } = await server.open(evilUri, evil);
    const hype = diagnostics.find((d) => d.code === 'hype')!;
    assert.ok(hype, 'hype is flagged');
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: evilUri }, position: hype.range.start });
    const card = hover.contents.value;
    assert.doesNotMatch(card, /<img|<b>/);
    assert.doesNotMatch(card, /\]\(command:/);
    assert.match(card, /\\<b\\>/);
    await server.close(evilUri);
  });

  it('respects directives added while editing', async () => {
    const line = rangeOf(DRAFT, 'Ketamine is a magic bullet').start;
    const directive = '<!-- health-claims-disable-next-line hype -->\n';
    const published = await server.change(uri, 15, [{ range: { start: line, end: line }, text: directive }]);
    const text = DRAFT.replace('Ketamine is a magic bullet', `${directive}Ketamine is a magic bullet`);
    assert.ok(!published.diagnostics.some((d) => d.code === 'hype'), 'hype is suppressed');
    assert.equal(published.diagnostics.length, opened.length - 1);
    assert.ok(find(published.diagnostics, 'unqualified-efficacy', text, 'Ketamine cures depression'));
    const unknown = await server.change(uri, 16, [{ range: rangeOf(text, 'hype -->'), text: 'hyp -->' }]);
    const problem = unknown.diagnostics.find((d) => d.code === 'unknown-rule');
    assert.ok(problem, 'a directive naming an unknown rule is reported');
    assert.match(problem.message, /Unknown rule "hyp"/);
    await server.change(uri, 17, [{ text: DRAFT }]);
  });

  it('checks files that are not open (healthClaims/checkFiles) and publishes the results', async () => {
    const file = path.join(FIXTURE_WORKSPACE, 'notes/unopened.md');
    const published = server.nextDiagnostics(uriOf(file));
    const result = await server.request<{ files: { uri: string; diagnostics: Diagnostic[] }[]; errors: { uri: string; message: string }[]; cancelled: boolean }>(
      'healthClaims/checkFiles',
      { files: [uriOf(file), path.join(FIXTURE_WORKSPACE, 'missing.md')] },
    );
    assert.equal(result.files.length, 1);
    assert.equal(result.files[0]!.uri, uriOf(file));
    assert.deepEqual(result.files[0]!.diagnostics.map((d) => d.code), ['hype']);
    assert.equal(result.errors.length, 1, 'a missing file is reported, not thrown');
    assert.equal(result.cancelled, false);
    assert.deepEqual((await published).diagnostics.map((d) => d.code), ['hype']);
  });

  it('survives bad input', async () => {
    await server.notify('textDocument/didChange', { textDocument: { uri: 'file:///never-opened.md', version: 2 }, contentChanges: [{ text: 'x' }] });
    await server.notify('textDocument/didOpen', { textDocument: { uri: 'file:///weird.md', languageId: 'markdown', version: 1, text: '\u0000\uD800 [^ ]( <!-- health-claims-disable' } });
    await server.notify('healthClaims/didChangeWorkspaceTrust', null);
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri: 'file:///never-opened.md' }, position: { line: 99, character: 99 } }), null);
    const actions = await server.request<unknown[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [{ range: { start: { line: 500, character: 0 }, end: { line: 500, character: 3 } }, source: 'health-claims', code: 'hype', message: 'x', data: { nonsense: true } }] },
    });
    assert.ok(Array.isArray(actions));
    const odd = await server.request<{ files: unknown[]; errors: unknown[] }>('healthClaims/checkFiles', { files: [42, null, 'no-such-file.md'] });
    assert.deepEqual(odd.files, []);
    assert.equal(odd.errors.length, 1);
    assert.ok(await server.request('healthClaims/checkFiles', null));
    // Still answering, still checking.
    const still = await server.change(uri, 18, [{ text: DRAFT }]);
    assert.equal(still.diagnostics.length, opened.length);
  });

  it('clears diagnostics on close', async () => {
    const cleared = await server.close(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });
});
