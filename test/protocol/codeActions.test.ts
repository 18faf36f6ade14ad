// Code actions over the protocol: each edit, applied to the text, removes the
// diagnostic it was for and keeps every other one.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyEdits, FIXTURE_WORKSPACE, LspHarness, offsetAt, rangeOf, textAt, uriOf, type CodeAction, type Diagnostic, type Range } from './harness.js';

const DRAFT = fs.readFileSync(path.join(FIXTURE_WORKSPACE, 'draft.md'), 'utf8');

/** What a diagnostic is, independent of where it is: rule + flagged text. */
function key(d: Diagnostic, text: string): string {
  return `${String(d.code)}: ${textAt(text, d.range)}`;
}

function keys(diagnostics: readonly Diagnostic[], text: string): string[] {
  return diagnostics.map((d) => key(d, text)).sort();
}

/** The [start, end) offsets of the sentence a diagnostic is in (a simple split of its line at . ! ?). */
function sentenceSpan(d: Diagnostic, text: string): [number, number] {
  const start = offsetAt(text, d.range.start);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndAt = text.indexOf('\n', start);
  const line = text.slice(lineStart, lineEndAt === -1 ? text.length : lineEndAt);
  for (const m of line.matchAll(/[^.!?]+(?:[.!?]+|$)\s*/g)) {
    const s = lineStart + m.index!;
    if (s <= start && start < s + m[0].length) return [s, s + m[0].length];
  }
  return [lineStart, lineStart + line.length];
}

/** Diagnostics outside the given spans, as keys. */
function keysOutside(diagnostics: readonly Diagnostic[], text: string, spans: readonly [number, number][]): string[] {
  return diagnostics
    .filter((d) => {
      const at = offsetAt(text, d.range.start);
      return !spans.some(([s, e]) => s <= at && at < e);
    })
    .map((d) => key(d, text))
    .sort();
}

function without(list: readonly string[], item: string): string[] {
  const copy = [...list];
  const i = copy.indexOf(item);
  assert.ok(i >= 0, `${item} in ${list.join(' | ')}`);
  copy.splice(i, 1);
  return copy;
}

describe('language server: code actions', () => {
  let server: LspHarness;
  let counter = 0;

  before(async () => {
    server = await LspHarness.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await server.stop();
  });

  /** Open `text` as a fresh document in the fixture workspace; return its uri and diagnostics. */
  async function openDoc(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = uriOf(path.join(FIXTURE_WORKSPACE, `scratch-${++counter}.md`));
    const { diagnostics } = await server.open(uri, text);
    return { uri, diagnostics };
  }

  async function actionsFor(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only, triggerKind: 1 } });
  }

  /** Apply an action's edits to `text`, check them in a new document, return its text and diagnostics. */
  async function applyAndCheck(uri: string, text: string, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const edits = action.edit?.changes?.[uri];
    assert.ok(edits?.length, `${action.title} has edits for the document`);
    const next = applyEdits(text, edits);
    const { diagnostics } = await openDoc(next);
    return { text: next, diagnostics };
  }

  it('offers each suggestion as a quick fix that removes only its diagnostic', async () => {
    const { uri, diagnostics } = await openDoc(DRAFT);
    const before = keys(diagnostics, DRAFT);
    const withSuggestions = diagnostics.filter((d) => d.data?.suggestions.length);
    assert.ok(withSuggestions.length >= 4, 'most findings carry a rewording');
    for (const diagnostic of withSuggestions) {
      const actions = await actionsFor(uri, diagnostic.range, [diagnostic]);
      const fixes = actions.filter((a) => a.kind === 'quickfix' && !a.title.startsWith('Disable'));
      assert.equal(fixes.length, diagnostic.data!.suggestions.length, key(diagnostic, DRAFT));
      const preferred = diagnostic.data!.suggestions.findIndex((s) => s.preferred);
      fixes.forEach((f, i) => assert.equal(f.isPreferred, i === preferred, f.title));
      for (const fix of fixes) {
        const after = await applyAndCheck(uri, DRAFT, fix);
        // The fixed span is gone; every diagnostic in other sentences is kept. (A rewording changes its
        // sentence, so another finding in that same sentence may legitimately change with it.)
        const [start] = sentenceSpan(diagnostic, DRAFT);
        const fixedEnd = start + (sentenceSpan(diagnostic, DRAFT)[1] - start) + (after.text.length - DRAFT.length);
        assert.ok(!after.diagnostics.some((d) => d.code === diagnostic.code && textAt(after.text, d.range) === diagnostic.data!.text && offsetAt(after.text, d.range.start) === offsetAt(DRAFT, diagnostic.range.start)), `${fix.title}: its diagnostic is gone`);
        assert.deepEqual(
          keysOutside(after.diagnostics, after.text, [[start, fixedEnd]]),
          keysOutside(diagnostics, DRAFT, [sentenceSpan(diagnostic, DRAFT)]),
          `${fix.title}: every other diagnostic is kept`,
        );
        assert.ok(after.text.includes(fix.edit!.changes![uri]![0]!.newText));
      }
    }
  });

  it('offers no rewording when the flagged text has changed since', async () => {
    const { uri, diagnostics } = await openDoc(DRAFT);
    const hype = diagnostics.find((d) => d.code === 'hype')!;
    const stale = { ...hype, data: { ...hype.data!, text: 'something else' } };
    const actions = await actionsFor(uri, hype.range, [stale], ['quickfix']);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Disable health-claims hype for this line', 'Disable health-claims hype for this file'],
    );
  });

  it('disables a rule for a line with a comment above it, keeping the other findings', async () => {
    const { uri, diagnostics } = await openDoc(DRAFT);
    const hype = diagnostics.find((d) => d.code === 'hype')!;
    const action = (await actionsFor(uri, hype.range, [hype])).find((a) => a.title === 'Disable health-claims hype for this line')!;
    const after = await applyAndCheck(uri, DRAFT, action);
    assert.match(after.text, /\n<!-- health-claims-disable-next-line hype -->\nKetamine is a magic bullet/);
    assert.deepEqual(keys(after.diagnostics, after.text), without(keys(diagnostics, DRAFT), 'hype: magic bullet'));
  });

  it('keeps blockquote and list indentation, and does not split a paragraph (lazy continuation)', async () => {
    const text = [
      '# Notes',
      '',
      '> Patients describe the clinic warmly.',
      '> Ketamine is a magic bullet for depression.',
      '',
      '> Ketamine is a miracle cure.',
      '',
      '- Sessions are short.',
      '- Ketamine is a breakthrough treatment.',
      '',
      '1. First step.',
      '',
      '   Ketamine is a miracle cure for many.',
      '',
      'Families say the infusions changed everything and',
      'ketamine is a magic bullet for depression.',
      '',
    ].join('\n');
    const { uri, diagnostics } = await openDoc(text);
    const expectations: { flagged: string; nth?: number; expect: RegExp }[] = [
      { flagged: 'magic bullet', expect: /> Patients describe the clinic warmly\.\n> Ketamine is a magic bullet for depression\. <!-- health-claims-disable-line hype -->\n/ },
      { flagged: 'miracle cure', expect: /\n> <!-- health-claims-disable-next-line hype -->\n> Ketamine is a miracle cure\.\n/ },
      { flagged: 'breakthrough', expect: /- Sessions are short\.\n {2}<!-- health-claims-disable-next-line hype -->\n- Ketamine is a breakthrough/ },
      { flagged: 'miracle cure', nth: 1, expect: /\n {3}<!-- health-claims-disable-next-line hype -->\n {3}Ketamine is a miracle cure for many\./ },
      { flagged: 'magic bullet', nth: 1, expect: /changed everything and\nketamine is a magic bullet for depression\. <!-- health-claims-disable-line hype -->\n/ },
    ];
    const all = keys(diagnostics, text);
    for (const { flagged, nth, expect } of expectations) {
      const range = rangeOf(text, flagged, nth);
      const diagnostic = diagnostics.find((d) => d.code === 'hype' && d.range.start.line === range.start.line && d.range.start.character === range.start.character);
      assert.ok(diagnostic, `${flagged} (#${nth ?? 0}) is flagged`);
      const action = (await actionsFor(uri, range, [diagnostic])).find((a) => a.title === 'Disable health-claims hype for this line')!;
      const after = await applyAndCheck(uri, text, action);
      assert.match(after.text, expect);
      assert.deepEqual(keys(after.diagnostics, after.text), without(all, key(diagnostic, text)), `${flagged}: only that diagnostic goes`);
    }
  });

  it('disables a rule for the file after the front matter', async () => {
    const { uri, diagnostics } = await openDoc(DRAFT);
    const absolute = diagnostics.find((d) => d.code === 'absolute-language')!;
    const action = (await actionsFor(uri, absolute.range, [absolute])).find((a) => a.title === 'Disable health-claims absolute-language for this file')!;
    const after = await applyAndCheck(uri, DRAFT, action);
    assert.match(after.text, /^---\n[\s\S]*?\n---\n<!-- health-claims-disable-file absolute-language -->\n\n# Ketamine/);
    assert.deepEqual(
      keys(after.diagnostics, after.text),
      keys(diagnostics, DRAFT).filter((k) => !k.startsWith('absolute-language: ')),
    );
    const plain = await openDoc('Ketamine is a magic bullet.\n');
    const top = (await actionsFor(plain.uri, plain.diagnostics[0]!.range, plain.diagnostics)).find((a) => a.title.endsWith('for this file'))!;
    assert.deepEqual(top.edit!.changes![plain.uri], [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '<!-- health-claims-disable-file hype -->\n' }]);
  });

  it('fixes all: applies every preferred rewording, without overlaps', async () => {
    const text = 'Ketamine cures depression. Psilocybin cures anxiety.\n\nIt works for everyone.\n\nKetamine is a miracle cure.\n';
    const { uri, diagnostics } = await openDoc(text);
    const actions = await actionsFor(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.health-claims']);
    assert.equal(actions.length, 1);
    const fixAll = actions[0]!;
    assert.equal(fixAll.kind, 'source.fixAll.health-claims');
    const preferred = diagnostics.filter((d) => d.data?.suggestions.some((s) => s.preferred));
    assert.ok(preferred.length >= 3, 'the text has several preferred fixes');
    const edits = fixAll.edit!.changes![uri]!;
    assert.equal(edits.length, preferred.length);
    const after = await applyAndCheck(uri, text, fixAll);
    for (const d of preferred) {
      const s = d.data!.suggestions.find((x) => x.preferred)!;
      assert.ok(after.text.includes(s.replacement), `"${s.replacement}" is in the fixed text`);
      assert.ok(!keys(after.diagnostics, after.text).includes(key(d, text)), `${key(d, text)} is fixed`);
    }
    assert.deepEqual(keys(after.diagnostics, after.text).filter((k) => k.startsWith('hype')), ['hype: miracle cure'], 'findings without a preferred fix stay');
    // Also offered next to quick fixes (no "only"), and for "source.fixAll" in general; not for "quickfix" only.
    assert.ok((await actionsFor(uri, preferred[0]!.range, [preferred[0]!])).some((a) => a.kind === 'source.fixAll.health-claims'));
    assert.equal((await actionsFor(uri, preferred[0]!.range, [], ['source.fixAll'])).length, 1);
    assert.equal((await actionsFor(uri, preferred[0]!.range, [preferred[0]!], ['quickfix'])).filter((a) => a.kind !== 'quickfix').length, 0);
  });

  it('a rewording with text to append also edits the end of the document', async () => {
    const { uri, diagnostics } = await openDoc('Ketamine cures depression.\n');
    const d = diagnostics.find((x) => x.code === 'unqualified-efficacy')!;
    const s = d.data!.suggestions.find((x) => x.preferred)!;
    // Two diagnostics over the same span (as a client may send twice), one with text to append.
    const twin = { ...d, data: { ...d.data!, suggestions: [{ ...s, appendToDocument: '[^1]: Source.' }] } };
    const actions = await actionsFor(uri, d.range, [d, twin]);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.title === s.title && a.edit!.changes![uri]!.length === 2)!;
    assert.ok(fix, 'a suggestion with appendToDocument edits the range and the end of the document');
    assert.equal(applyEdits('Ketamine cures depression.\n', fix.edit!.changes![uri]!), `${s.replacement}.\n\n[^1]: Source.\n`);
  });

  it('finds the data of a diagnostic whose client dropped it', async () => {
    const { uri, diagnostics } = await openDoc(DRAFT);
    const efficacy = diagnostics.find((d) => d.code === 'unqualified-efficacy')!;
    const { data: _dropped, ...bare } = efficacy;
    const actions = await actionsFor(uri, efficacy.range, [bare]);
    assert.ok(actions.some((a) => a.isPreferred), 'the preferred rewording is still offered');
  });
});
