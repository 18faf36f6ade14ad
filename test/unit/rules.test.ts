// Every fixture under test/fixtures/rules: the findings land on exactly the
// lines marked <!-- expect: ... -->, and applying a finding's preferred
// rewording removes that finding without adding a new one of the same rule.
// A suggestion that cites a pack source is applied with its footnote.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { Checker } from '../../server/src/core/checker.js';
import { buildKnowledge } from '../../server/src/core/knowledge/knowledge.js';
import { actualByLine, applySuggestion, expectedByLine, fixturePath, readFixture } from '../support/fixtures.js';

const checker = new Checker(buildKnowledge());
const fixtures = fs.readdirSync(fixturePath('rules')).filter((f) => f.endsWith('.md'));

describe('rule fixtures', () => {
  for (const name of fixtures) {
    it(`${name}: findings on exactly the marked lines`, () => {
      const text = readFixture('rules', name);
      const actual = actualByLine(text, checker.check(text).findings);
      assert.deepEqual(Object.fromEntries(actual), Object.fromEntries(expectedByLine(text)));
    });

    it(`${name}: each rewording fixes its finding and leaves the rest`, () => {
      const text = readFixture('rules', name);
      const findings = checker.check(text).findings;
      for (const f of findings) {
        for (const s of f.suggestions) {
          assert.equal(text.slice(f.start, f.end), f.text, 'the finding text is the source under its range');
          const fixed = applySuggestion(text, f, s, checker.knowledge.evidence);
          const after = checker.check(fixed).findings;
          const stillThere = after.some((g) => g.ruleId === f.ruleId && g.start === f.start && g.text === f.text);
          assert.ok(!stillThere, `"${s.replacement}" should fix ${f.ruleId} on "${f.text}"`);
          const others = findings.filter((g) => g !== f && (g.end <= f.start || g.start >= f.end)).length;
          const othersAfter = after.filter((g) => g.end <= f.start || g.start >= f.start + s.replacement.length).length;
          assert.ok(othersAfter >= others - 1, 'other findings stay');
        }
      }
    });
  }
});

describe('document-level names', () => {
  const hypeLines = (text: string) => checker.check(text).findings.filter((f) => f.ruleId === 'hype').map((f) => f.text);

  it('reads a hype word inside a name the document writes with a model number as part of the name everywhere', () => {
    const text = '# Wonder Drink 5 Sports Bottle\n\nWonder Drink 5 is a steel bottle with a straw.\n';
    assert.deepEqual(hypeLines(text), []);
  });

  it('reads a name from its use mid-sentence and applies it at the start of a sentence', () => {
    const text = 'Our small shop now sells the handheld Glow Miracle Wand in two different colours.\n\nGlow Miracle Wand ships in a gift box.\n';
    assert.deepEqual(hypeLines(text), []);
  });

  it('still flags the word when the name is not what the sentence uses', () => {
    const text = 'Wonder Drink 5 is a steel bottle.\n\nThis tea is a wonder drink for tired runners.\n';
    assert.deepEqual(hypeLines(text), ['wonder drink']);
  });

  it('drops kept results when a name appears elsewhere in the document', () => {
    const editing = new Checker(checker.knowledge);
    const before = 'Miracle Pulse is on sale.\n\nIt ships today.\n';
    assert.equal(hypeLines(before).length, 1);
    editing.check(before, { documentKey: 'doc' });
    const after = before.replace('It ships today.', 'The Miracle Pulse 2 ships today.');
    const incremental = editing.check(after, { documentKey: 'doc' }).findings.filter((f) => f.ruleId === 'hype');
    assert.deepEqual(incremental, checker.check(after).findings.filter((f) => f.ruleId === 'hype'));
    assert.equal(incremental.length, 0);
  });
});

describe('hype in quoted words a reporter passes on', () => {
  const hypeLines = (text: string) => checker.check(text).findings.filter((f) => f.ruleId === 'hype').map((f) => f.text);

  it('leaves praise quoted from an interview or a statement to its speaker', () => {
    assert.deepEqual(hypeLines('\u201cThe patch was a game-changer for my knees,\u201d one runner told us after the race.\n'), []);
    assert.deepEqual(hypeLines('\u201cOur serum is a breakthrough for ageing skin,\u201d the founder said in a statement.\n'), []);
    assert.deepEqual(hypeLines('In an interview with a local paper, she called the diet revolutionary.\n'), []);
  });

  it('still flags the same praise when nobody reports it or the writer speaks for themselves', () => {
    assert.deepEqual(hypeLines('\u201cThe patch was a game-changer for my knees and my back and my sleep.\u201d\n'), ['game-changer']);
    assert.deepEqual(hypeLines('She told us about the diet, which is a revolutionary fix for joint pain.\n'), ['revolutionary']);
    assert.deepEqual(hypeLines('Our serum is a breakthrough for ageing skin.\n'), ['breakthrough']);
  });
});

describe('unqualified-efficacy messages', () => {
  const messages = (text: string) => checker.check(text).findings.filter((f) => f.ruleId === 'unqualified-efficacy').map((f) => f.message.split(',')[0]);

  it('quote the claim as the sentence makes it, mid-sentence in lower case', () => {
    assert.deepEqual(messages('The capsules rebuild collagen in your skin.\n'), ['This states as fact that the capsules rebuild collagen']);
    assert.deepEqual(messages('Ketamine cures depression.\n'), ['This states as fact that Ketamine cures depression']);
  });

  it('quote the promise itself when no subject is named, without a mismatched verb', () => {
    assert.deepEqual(messages('Rebuild your gut lining in days!\n'), ['This states \u201crebuild gut lining\u201d as fact']);
  });
});
