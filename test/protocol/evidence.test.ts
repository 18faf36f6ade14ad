// Evidence over the protocol: hover cards for a treatment, a flagged claim and
// a cited source; "Add source" and the pack rewording as quick fixes with
// correctly numbered footnotes; citation completion; workspace packs.
// Expected values are read from the shipped pack, not written into the tests.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseMarkdown } from '../../server/src/core/markdown/proseBlocks.js';
import type { EvidencePack } from '../../server/src/core/knowledge/evidencePack.js';
import { applyEdits, LspHarness, positionAt, rangeOf, ROOT, uriOf, type CodeAction, type Diagnostic, type Position, type TextEdit } from './harness.js';

const PACK = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/packs/ketamine-depression.json'), 'utf8')) as EvidencePack;

interface Hover {
  contents: { kind: string; value: string };
  range: { start: Position; end: Position };
}
interface CompletionItem {
  label: string;
  detail?: string;
  documentation?: { kind: string; value: string };
  filterText?: string;
  textEdit?: TextEdit;
  additionalTextEdits?: TextEdit[];
}

function source(id: string) {
  const s = PACK.sources.find((x) => x.id === id);
  assert.ok(s, `the pack has source ${id}`);
  return s;
}

/** Every footnote reference has exactly one definition, and the appended definition is a block of its own. */
function assertFootnotesValid(text: string): void {
  const definitions = [...text.matchAll(/^\[\^([^\]\s]+)\]:/gm)].map((m) => m[1]!);
  const references = [...text.matchAll(/\[\^([^\]\s]+)\](?!:)/g)].map((m) => m[1]!);
  for (const label of references) assert.ok(definitions.includes(label), `[^${label}] has a definition in:\n${text}`);
  assert.equal(new Set(definitions).size, definitions.length, `footnote labels are unique in:\n${text}`);
  // The last definition is a paragraph of its own, so Markdown reads it as a footnote, not as text of the one before.
  const last = parseMarkdown(text).blocks.at(-1)!;
  assert.equal(last.kind, 'footnote-definition', `the document ends with a footnote definition:\n${text}`);
}

function assertUntrustedMarkdown(markdown: string): void {
  assert.doesNotMatch(markdown, /command:/, 'no command links');
  assert.doesNotMatch(markdown, /<[a-z/!]/i, 'no raw HTML');
  for (const m of markdown.matchAll(/\]\(([^)]*)\)/g)) assert.match(m[1]!, /^https?:\/\//, 'only http(s) links');
}

describe('evidence in the editor', () => {
  let server: LspHarness;
  let workspace: string;
  let n = 0;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'health-claims-evidence-'));
    server = await LspHarness.start({ rootPath: workspace });
  });
  after(async () => {
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  async function open(text: string, dir = workspace): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = uriOf(path.join(dir, `doc-${++n}.md`));
    const published = await server.open(uri, text);
    return { uri, diagnostics: published.diagnostics };
  }

  function hover(uri: string, position: Position): Promise<Hover | null> {
    return server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  function actions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'], triggerKind: 1 } });
  }

  function complete(uri: string, text: string, offset: number): Promise<CompletionItem[] | { items: CompletionItem[] }> {
    return server.request('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset), context: { triggerKind: 2, triggerCharacter: text[offset - 1] } });
  }

  async function recheck(uri: string, text: string): Promise<Diagnostic[]> {
    const published = await server.change(uri, 2, [{ text }]);
    return published.diagnostics;
  }

  it('declares completion with the citation trigger characters', () => {
    const completion = server.initializeResult?.capabilities.completionProvider as { triggerCharacters: string[] };
    assert.deepEqual([...completion.triggerCharacters].sort(), ['@', '[', '^']);
  });

  it('hovering "ketamine" shows the finding, its sources and a DOI link', async () => {
    const text = 'Many clinics now offer ketamine to their patients.\n';
    const { uri } = await open(text);
    const result = await hover(uri, rangeOf(text, 'ketamine').start);
    assert.ok(result, 'a hover card');
    const card = result.contents.value;
    const family = PACK.interventions.find((i) => i.id === 'ketamine')!;
    assert.match(card, new RegExp(`Evidence: ${family.name.split(' ')[0]}`));
    assert.match(card, /What the evidence shows/);
    assert.match(card, /certainty/);
    assert.match(card, /\*\*Sources\*\*/);
    assert.match(card, /\]\(https:\/\/doi\.org\/10\./);
    assert.match(card, /\*\*Regulatory status\*\*/);
    assert.ok(card.split('\n').length <= 26, `short enough to scan (${card.split('\n').length} lines)`);
    assertUntrustedMarkdown(card);
    assert.deepEqual(result.range, rangeOf(text, 'ketamine'));
  });

  it('hovering a flagged claim shows the claim card and the evidence for its outcome', async () => {
    const text = 'Ketamine puts 70% of patients with depression into remission.\n';
    const { uri, diagnostics } = await open(text);
    const flagged = diagnostics.find((d) => d.code === 'missing-citation');
    assert.ok(flagged, 'the figure is flagged');
    const result = await hover(uri, flagged.range.start);
    const card = result!.contents.value;
    assert.match(card, /Missing citation/);
    const remission = PACK.findings!.find((f) => f.intervention === 'ketamine' && f.condition === 'depression' && f.outcome === 'remission' && f.range)!;
    assert.ok(card.includes(`${remission.range!.min}–${remission.range!.max}%`), `the remission range ${remission.range!.min}–${remission.range!.max}% is on the card:\n${card}`);
    assert.match(card, /remission, (?:low|very low|moderate|high) certainty/);
    assertUntrustedMarkdown(card);
  });

  it('hovering a [^1] marker that cites a pack source shows that source', async () => {
    const anand = source('anand-2023-elekt-d');
    const text = `In one trial, most patients responded.[^1]\n\n[^1]: ${anand.firstAuthor} A, et al. ${anand.journal}. ${anand.year}. https://doi.org/${anand.doi}\n`;
    const { uri } = await open(text);
    const result = await hover(uri, { ...rangeOf(text, '[^1]').start, character: rangeOf(text, '[^1]').start.character + 1 });
    const card = result!.contents.value;
    assert.match(card, new RegExp(`Source: ${anand.firstAuthor} ${anand.year}`));
    assert.ok(card.includes(`n=${anand.n}`), 'its size');
    assert.ok(card.includes(`(https://doi.org/${anand.doi})`), 'its DOI link');
    assertUntrustedMarkdown(card);
  });

  it('a cited but unverified source is labelled so and shows no figures', async () => {
    const diamond = PACK.sources.find((s) => s.verification === 'unverified' && s.firstAuthor && s.year)!;
    const text = `As ${diamond.firstAuthor} et al. (${diamond.year}) reported, some patients improved.\n`;
    const { uri } = await open(text);
    const card = (await hover(uri, rangeOf(text, diamond.firstAuthor!).start))!.contents.value;
    assert.match(card, /Unverified/);
    assert.doesNotMatch(card, /Key numbers/);
    assert.doesNotMatch(card, /doi\.org/);
  });

  it('"Add source" inserts a footnote numbered after the existing ones, and the diagnostic goes away', async () => {
    const text = [
      'Ketamine is studied for depression.[^1] Esketamine is approved in the US.[^2]',
      '',
      'Research has shown that ketamine relieves depression within hours.',
      '',
      '[^1]: A first note.',
      '[^2]: A second note.',
      '',
    ].join('\n');
    const { uri, diagnostics } = await open(text);
    const flagged = diagnostics.find((d) => d.code === 'missing-citation')!;
    const offered = (await actions(uri, flagged)).filter((a) => a.title.startsWith('Add source: '));
    assert.ok(offered.length >= 1 && offered.length <= 3, `one to three sources offered: ${offered.map((a) => a.title).join(' | ')}`);
    assert.match(offered[0]!.title, /^Add source: \S+ \d{4} \(.+\) as footnote \[\^3\]$/);
    const fixed = applyEdits(text, offered[0]!.edit!.changes![uri]!);
    assert.ok(fixed.includes('within hours.[^3]'), `the reference follows the sentence:\n${fixed}`);
    const definition = /^\[\^3\]: (.+)$/m.exec(fixed)?.[1];
    assert.ok(definition, 'a definition for [^3] at the end');
    assert.ok(fixed.trimEnd().endsWith(definition));
    assert.doesNotMatch(definition, /seed|fact sheet|not recorded/i, 'no pack-internal notes');
    assertFootnotesValid(fixed);
    const after = await recheck(uri, fixed);
    assert.ok(!after.some((d) => d.code === 'missing-citation'), 'missing-citation is gone');
  });

  it('"Add source" reuses a footnote that already cites the source', async () => {
    const sentence = 'Research has shown that ketamine relieves depression within hours.';
    const first = await open(`${sentence}\n`);
    const added = (await actions(first.uri, first.diagnostics.find((d) => d.code === 'missing-citation')!)).find((a) => a.title.startsWith('Add source: '))!;
    const definition = /\[\^1\]: (.+)/.exec(applyEdits(`${sentence}\n`, added.edit!.changes![first.uri]!))![1]!;
    // The same source, already cited as footnote 1 elsewhere in the document.
    const text = `Ketamine is studied for depression.[^1]\n\n${sentence}\n\n[^1]: ${definition}\n`;
    const { uri, diagnostics } = await open(text);
    const reuse = (await actions(uri, diagnostics.find((d) => d.code === 'missing-citation')!)).find((a) => a.title === `${added.title.replace(/ as footnote \[\^1\]$/, '')} (reuses footnote [^1])`);
    assert.ok(reuse, 'the same source is offered, reusing [^1]');
    const fixed = applyEdits(text, reuse.edit!.changes![uri]!);
    assert.ok(fixed.includes('within hours.[^1]'));
    assert.equal([...fixed.matchAll(/^\[\^\d+\]:/gm)].length, 1, 'no second definition');
    assertFootnotesValid(fixed);
  });

  it('a figure the evidence does not support gets no "Add source"', async () => {
    const text = 'Ketamine puts 95% of patients with depression into remission.\n';
    const { uri, diagnostics } = await open(text);
    const offered = (await actions(uri, diagnostics.find((d) => d.code === 'missing-citation')!)).filter((a) => a.title.startsWith('Add source'));
    assert.deepEqual(offered, []);
  });

  it('an unqualified efficacy claim about a pack treatment can be reworded with the pack figure and its source', async () => {
    const text = 'Intro with a note.[^1]\n\nIV ketamine treats treatment-resistant depression.\n\n[^1]: A note.\n';
    const { uri, diagnostics } = await open(text);
    const flagged = diagnostics.find((d) => d.code === 'unqualified-efficacy')!;
    const reworded = (await actions(uri, flagged)).find((a) => a.title.startsWith('State what the evidence shows'));
    assert.ok(reworded, 'a pack rewording is offered');
    const fixed = applyEdits(text, reworded.edit!.changes![uri]!);
    const statement = /\n\n(.+?)\[\^2\]\.\n/.exec(fixed)?.[1];
    assert.ok(statement, `the rewording ends with footnote [^2] before the full stop:\n${fixed}`);
    const finding = PACK.findings!.find((f) => f.typicalStatement.startsWith(statement))!;
    assert.ok(finding, 'the rewording is a pack finding statement');
    assert.match(statement, /\d+%/, 'it carries a figure');
    const cited = source(finding.preferredSource);
    assert.ok(fixed.includes(`[^2]: `) && fixed.includes(`https://doi.org/${cited.doi}`), 'it cites the finding\'s preferred source');
    assertFootnotesValid(fixed);
    const after = await recheck(uri, fixed);
    assert.ok(!after.some((d) => d.code === 'unqualified-efficacy'), 'unqualified-efficacy is gone');
  });

  for (const trigger of ['^', '@']) {
    it(`completion after [${trigger} offers pack sources, inserting the next footnote and its definition`, async () => {
      const before = `One note.[^1] Two notes.[^2] Ketamine helped some patients.[${trigger}`;
      const text = `${before}]\n\n[^1]: A.\n[^2]: B.\n`;
      const { uri } = await open(text);
      const result = await complete(uri, text, before.length);
      const items = Array.isArray(result) ? result : result.items;
      assert.ok(items.length > 3, 'several sources');
      const usable = PACK.sources.filter((s) => s.verification !== 'unverified').length;
      assert.equal(items.length, usable, 'every checked source, no unverified one');
      const first = items[0]!;
      assert.match(first.label, /^\S.* \d{4}: /, 'label: author year: short title');
      assert.ok(first.detail && first.documentation?.value.includes('**Source:'), 'detail and a short card');
      assert.equal(first.textEdit!.newText, '[^3]');
      assert.deepEqual(first.textEdit!.range, { start: positionAt(text, before.length - 2), end: positionAt(text, before.length + 1) }, 'replaces "[^" and the auto-closed "]"');
      assert.ok(first.filterText!.startsWith(`[${trigger}`));
      const fixed = applyEdits(text, [first.textEdit!, ...first.additionalTextEdits!]);
      assert.match(fixed, /patients\.\[\^3\]\n/);
      assert.match(fixed, /\n\[\^3\]: .+\n$/);
      assertFootnotesValid(fixed);
    });
  }

  it('completion offers nothing in code, or after a plain [', async () => {
    const fenced = 'Text.\n\n```\nsee [^\n```\n';
    const inCode = await open(fenced);
    const result = await complete(inCode.uri, fenced, fenced.indexOf('[^') + 2);
    assert.deepEqual(Array.isArray(result) ? result : result.items, []);
    const inline = 'Use `[^` to cite.\n';
    const span = await open(inline);
    const inSpan = await complete(span.uri, inline, inline.indexOf('[^') + 2);
    assert.deepEqual(Array.isArray(inSpan) ? inSpan : inSpan.items, []);
    const plain = 'A link [';
    const bracket = await open(plain);
    const plainResult = await complete(bracket.uri, plain, plain.length);
    assert.deepEqual(Array.isArray(plainResult) ? plainResult : plainResult.items, []);
  });
});

describe('workspace evidence packs', () => {
  let workspace: string;
  const packPath = (dir: string, name: string) => path.join(dir, '.health-claims', 'packs', name);

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'health-claims-packs-'));
  });
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  function writePack(dir: string, name: string, content: string): string {
    const file = packPath(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  }

  const psilocybinPack = (statement: string) => ({
    id: 'team-psilocybin',
    title: 'Psilocybin (team pack)',
    version: '1.0.0',
    updated: '2026-01-15',
    description: 'A team pack used by the protocol tests.',
    provenance: 'Written for the tests from the trial record.',
    interventions: [{ id: 'psilocybin', name: 'Psilocybin', aliases: ['psilocybin'], kind: 'drug', route: 'oral', family: 'psilocybin' }],
    conditions: [{ id: 'team-trd', name: 'Treatment-resistant depression', aliases: ['treatment-resistant depression'] }],
    sources: [
      {
        id: 'team-goodwin-2022',
        citation: 'Goodwin GM, et al. Single-dose psilocybin for a treatment-resistant episode of major depression. N Engl J Med. 2022.',
        firstAuthor: 'Goodwin',
        year: 2022,
        design: 'rct',
        intervention: 'psilocybin',
        factsheetRef: 'S01',
        n: 233,
        doi: '10.1056/NEJMoa2206443',
        verification: 'verified',
      },
    ],
    findings: [
      {
        id: 'team-psilocybin-trd-response',
        intervention: 'psilocybin',
        condition: 'team-trd',
        outcome: 'response',
        range: { min: 37, max: 37, unit: '%' },
        summary: 'Response at week 3 with a 25 mg dose.',
        certainty: 'low',
        sources: ['team-goodwin-2022'],
        caveats: ['One trial.'],
        preferredSource: 'team-goodwin-2022',
        typicalStatement: statement,
        verification: 'verified',
      },
    ],
    regulatory: [],
    safety: [],
  });

  it('a valid workspace pack adds a treatment that then gets a card, and an edit to the pack is picked up', async () => {
    const dir = path.join(workspace, 'valid');
    const file = writePack(dir, 'psilocybin.json', JSON.stringify(psilocybinPack('In one trial, 37% responded at week 3.'), null, 2));
    const server = await LspHarness.start({ rootPath: dir });
    try {
      const text = 'Some clinics offer psilocybin.\n';
      const uri = uriOf(path.join(dir, 'draft.md'));
      await server.open(uri, text);
      const at = rangeOf(text, 'psilocybin').start;
      const card = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at });
      assert.match(card!.contents.value, /Evidence: Psilocybin/);
      assert.match(card!.contents.value, /37% responded at week 3/);
      assert.match(card!.contents.value, /doi\.org\/10\.1056\/NEJMoa2206443/);

      fs.writeFileSync(file, JSON.stringify(psilocybinPack('In one trial, 37% had responded three weeks after one dose.'), null, 2));
      const rechecked = server.nextDiagnostics(uri);
      await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 2 }] });
      await rechecked;
      const updated = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at });
      assert.match(updated!.contents.value, /three weeks after one dose/);
    } finally {
      await server.stop();
    }
  });

  it('a broken workspace pack is reported in the pack file, and checking goes on with the built-in pack', async () => {
    const dir = path.join(workspace, 'broken');
    const broken = psilocybinPack('x') as Record<string, unknown>;
    (broken.sources as Record<string, unknown>[])[0]!.design = 'miracle-study';
    const file = writePack(dir, 'broken.json', JSON.stringify(broken, null, 2));
    const server = await LspHarness.start({ rootPath: dir });
    try {
      const packReport = server.nextDiagnostics(uriOf(file), (p) => p.diagnostics.length > 0);
      const text = 'Ketamine is a miracle cure.\n';
      const uri = uriOf(path.join(dir, 'draft.md'));
      const published = await server.open(uri, text);
      assert.ok(published.diagnostics.some((d) => d.code === 'hype'), 'the generic checks still run');
      const report = await packReport;
      const problem = report.diagnostics[0]!;
      assert.equal(problem.code, 'evidence-pack');
      assert.equal(problem.severity, 1);
      assert.match(problem.message, /\/sources\/0\/design must be one of/);
      assert.match(problem.message, /not loaded/);
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      assert.match(lines[problem.range.start.line]!, /"design"/, 'the diagnostic is on the offending line');
      const card = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: rangeOf(text, 'Ketamine').start });
      assert.match(card!.contents.value, /Evidence: Ketamine/, 'the built-in pack still gives cards');
    } finally {
      await server.stop();
    }
  });

  it('packs of an untrusted workspace are not loaded until it is trusted', async () => {
    const dir = path.join(workspace, 'untrusted');
    writePack(dir, 'psilocybin.json', JSON.stringify(psilocybinPack('In one trial, 37% responded at week 3.')));
    const server = await LspHarness.start({ rootPath: dir, initializationOptions: { trusted: false } });
    try {
      const text = 'Some clinics offer psilocybin.\n';
      const uri = uriOf(path.join(dir, 'draft.md'));
      await server.open(uri, text);
      const card = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: rangeOf(text, 'psilocybin').start });
      assert.equal(card, null);
      // Once the user trusts the workspace, its packs load.
      const rechecked = server.nextDiagnostics(uri);
      await server.notify('healthClaims/didChangeWorkspaceTrust', { trusted: true });
      await rechecked;
      const trusted = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: rangeOf(text, 'psilocybin').start });
      assert.match(trusted!.contents.value, /Evidence: Psilocybin/);
    } finally {
      await server.stop();
    }
  });
});
