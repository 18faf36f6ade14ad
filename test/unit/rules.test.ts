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
