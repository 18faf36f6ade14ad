// The edit-building functions behind the code actions (server/src/lsp/codeActions.ts),
// exercised directly on edge cases that are awkward to reach over the protocol.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterFrontMatter, continuesBlock, disableFileAction, disableLineAction, fixAllAction, kindRequested, quickFixes, type HealthDiagnostic } from '../../server/src/lsp/codeActions.js';
import { buildKnowledge } from '../../server/src/core/knowledge/knowledge.js';
import { escapeMarkdown, renderHoverCard } from '../../server/src/lsp/hoverCard.js';
import { applyEdits, rangeOf } from './harness.js';

const URI = 'file:///doc.md';

function doc(text: string): TextDocument {
  return TextDocument.create(URI, 'markdown', 1, text);
}

function diagnostic(text: string, flagged: string, replacement: string, preferred = true, nth = 0): HealthDiagnostic {
  return {
    range: rangeOf(text, flagged, nth),
    message: 'm',
    source: 'health-claims',
    code: 'hype',
    data: {
      ruleId: 'hype',
      text: flagged,
      suggestions: [{ title: `Replace "${flagged}"`, replacement, preferred }],
      evidenceIds: [],
      analysis: { text: '', claimStrength: 'none', hedged: false, hedgeCues: [], negated: false, negationCues: [], attributed: false, attributionCues: [], question: false, interventions: [], conditions: [], population: [], numbers: [], cited: false, citations: [] },
    },
  };
}

function apply(text: string, action: { edit?: { changes?: Record<string, { range: never; newText: string }[]> } } | undefined): string {
  return applyEdits(text, (action?.edit?.changes?.[URI] ?? []) as never);
}

describe('code action edits', () => {
  it('fix-all skips overlapping and non-preferred fixes and stale ones', () => {
    const text = 'A magic bullet and a miracle cure, truly a breakthrough.\n';
    const a = diagnostic(text, 'magic bullet', 'option');
    const overlapping = diagnostic(text, 'bullet and', 'X');
    const notPreferred = diagnostic(text, 'miracle cure', 'Y', false);
    const stale = { ...diagnostic(text, 'breakthrough', 'Z'), data: { ...diagnostic(text, 'breakthrough', 'Z').data!, text: 'other' } };
    const last = diagnostic(text, 'truly', 'perhaps');
    const action = fixAllAction(doc(text), [overlapping, a, notPreferred, stale, last]);
    assert.equal(apply(text, action as never), 'A option and a miracle cure, perhaps a breakthrough.\n');
    assert.equal(action!.diagnostics!.length, 2);
    assert.equal(fixAllAction(doc(text), [notPreferred]), undefined);
  });

  it('fix-all appends all text to append at the end, once', () => {
    const text = 'One magic bullet. Two magic bullet.';
    const first = diagnostic(text, 'magic bullet', 'option');
    const second = diagnostic(text, 'magic bullet', 'choice', true, 1);
    first.data!.suggestions[0]!.appendToDocument = '[^1]: A.';
    second.data!.suggestions[0]!.appendToDocument = '\n[^2]: B.\n';
    assert.equal(apply(text, fixAllAction(doc(text), [first, second]) as never), 'One option. Two choice.\n\n[^1]: A.\n\n[^2]: B.\n');
  });

  it('disable-line: inserts above with the indentation, or appends to a continued line', () => {
    const cases: { text: string; flagged: string; expected: string }[] = [
      { text: 'Intro.\n\nA magic bullet.\n', flagged: 'magic bullet', expected: 'Intro.\n\n<!-- health-claims-disable-next-line hype -->\nA magic bullet.\n' },
      { text: 'A magic bullet.', flagged: 'magic bullet', expected: '<!-- health-claims-disable-next-line hype -->\nA magic bullet.' },
      { text: '# A magic bullet\n', flagged: 'magic bullet', expected: '<!-- health-claims-disable-next-line hype -->\n# A magic bullet\n' },
      { text: '> > Deep magic bullet.\n', flagged: 'magic bullet', expected: '> > <!-- health-claims-disable-next-line hype -->\n> > Deep magic bullet.\n' },
      { text: 'First line\nsecond magic bullet.\n', flagged: 'magic bullet', expected: 'First line\nsecond magic bullet. <!-- health-claims-disable-line hype -->\n' },
      { text: 'First line\nsecond magic bullet.  \nthird\n', flagged: 'magic bullet', expected: 'First line\nsecond magic bullet. <!-- health-claims-disable-line hype -->  \nthird\n' },
      { text: '| a | b |\n|---|---|\n| magic bullet | x |\n', flagged: 'magic bullet', expected: '| a | b |\n|---|---|\n| magic bullet | x | <!-- health-claims-disable-line hype -->\n' },
      { text: 'A line.\r\n\r\nA magic bullet.\r\n', flagged: 'magic bullet', expected: 'A line.\r\n\r\n<!-- health-claims-disable-next-line hype -->\r\nA magic bullet.\r\n' },
      { text: 'A line.\r\nA magic bullet.\r\n', flagged: 'magic bullet', expected: 'A line.\r\nA magic bullet. <!-- health-claims-disable-line hype -->\r\n' },
      { text: '- one\n\n- two magic bullet\n', flagged: 'magic bullet', expected: '- one\n\n  <!-- health-claims-disable-next-line hype -->\n- two magic bullet\n' },
      { text: '* a magic bullet\n', flagged: 'magic bullet', expected: '<!-- health-claims-disable-next-line hype -->\n* a magic bullet\n' },
    ];
    for (const { text, flagged, expected } of cases) {
      assert.equal(apply(text, disableLineAction(doc(text), diagnostic(text, flagged, 'x'), 'hype') as never), expected, JSON.stringify(text));
    }
  });

  it('tells paragraph continuations from new blocks', () => {
    const lines = ['Para one', 'continues', '', '## Heading', 'para after heading', '```', 'code', '```', 'after fence', '- item', '- item two', '<!-- c -->', 'after comment'];
    assert.deepEqual(
      lines.map((_, i) => continuesBlock(lines, i)),
      [false, true, false, false, false, false, false, false, false, false, false, false, false],
    );
  });

  it('disable-file: goes after YAML or TOML front matter', () => {
    assert.equal(afterFrontMatter('---\ntitle: x\n---\n# T\n'), 17);
    assert.equal(afterFrontMatter('+++\ntitle = 1\n+++\nT'), 18);
    assert.equal(afterFrontMatter('---\nnot closed\n'), 0);
    assert.equal(afterFrontMatter('# ---\n'), 0);
    const text = '---\ntitle: x\n---';
    assert.equal(apply(text, disableFileAction(doc(text), diagnostic('magic bullet', 'magic bullet', 'x'), 'hype') as never), '---\ntitle: x\n---\n<!-- health-claims-disable-file hype -->\n');
  });

  it('matches requested code action kinds hierarchically', () => {
    assert.ok(kindRequested('source.fixAll.health-claims', undefined));
    assert.ok(kindRequested('source.fixAll.health-claims', ['source']));
    assert.ok(kindRequested('source.fixAll.health-claims', ['source.fixAll']));
    assert.ok(!kindRequested('source.fixAll.health-claims', ['quickfix']));
    assert.ok(!kindRequested('source.fixAllX', ['source.fixAll.health-claims']));
  });
});

describe('hover card', () => {
  it('escapes markup, HTML and links in document text', () => {
    assert.equal(escapeMarkdown('*a* <b>x</b> [l](command:x) `c`'), '\\*a\\* \\<b\\>x\\</b\\> \\[l\\]\\(command:x\\) \\`c\\`');
    assert.equal(escapeMarkdown('# heading'), '\\# heading');
    assert.equal(escapeMarkdown('1. item'), '1\\. item');
    assert.equal(escapeMarkdown('line\n\n- list'), 'line - list');
  });

  it('renders the parts of a card, with extra sections and only http(s) links', () => {
    const text = 'Ketamine is a magic bullet.';
    const d = diagnostic(text, 'magic bullet', 'a treatment option');
    d.data!.analysis = { ...d.data!.analysis, text, hedged: true, hedgeCues: ['may'], cited: true, citations: ['[^1]'], numbers: [{ kind: 'percent', text: '50%', value: 50 }] };
    const card = renderHoverCard({ ...d, message: 'Hype <script>.', codeDescription: { href: 'https://example.org/rules/hype.md' } }, [{ title: 'Evidence', markdown: 'A *trial*.' }]);
    assert.match(card, /^\*\*Hype\*\* · hype/);
    assert.match(card, /^\*\*Hype\*\* · hype · flagged “magic bullet”/);
    assert.doesNotMatch(card, /script/, 'the editor shows the message above the card; the card does not repeat it');
    assert.ok(card.indexOf('Suggested rewording') < card.indexOf('**Evidence**') && card.indexOf('**Evidence**') < card.indexOf('How the sentence reads'), 'rewording first, then evidence, then the reading');
    assert.match(card, /Hedged:\*\* yes \(“may”\)/);
    assert.match(card, /Numbers:\*\* “50%” \(percent\)/);
    assert.match(card, /Citation:\*\* found \(“\\\[\^1\\\]”\)/);
    assert.match(card, /Ketamine is a \*\*a treatment option\*\*\. \*\(preferred\)\*/);
    assert.match(card, /\*\*Evidence\*\*\n\nA \*trial\*\./);
    assert.ok(card.endsWith('[Learn more about hype](https://example.org/rules/hype.md)'));
    assert.doesNotMatch(renderHoverCard({ ...d, codeDescription: { href: 'command:workbench.action.quit' } }), /Learn more/);
  });
});

describe('fixes that cite a pack source (citeSourceId)', () => {
  const evidence = buildKnowledge().evidence;
  const [first, second] = evidence.allSources().filter((s) => s.doi && s.verification === 'verified');

  function citing(text: string, flagged: string, sourceId: string, citeAfter?: string, nth = 0): HealthDiagnostic {
    const d = diagnostic(text, flagged, flagged, true, nth);
    d.data!.suggestions = [{ title: 'Cite', replacement: flagged, preferred: true, citeSourceId: sourceId, ...(citeAfter !== undefined ? { citeAfter } : {}) }];
    return d;
  }

  it('puts the reference after citeAfter when that text still follows, else after the replacement', () => {
    const text = 'Most patients responded quickly.\n';
    const after = quickFixes(doc(text), citing(text, 'Most patients', first!.id, ' responded quickly.'), evidence)[0]!;
    assert.equal(after.title, 'Cite as footnote [^1]');
    assert.equal(apply(text, after as never), `Most patients responded quickly.[^1]\n\n[^1]: ${/\[\^1\]: (.+)/.exec(apply(text, after as never))![1]}\n`);
    const stale = quickFixes(doc(text), citing(text, 'Most patients', first!.id, ' responded slowly.'), evidence)[0]!;
    assert.match(apply(text, stale as never), /^Most patients\[\^1\] responded quickly\./);
  });

  it('offers no citing fix for a source no loaded pack has', () => {
    const text = 'Most patients responded.\n';
    const titles = quickFixes(doc(text), citing(text, 'Most patients', 'no-such-source'), evidence).map((a) => a.title);
    assert.ok(!titles.includes('Cite'));
    assert.ok(titles.some((t) => t.startsWith('Disable')), 'the other actions remain');
  });

  it('fix-all numbers new footnotes in document order and reuses one for a source cited twice', () => {
    const text = 'One claim. Two claim. Three claim.[^1]\n\n[^1]: An existing note.\n';
    const action = fixAllAction(doc(text), [citing(text, 'One', first!.id), citing(text, 'Two', second!.id), citing(text, 'Three', first!.id)], evidence);
    const fixed = apply(text, action as never);
    assert.match(fixed, /^One\[\^2\] claim\. Two\[\^3\] claim\. Three\[\^2\] claim\.\[\^1\]/);
    assert.equal([...fixed.matchAll(/^\[\^2\]: /gm)].length, 1);
    assert.equal([...fixed.matchAll(/^\[\^3\]: /gm)].length, 1);
    assert.ok(fixed.includes(`https://doi.org/${first!.doi}`) && fixed.includes(`https://doi.org/${second!.doi}`));
  });
});
