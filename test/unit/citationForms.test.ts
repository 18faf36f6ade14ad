// How writers cite and miscite, beyond the marker forms the analyzer reads:
// one author with a year in brackets ("Holmes (2003)"), checked against the
// document's own reference list; a source that studied animals and people;
// a laboratory study in cells. Each with near misses that must stay quiet.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Checker } from '../../server/src/core/checker.js';
import { buildKnowledge } from '../../server/src/core/knowledge/knowledge.js';

const checker = new Checker(buildKnowledge());
const findings = (text: string, rule: string) => checker.check(text).findings.filter((f) => f.ruleId === rule);
const cm = (text: string) => findings(text, 'citation-mismatch').map((f) => f.text);
const mc = (text: string) => findings(text, 'missing-citation').map((f) => f.text);

describe('citation forms: one author with a year in brackets', () => {
  const refs = '\n\n## References\n\n- Holmes J. Clinical reversal of root caries using ozone, double-blind, randomised, controlled 18-month trial. Gerodontology. 2003;20(2):106-114.\n';
  it('reads "Holmes (2003)" as a citation of the reference entry and flags a design it does not have', () => {
    const [f] = findings(`The strongest support comes from Holmes (2003), a meta-analysis pooling trials from several countries.${refs}`, 'citation-mismatch');
    assert.equal(f?.text, 'meta-analysis');
    assert.match(f.message, /Holmes 2003/);
    assert.match(f.message, /single trial/);
    assert.match(f.message, /double-blind/);
  });
  it('stays quiet when the design matches the entry, or no entry has that author and year', () => {
    assert.deepEqual(cm(`The strongest support comes from Holmes (2003), a randomised trial in older adults.${refs}`), []);
    assert.deepEqual(cm(`The strongest support comes from Holmes (2009), a meta-analysis pooling trials from several countries.${refs}`), []);
    assert.deepEqual(cm(`The clinic opened in March (2003), after a meta-analysis pooling trials from several countries.${refs}`), []);
  });
  it('counts "Surname (Year)" as a source for missing-citation', () => {
    assert.deepEqual(mc('Smith (2019) found that 40% of patients improved within a month.'), []);
    assert.deepEqual(mc('Smith (2019) reported on the clinic. About 40% of its patients improved within a month.'), []);
  });
  it('does not take a month, a season or an acronym before a bracketed year for an author', () => {
    assert.deepEqual(mc('The product launched in March (2003) and 40% of patients improved within a month.'), ['40%']);
    assert.deepEqual(mc('Visits fell during COVID (2020) and 40% of patients improved within a month.'), ['40%']);
    assert.deepEqual(mc('Sales peaked in Winter (2021) and 40% of patients improved within a month.'), ['40%']);
  });
});

describe('citation forms: who a cited source studied', () => {
  it('does not call a source that studied animals and human volunteers an animal study', () => {
    const refs = '\n\n## References\n\n1. Shoba G, Joy D. Influence of piperine on the pharmacokinetics of curcumin in animals and human volunteers. Planta Med. 1998;64(4):353-356.\n';
    assert.deepEqual(cm(`In a small human study, 20 mg of piperine raised curcumin levels in the blood [1].${refs}`), []);
  });
  it('still flags a human claim resting on an animal-only source, and one whose entry denies human participants', () => {
    const mice = '\n\n## References\n\n1. Shoba G, Joy D. Influence of piperine on the pharmacokinetics of curcumin in mice. Planta Med. 1998;64(4):353-356.\n';
    assert.deepEqual(cm(`In a small human study, 20 mg of piperine raised curcumin levels in the blood [1].${mice}`), ['human study']);
    const none = '\n\n[^4]: Lab report. Collagen peptides in cultured dermal fibroblasts. In-vitro report, 2023; cell culture only, no human participants.\n';
    assert.deepEqual(cm(`In our own clinical trial, the peptides boosted collagen production in people.[^4]${none}`).length, 1);
  });
  it('says "cells" for a laboratory study in cells', () => {
    const refs = '\n\n## References\n\n4. JointHaven R&D. Effect of the complex on cultured human chondrocytes (cell-culture study, in vitro). Internal report, 2023.\n';
    const [f] = findings(`Our own laboratory research confirmed that the complex protects cartilage in people with arthritis [4].${refs}`, 'citation-mismatch');
    assert.equal(f?.text, 'in people');
    assert.match(f.message, /study in cells/);
    assert.doesNotMatch(f.message, /animal/);
  });
});

describe('missing-citation: research that backs a claim, and research said to be absent', () => {
  it('reads "studies back that up" as a claim about what research found', () => {
    assert.deepEqual(mc('Several published studies back that up.'), ['studies back that up']);
    assert.deepEqual(mc('Clinical trials bear this out for knee pain.'), ['Clinical trials bear this out']);
  });
  it('stays quiet when no study is said to back it, or the writer backs it up', () => {
    assert.deepEqual(mc('The label promises calm, but no study backs that up.'), []);
    assert.deepEqual(mc('We can back that up with our own records.'), []);
  });
  it('leaves a quoted figure the sentence rebuts by saying no research supports it', () => {
    assert.deepEqual(mc('The coordinator told us that "it works for 100% of people who finish the series," a claim no published study supports.'), []);
    assert.deepEqual(mc('The coordinator told us that "it works for 100% of people who finish the series."'), ['100%']);
    assert.deepEqual(mc('No study has tested it, but 90% of users report better sleep.'), ['90%']);
  });
  it('leaves a study named only to say what it cannot show', () => {
    assert.deepEqual(mc('"It isn\'t a magic pill, and a three-month trial tells us nothing about long-term safety," she added.'), []);
    assert.deepEqual(mc('A three-month trial found that the pill eases joint pain.'), ['A three-month trial']);
  });
});

describe('missing-citation: figures about people and bodies', () => {
  it('reads a change in a body measure stated as a quantity as a statistic', () => {
    assert.deepEqual(mc('Each session burns up to 600 calories, so it basically replaces a workout.'), ['600 calories']);
    assert.deepEqual(mc('Users lose 10 pounds in the first month.'), ['10 pounds']);
  });
  it('not a nutrition label, a size, or one person\'s own account', () => {
    assert.deepEqual(mc('Each gummy has 15 calories and no added sugar.'), []);
    assert.deepEqual(mc('The band is 2 inches wide.'), []);
    assert.deepEqual(mc('I lost 10 pounds before my wedding.'), []);
  });
  it('reads a share of people as a statistic about them, whatever they report', () => {
    assert.deepEqual(mc('More than 90% of patients who have tried it say it changed their lives.'), ['90%']);
    assert.deepEqual(mc('In clinical practice, 9 out of 10 men see their sperm count rise within three months.'), ['9 out of 10']);
  });
  it('not a share of something else, nor a share in a table cell read under its column header', () => {
    assert.deepEqual(mc('About 90% of our profits go to the clinic.'), []);
    assert.deepEqual(mc('| Side effect | How often (PREEMPT trials) |\n|---|---|\n| Neck pain | About 1 in 15 people |\n'), []);
  });
});
