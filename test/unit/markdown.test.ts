// Markdown to prose: exact source positions, only prose checked, sentence units.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMarkdown } from '../../server/src/core/markdown/proseBlocks.js';
import { splitSentences } from '../../server/src/core/text/sentences.js';

function sentencesOf(markdown: string): string[] {
  return parseMarkdown(markdown).blocks.flatMap((b) => splitSentences(b)).map((s) => markdown.slice(s.start, s.end));
}

function proseOf(markdown: string): string {
  return parseMarkdown(markdown).blocks.map((b) => b.prose.replace(/\s+/g, ' ').trim()).join(' | ');
}

describe('prose extraction', () => {
  it('keeps offsets exact through emphasis, links, escapes and entities', () => {
    const md = '# T\n\nA *very* \\*odd\\* [magic bullet](https://x.org/a "t") &amp; more.\n';
    const block = parseMarkdown(md).blocks[1]!;
    assert.equal(block.prose.length, block.end - block.start);
    const at = block.prose.indexOf('magic bullet');
    assert.equal(md.slice(block.start + at, block.start + at + 12), 'magic bullet');
    assert.doesNotMatch(block.prose, /https|\\|\[|\]|&amp;/);
    assert.match(block.prose, /\*odd \*/, 'an escaped star is literal text');
  });

  it('never reads code, raw HTML, front matter, link destinations, autolinks or image text', () => {
    const md = [
      '---', 'title: miracle', '---', '', '```', 'miracle in code', '```', '', '    miracle indented', '',
      'Text with `miracle code` and <span title="miracle">x</span> and <https://miracle.org> and ![miracle](m.png) and [ok](https://miracle.org).', '',
      '<div>', 'miracle in html', '</div>', '',
    ].join('\n');
    assert.doesNotMatch(proseOf(md), /miracle/);
    assert.match(proseOf(md), /Text with .* and ok \./);
  });

  it('reads image alt text only when asked', () => {
    assert.match(parseMarkdown('![a miracle cure](x.png)\n', { includeImageAltText: true }).blocks[0]!.prose, /a miracle cure/);
  });

  it('blanks blockquote markers on continuation lines and heading marks', () => {
    const md = '> first line\n> second line\n\n## Heading *here*\n';
    assert.equal(proseOf(md), 'first line second line | Heading here');
  });

  it('records footnote, numbered, scholarly-link citations and footnote definitions', () => {
    const md = 'Claim.[^1] Other [2]. See [trial](https://doi.org/10.1/x).\n\n[^1]: Smith 2020.\n';
    const parsed = parseMarkdown(md, { isScholarlyLink: (u) => u.includes('doi.org') });
    const kinds = parsed.blocks[0]!.citations.map((c) => `${c.kind}:${c.scholarly}`);
    assert.deepEqual(kinds, ['footnote:true', 'numbered:true', 'link:true']);
    assert.equal(parsed.footnotes.get('1')?.text, 'Smith 2020.');
    assert.equal(parsed.blocks[1]!.kind, 'footnote-definition');
  });
});

describe('sentences', () => {
  it('survives abbreviations, decimals, p values and initials', () => {
    assert.deepEqual(sentencesOf('Diamond et al. (2014) gave 0.5 mg/kg vs. placebo, e.g. in the U.S. and U.K. arms (p < .05). Dr. J. Smith agreed, i.e. it worked. See Fig. 2 for details.\n'), [
      'Diamond et al. (2014) gave 0.5 mg/kg vs. placebo, e.g. in the U.S. and U.K. arms (p < .05).',
      'Dr. J. Smith agreed, i.e. it worked.',
      'See Fig. 2 for details.',
    ]);
  });

  it('splits after quotes, question marks and ellipses, and keeps emphasis or links inside one sentence', () => {
    assert.deepEqual(sentencesOf('He said "it works." Does it? Maybe... Not *for everyone*. A [linked claim](https://x.org) stays whole.\n'), [
      'He said "it works."',
      'Does it?',
      'Maybe...',
      'Not *for everyone*.',
      'A [linked claim](https://x.org) stays whole.',
    ]);
  });

  it('treats headings, list items and table cells as their own units', () => {
    assert.deepEqual(sentencesOf('# Heading without period\n\n- item one\n- item two\n\n| a cell | b cell |\n|---|---|\n| c | d |\n'), ['Heading without period', 'item one', 'item two', 'a cell', 'b cell', 'c', 'd']);
  });
});
