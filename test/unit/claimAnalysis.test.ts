// Claim analysis per sentence: strength, hedges, negation, attribution, numbers, citations.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Checker } from '../../server/src/core/checker.js';
import { buildKnowledge } from '../../server/src/core/knowledge/knowledge.js';

const checker = new Checker(buildKnowledge());
const explain = (s: string) => checker.explain(s)[0]!;

describe('claim analysis', () => {
  it('classifies claim strength as Yu, Li & Wang do', () => {
    assert.equal(explain('Ketamine cures depression.').claimStrength, 'direct-causal');
    assert.equal(explain('Ketamine may reduce depressive symptoms.').claimStrength, 'conditional-causal');
    assert.equal(explain('Ketamine use is associated with lower depression scores.').claimStrength, 'correlational');
    assert.equal(explain('Each infusion takes about 40 minutes.').claimStrength, 'none');
  });

  it('finds hedges and never treats them as a problem', () => {
    const a = explain('Early evidence suggests psilocybin might help some people.');
    assert.equal(a.hedged, true);
    assert.ok(a.hedgeCues.includes('early evidence') && a.hedgeCues.includes('suggests'));
    assert.equal(checker.check('Psilocybin might help some people with depression, and early results look promising.\n').findings.length, 0);
  });

  it('finds negation and attribution', () => {
    assert.equal(explain("While ketamine isn't a 'silver bullet', it helps some.").negated, true);
    assert.equal(explain('Some clinics call it a miracle.').attributed, true);
    assert.equal(explain('Myth: ketamine is a wonder drug.').attributed, true);
    assert.equal(explain('"It changed my life," one patient said.').attributed, true);
  });

  it('reads quantities', () => {
    const kinds = (s: string) => explain(s).numbers.map((n) => n.kind);
    assert.deepEqual(kinds('Only 8 of 28 patients responded.'), ['fraction']);
    assert.deepEqual(kinds('Response was 55.4% vs 41.2% (95% CI 3.9-24.2).').sort(), ['ci', 'percent', 'percent'].sort());
    assert.ok(kinds('Remission ranged from 27% to 43%.').includes('range'));
    assert.ok(kinds('The effect size was small (Hedges g = 0.2).').includes('effect-size'));
    assert.ok(kinds('Relief lasted six months.').includes('duration'));
    assert.deepEqual(explain('One in three people relapsed.').numbers.map((n) => Math.round(n.value ?? 0)), [33]);
  });

  it('detects citations in the forms writers use', () => {
    for (const s of ['It helped (Anand et al., 2023).', 'Anand et al. (2023) found it helped.', 'It helped (Smith & Jones, 2019).', 'It helped (Journal of Affective Disorders, 2022).']) {
      assert.equal(explain(s).cited, true, s);
    }
    assert.equal(explain('It helped a lot.').cited, false);
  });

  it('finds interventions and resolves "it" to the last one named', () => {
    const [first, second] = checker.explain('TMS is offered at our clinic. It works.');
    assert.deepEqual(first!.interventions.map((i) => i.id), ['tms']);
    assert.deepEqual(second!.interventions, []);
    const findings = checker.check('TMS is offered at our clinic. It works.\n').findings;
    assert.deepEqual(findings.map((f) => [f.ruleId, f.text]), [['unqualified-efficacy', 'It works']]);
  });

  it('finds the subject of a claim made through a treatment noun, with no treatment named before', () => {
    const rule = (s: string) => checker.check(s + '\n').findings.filter((f) => f.ruleId === 'unqualified-efficacy').map((f) => f.text);
    assert.deepEqual(rule('Each capsule rebuilds your gut lining.'), ['Each capsule rebuilds your gut lining']);
    assert.deepEqual(rule('Rebuilding your gut lining takes time.'), []);
  });

  it('does not count a head count as a population', () => {
    assert.deepEqual(explain('Thousands of patients have found relief.').population, []);
    assert.deepEqual(explain('Patients with migraine have found relief.').population, ['patients with']);
  });

  it('does not count a list of three or more illnesses after "people with" as a population', () => {
    assert.deepEqual(explain('People with gout, psoriasis and chronic fatigue feel better on the tea.').population, []);
    assert.deepEqual(explain('People with gout or psoriasis feel better on the tea.').population, ['people with']);
  });

  it('reads an inversion after "never again" as a statement, not an instruction', () => {
    const rules = (s: string) => checker.check(s + '\n').findings.map((f) => f.ruleId);
    assert.deepEqual(rules('Never again will you wake up with migraines once you sleep on the wedge pillow.'), ['absolute-language']);
    assert.deepEqual(rules('Never sleep on the wedge pillow if you have a neck injury.'), []);
  });

  it('scopes attribution: a stance verb keeps single words off the writer, "according to" opens its own clause', () => {
    const rules = (s: string) => checker.check(s + '\n').findings.map((f) => f.ruleId);
    assert.deepEqual(rules('Fans of the diet insist that it melts fat permanently.'), []);
    assert.ok(rules('The diet melts fat permanently.').includes('absolute-language'));
    assert.deepEqual(rules('Tai chi relieves back pain, according to one review.'), []);
    assert.ok(rules('Tai chi relieves back pain, and according to one review, it also calms the mind.').includes('unqualified-efficacy'));
  });

  it('does not take a colon between digits for a clause break', () => {
    const rules = (s: string) => checker.check(s + '\n').findings.map((f) => f.ruleId);
    assert.ok(rules('Everyone on a 16:8 schedule will lose weight.').includes('absolute-language'));
    assert.deepEqual(rules('Everyone on a 16:8 schedule should drink water.'), []);
  });

  it('lets a negated assurance deny its whole clause, and only that clause', () => {
    const ruleIds = (text: string) => checker.check(text + '\n').findings.map((f) => f.ruleId);
    assert.deepEqual(ruleIds('No one can promise that your back pain will go away forever.'), []);
    assert.ok(ruleIds("We can't promise much, and your back pain will go away forever.").includes('absolute-language'));
  });
});
