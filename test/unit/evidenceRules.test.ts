// The two evidence rules beyond their fixtures: what their quick fixes carry
// (the supported figure, the source the editor cites), that they stay silent
// without an evidence pack, and that unverified records never make a sentence
// wrong.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findNumbers } from '../../server/src/core/analysis/numbers.js';
import { Checker } from '../../server/src/core/checker.js';
import { buildKnowledge } from '../../server/src/core/knowledge/knowledge.js';

const checker = new Checker(buildKnowledge());
const findings = (text: string, rule: string) => checker.check(text).findings.filter((f) => f.ruleId === rule);

describe('evidence-mismatch', () => {
  it('replaces a figure with the finding range and cites its preferred source', () => {
    const [f] = findings('Ketamine puts 70% of patients into remission.', 'evidence-mismatch');
    assert.ok(f);
    assert.equal(f.text, '70%');
    assert.match(f.message, /15\u201346%/);
    assert.match(f.message, /Han 2016/);
    const fix = f.suggestions[0]!;
    assert.equal(fix.replacement, '15\u201346%');
    assert.equal(fix.citeSourceId, 'han-2016-response-remission-meta');
    assert.deepEqual(f.evidenceIds.slice(0, 2), ['ketamine-depression-remission', 'han-2016-response-remission-meta']);
  });

  it('replaces a duration with the supported one', () => {
    const [f] = findings('A single ketamine infusion keeps working for six months.', 'evidence-mismatch');
    assert.equal(f?.text, 'six months');
    assert.equal(f?.suggestions[0]?.replacement, '3\u201312 days');
    assert.equal(f?.suggestions[0]?.citeSourceId, 'kishimoto-2016-single-dose-meta');
  });

  it('reports regulatory status and approval years', () => {
    assert.equal(findings('Ketamine is FDA-approved for depression.', 'evidence-mismatch').length, 1);
    const [year] = findings('Spravato was approved in 2015.', 'evidence-mismatch');
    assert.equal(year?.text, '2015');
    assert.equal(year?.suggestions[0]?.replacement, '2019');
  });

  it('never calls a sentence wrong on an unverified record alone', () => {
    // The January 2025 monotherapy approval is recorded as unverified: a sentence stating it is neither confirmed nor contradicted.
    assert.deepEqual(findings('Spravato was approved as monotherapy in 2025.', 'evidence-mismatch'), []);
  });

  it('says nothing without an evidence pack', () => {
    const bare = new Checker(buildKnowledge({ withoutBuiltinPacks: true }));
    const ids = bare.check('Ketamine puts 70% of patients into remission. Ketamine is FDA-approved for depression.').findings.map((f) => f.ruleId);
    assert.ok(!ids.includes('evidence-mismatch'));
    assert.ok(!ids.includes('citation-mismatch'));
  });
});

describe('citation-mismatch', () => {
  it('names the source and what it really is, and offers the right design word', () => {
    const text = 'A 2022 meta-analysis found that 54% of patients responded [1].\n\n1. McInnes LA, et al. A retrospective analysis of ketamine intravenous therapy for depression in real-world care settings. J Affect Disord. 2022;301:486-495.\n';
    const [f] = findings(text, 'citation-mismatch');
    assert.equal(f?.text, 'meta-analysis');
    assert.match(f!.message, /McInnes 2022/);
    assert.match(f!.message, /retrospective chart review/);
    assert.equal(f!.suggestions[0]?.replacement, 'retrospective chart review');
    assert.deepEqual(f!.evidenceIds, ['mcinnes-2022-real-world-iv']);
  });

  it("reads a footnote that is not in the pack for what it says about itself", () => {
    const text = 'A clinical trial showed that the compound restores memory in older adults.[^1]\n\n[^1]: Lee J, et al. Memory in aged mice. 2019.\n';
    assert.equal(findings(text, 'citation-mismatch').length, 1);
    const honest = 'In mice, the compound restored memory.[^1]\n\n[^1]: Lee J, et al. Memory in aged mice. 2019.\n';
    assert.deepEqual(findings(honest, 'citation-mismatch'), []);
  });
});

describe('durations', () => {
  it('reads "for months", "a year" and "permanently" with their length', () => {
    const days = (text: string) => findNumbers(text, 0).filter((n) => n.kind === 'duration').map((n) => n.value);
    assert.deepEqual(days('The relief lasts for months.'), [60]);
    assert.deepEqual(days('It lasts a year.'), [365]);
    assert.deepEqual(days('The benefits last permanently.'), [Infinity]);
  });
});
