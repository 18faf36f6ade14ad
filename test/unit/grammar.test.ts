// The Markdown injection grammar (syntaxes/health-claims.injection.tmLanguage.json),
// tokenized with vscode-textmate + vscode-oniguruma over a small stand-in for
// VS Code's Markdown grammar (same scope name, the rules that compete with ours:
// fenced code, inline code and HTML comment blocks).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';

const ROOT = path.resolve(__dirname, '../../..');
const INJECTION = path.join(ROOT, 'syntaxes/health-claims.injection.tmLanguage.json');
const INJECTION_SCOPE = 'health-claims.markdown.injection';

const STAND_IN_MARKDOWN = {
  scopeName: 'text.html.markdown',
  patterns: [{ include: '#fenced' }, { include: '#html-comment' }, { include: '#inline-code' }],
  repository: {
    fenced: { begin: '(^|\\G)(\\s*)(`{3,})', end: '(^|\\G)(\\s*)(`{3,})\\s*$', name: 'markup.fenced_code.block.markdown' },
    'html-comment': { begin: '(^|\\G)\\s*(<!--)', end: '-->', name: 'comment.block.html' },
    'inline-code': { match: '(`+)[^`]*\\1', name: 'markup.inline.raw.string.markdown' },
  },
};

const FOOTNOTE = 'markup.other.citation.footnote.health-claims';
const NUMERIC = 'markup.other.citation.numeric.health-claims';
const AUTHOR_YEAR = 'markup.other.citation.author-year.health-claims';
const DIRECTIVE = 'comment.block.directive.health-claims';

let grammar: IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (sources) => new OnigScanner(sources), createOnigString: (s) => new OnigString(s) }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.html.markdown') return parseRawGrammar(JSON.stringify(STAND_IN_MARKDOWN), 'markdown.json');
      if (scopeName === INJECTION_SCOPE) return parseRawGrammar(fs.readFileSync(INJECTION, 'utf8'), INJECTION);
      return null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [INJECTION_SCOPE] : undefined),
  });
  const loaded = await registry.loadGrammar('text.html.markdown');
  assert.ok(loaded, 'the stand-in Markdown grammar loads');
  grammar = loaded;
});

/** Tokenize lines; return, for each line, a function giving the scopes at the first occurrence of a substring. */
function tokenize(text: string): ((needle: string, nth?: number) => string[])[] {
  let stack: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, stack);
    stack = ruleStack;
    return (needle: string, nth = 0) => {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = line.indexOf(needle, at + 1);
      assert.ok(at >= 0, `"${needle}" is in "${line}"`);
      // Every character of the needle must carry the scope: collect scopes common to all tokens it spans.
      const covering = tokens.filter((t) => t.startIndex < at + needle.length && t.endIndex > at);
      return covering.reduce<string[]>((common, t, i) => (i === 0 ? [...t.scopes] : common.filter((s) => t.scopes.includes(s))), []);
    };
  });
}

function scopesOf(line: string, needle: string, nth = 0): string[] {
  return tokenize(line)[0]!(needle, nth);
}

describe('injection grammar', () => {
  it('injects into text.html.markdown with an injection selector', () => {
    const raw = JSON.parse(fs.readFileSync(INJECTION, 'utf8')) as { scopeName: string; injectionSelector: string };
    assert.equal(raw.scopeName, INJECTION_SCOPE);
    assert.match(raw.injectionSelector, /text\.html\.markdown/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] } };
    const entry = pkg.contributes.grammars.find((g) => g.scopeName === INJECTION_SCOPE);
    assert.ok(entry, 'package.json contributes the grammar');
    assert.deepEqual(entry.injectTo, ['text.html.markdown']);
    assert.equal(path.resolve(ROOT, entry.path), INJECTION);
  });

  it('scopes directive comments', () => {
    for (const directive of ['disable-next-line hype', 'disable-line hype absolute-language', 'disable-file', 'disable safety-overclaim', 'enable safety-overclaim']) {
      const line = `<!-- health-claims-${directive} -->`;
      assert.ok(scopesOf(line, line).includes(DIRECTIVE), line);
      assert.ok(scopesOf(line, `health-claims-${directive.split(' ')[0]}`).includes('keyword.control.directive.health-claims'), line);
    }
    assert.ok(scopesOf('<!-- health-claims-disable-next-line hype -->', 'hype').includes('constant.other.rule-id.health-claims'));
  });

  it('scopes an indented directive, one in a blockquote and one at the end of a line', () => {
    assert.ok(scopesOf('  <!-- health-claims-disable-next-line hype -->', '<!-- health-claims-disable-next-line hype -->').includes(DIRECTIVE));
    const inline = 'Ketamine is a magic bullet. <!-- health-claims-disable-line hype -->';
    assert.ok(scopesOf(inline, '<!-- health-claims-disable-line hype -->').includes(DIRECTIVE));
    assert.ok(!scopesOf(inline, 'magic bullet').includes(DIRECTIVE));
  });

  it('leaves other HTML comments to Markdown', () => {
    const scopes = scopesOf('<!-- a note to the editor -->', 'a note');
    assert.ok(!scopes.includes(DIRECTIVE));
    assert.ok(scopes.includes('comment.block.html'));
    assert.ok(!scopesOf('<!-- health-claims-disabled hype -->', 'hype').includes(DIRECTIVE));
  });

  it('scopes footnote references, not footnote definitions', () => {
    assert.ok(scopesOf('Ketamine may help some patients [^1].', '[^1]').includes(FOOTNOTE));
    assert.ok(scopesOf('As reported[^smith-2023], relief was quick.', '[^smith-2023]').includes(FOOTNOTE));
    assert.ok(!scopesOf('[^1]: Smith J. et al. NEJM 2023.', '[^1]').includes(FOOTNOTE));
  });

  it('scopes numeric references', () => {
    const line = 'Response rates were 50% [1], higher in some trials [2, 3] and lower in others [4-6] [7–9].';
    for (const ref of ['[1]', '[2, 3]', '[4-6]', '[7–9]']) assert.ok(scopesOf(line, ref).includes(NUMERIC), ref);
  });

  it('does not take links, reference definitions or task boxes for numeric references', () => {
    assert.ok(!scopesOf('See [1](https://example.org) for more.', '[1]').includes(NUMERIC));
    assert.ok(!scopesOf('See [1][ref] for more.', '[1]').includes(NUMERIC));
    assert.ok(!scopesOf('[1]: https://doi.org/10.1000/xyz', '[1]').includes(NUMERIC));
    assert.ok(!scopesOf('- [x] done', '[x]').includes(NUMERIC));
  });

  it('scopes author-year citations', () => {
    const cases = [
      '(Smith, 2020)',
      '(Smith 2020)',
      '(Smith et al., 2023)',
      '(Smith et al. 2023)',
      '(Smith & Jones, 2021)',
      '(Smith and Jones 2021a)',
      '(Smith, Jones, & Lee, 2019)',
      '(Smith et al., 2023; Lee, 2019)',
      '(see Murrough et al., 2013)',
      '(van der Berg, 2018)',
      '(Müller et al., 2022)',
      '(WHO, 2022)',
    ];
    for (const citation of cases) {
      const line = `Ketamine reduced symptoms within a day ${citation}.`;
      assert.ok(scopesOf(line, citation).includes(AUTHOR_YEAR), citation);
    }
  });

  it('does not take dates or plain parentheses for author-year citations', () => {
    for (const text of ['(In 2023)', '(May 2023)', '(since 2019)', '(2020)', '(n = 2020)', '(about 50%)']) {
      const line = `The clinic opened ${text} downtown.`;
      assert.ok(!scopesOf(line, text).includes(AUTHOR_YEAR), text);
    }
  });

  it('does nothing inside code', () => {
    const lines = tokenize(['```markdown', 'Cures it [1] [^2] (Smith, 2020) <!-- health-claims-disable hype -->', '```', 'After [1].'].join('\n'));
    const inFence = lines[1]!;
    for (const needle of ['[1]', '[^2]', '(Smith, 2020)', '<!-- health-claims-disable hype -->']) {
      const scopes = inFence(needle);
      assert.ok(scopes.includes('markup.fenced_code.block.markdown'), needle);
      assert.ok(!scopes.some((s) => s.endsWith('.health-claims')), `${needle}: ${scopes.join(' ')}`);
    }
    assert.ok(lines[3]!('[1]').includes(NUMERIC), 'after the fence, references are scoped again');
    const inline = scopesOf('Use `[1]` or `(Smith, 2020)` in code.', '[1]');
    assert.ok(!inline.includes(NUMERIC));
  });
});
