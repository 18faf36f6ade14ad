// Re-checking an edited document reuses what the edit did not touch; the
// findings must be exactly those of a fresh check of the new text.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Checker } from '../../server/src/core/checker.js';
import { buildKnowledge } from '../../server/src/core/knowledge/knowledge.js';
import { generateArticle } from '../bench/articles.js';

const knowledge = buildKnowledge();

// Edits an editor makes: typing inside a paragraph, splitting and joining
// paragraphs, turning lines into quotes, list items and headings, adding a
// footnote definition that an earlier paragraph cites, opening a code fence.
const EDITS: ((text: string, at: number) => string)[] = [
  (t, at) => `${t.slice(0, at)} Ketamine cures depression.${t.slice(at)}`,
  (t, at) => `${t.slice(0, at)}\n\n${t.slice(at)}`,
  (t, at) => t.slice(0, at) + t.slice(at).replace('\n\n', ' '),
  (t, at) => t.slice(0, at) + t.slice(at).replace('\n', '\n> '),
  (t, at) => t.slice(0, at) + t.slice(at).replace('\n', '\n- '),
  (t, at) => t.slice(0, at) + t.slice(at).replace('\n', '\n## '),
  (t, at) => `${t.slice(0, at)} It is a miracle.${t.slice(at)}`,
  (t) => `${t}\n[^1]: Anand A, et al. Ketamine versus ECT for nonpsychotic treatment-resistant major depression. N Engl J Med. 2023.\n`,
  (t, at) => `${t.slice(0, at)}\n\`\`\`\n${t.slice(at)}`,
  (t, at) => t.slice(0, at) + t.slice(at + 40),
  // Same-length changes: the block keeps its place and size but not its meaning.
  (t, at) => t.slice(0, at) + t.slice(at).replace('is being studied', 'is a miracle now'),
  (t, at) => t.slice(0, at) + t.slice(at).replace('can help', 'cures it'),
];

function comparable(findings: ReturnType<Checker['check']>['findings']): string[] {
  return findings.map((f) => `${f.start}-${f.end} ${f.ruleId} ${f.message} ${JSON.stringify(f.suggestions)}`);
}

describe('incremental re-checking', () => {
  it('gives the same findings as a fresh check after every kind of edit', () => {
    const editing = new Checker(knowledge);
    const fresh = new Checker(knowledge);
    let text = generateArticle(12_000, 3);
    editing.check(text, { documentKey: 'draft' });
    let seed = 11;
    for (let i = 0; i < 120; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const at = seed % text.length;
      text = EDITS[i % EDITS.length]!(text, at);
      const incremental = comparable(editing.check(text, { documentKey: 'draft' }).findings);
      assert.deepEqual(incremental, comparable(fresh.check(text).findings), `after edit ${i} (kind ${i % EDITS.length} at ${at})`);
    }
  });

  it('keeps documents apart: checking one does not change another\'s results', () => {
    const checker = new Checker(knowledge);
    const a = 'Ketamine is a miracle cure.\n\nIt works for everyone.\n';
    const b = 'Psilocybin may help some adults.\n';
    const first = comparable(checker.check(a, { documentKey: 'a' }).findings);
    checker.check(b, { documentKey: 'b' });
    assert.deepEqual(comparable(checker.check(a, { documentKey: 'a' }).findings), first);
    assert.ok(first.length >= 2, 'the draft has findings to compare');
  });
});
