// citation-mismatch patterns that recur when writers describe a cited source:
// blinding, comparator, follow-up length, observational evidence sold as
// causal, a side-effect rate against the cited label, a change the control
// group shared, and a source's own scope. Each with near misses that must stay quiet.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Checker } from '../../server/src/core/checker.js';
import { buildKnowledge } from '../../server/src/core/knowledge/knowledge.js';
import { validateValue } from '../../server/src/core/knowledge/validate.js';

const ROOT = path.resolve(__dirname, '../../..');
const checker = new Checker(buildKnowledge());
const cm = (text: string) => checker.check(text).findings.filter((f) => f.ruleId === 'citation-mismatch').map((f) => f.text);

describe('citation-mismatch: blinding and placebo', () => {
  const fn = '\n\n[^1]: Brandt K, Osei L. Yoga for migraine prevention: a randomized, assessor-blinded trial. Cephalalgia Rep. 2022.\n';
  it('flags "double-blind" for a study its footnote calls assessor-blinded', () => {
    assert.deepEqual(cm(`This double-blind trial showed fewer migraine days with yoga.[^1]${fn}`), ['double-blind']);
  });
  it('follows "Because it was a … study" back to the sentence before', () => {
    const fn2 = '\n\n[^2]: Ruiz P. Cupping for neck pain. Pain Med Rep. 2019. Randomized, 80 patients; no sham control and no blinding.\n';
    assert.deepEqual(cm(`Cupping halved neck pain in one trial.[^2] Because it was a sham-controlled, double-blind study, its result is solid.${fn2}`).sort(), ['double-blind']);
  });
  it('stays quiet when the description matches, or no source is cited', () => {
    assert.deepEqual(cm(`This assessor-blinded trial showed fewer migraine days with yoga.[^1]${fn}`), []);
    assert.deepEqual(cm('A double-blind trial showed fewer migraine days with yoga.'), []);
    const honest = '\n\n[^1]: Brandt K. Yoga for migraine: a randomized, double-blind, placebo-controlled trial. Cephalalgia Rep. 2022.\n';
    assert.deepEqual(cm(`This double-blind trial showed fewer migraine days with yoga.[^1]${honest}`), []);
  });
});

describe('citation-mismatch: a comparator the source did not have', () => {
  const fn = '\n\n[^1]: Patel R, Moreau S. Lavender oil capsules for generalized anxiety: an 8-week randomized placebo-controlled trial. Phytomed Rep. 2020.\n';
  it('flags "as effective as" a drug class and superiority over every other option', () => {
    assert.deepEqual(cm(`The trial found lavender capsules are as effective as antidepressants for anxiety.[^1]${fn}`), ['as effective as antidepressants']);
    assert.deepEqual(cm(`In that trial, lavender beat every other treatment for anxiety.[^1]${fn}`), ['beat every other treatment']);
  });
  it('stays quiet when the source compared the two, the claim is hedged, negated or against placebo', () => {
    const vs = '\n\n[^1]: Patel R. Lavender oil versus sertraline for generalized anxiety: a randomized trial. Phytomed Rep. 2020.\n';
    assert.deepEqual(cm(`The trial found lavender capsules are as effective as antidepressants for anxiety.[^1]${vs}`), []);
    assert.deepEqual(cm(`Lavender capsules may be as effective as antidepressants for anxiety.[^1]${fn}`), []);
    assert.deepEqual(cm(`Lavender capsules did better than placebo for anxiety.[^1]${fn}`), []);
    assert.deepEqual(cm(`Lavender capsules were not as effective as antidepressants.[^1]${fn}`), []);
  });
  it('does not read the background treatment of an add-on trial as its comparator', () => {
    const addOn = '\n\n[^1]: Ng T. Exercise as an adjunct to antidepressant medication in older adults: a randomized sham-controlled trial. 2021.\n';
    assert.deepEqual(cm(`Exercise worked as well as medication in this trial.[^1]${addOn}`), ['worked as well as medication']);
  });
});

describe('citation-mismatch: follow-up', () => {
  const refs = '\n\n## References\n\n- Haldane J, Kowal P, et al. Oat beta-glucan and LDL cholesterol: an 8-week randomized trial with 2-week follow-up. Nutr Rep. 2023;4:11-19.\n';
  it('flags a lasting effect well beyond the trial and its follow-up', () => {
    assert.deepEqual(cm(`Cholesterol stayed lower for at least a year after people stopped (Haldane et al., 2023).${refs}`), ['at least a year']);
  });
  it('stays quiet within the follow-up, when hedged, or without a citation', () => {
    assert.deepEqual(cm(`Cholesterol stayed lower for at least 8 weeks (Haldane et al., 2023).${refs}`), []);
    assert.deepEqual(cm(`Cholesterol may stay lower for at least a year (Haldane et al., 2023).${refs}`), []);
    assert.deepEqual(cm('Cholesterol stayed lower for at least a year after people stopped.'), []);
  });
});

describe('citation-mismatch: an observational source sold as causal', () => {
  const fn = '\n\n[^1]: Berg A, Lund M. Coffee drinking and stroke: a prospective cohort of 40,000 Swedish women. Stroke Rep. 2018.\n';
  it('flags "cuts your risk" citing a cohort', () => {
    assert.deepEqual(cm(`Three cups of coffee a day cuts your risk of stroke by 20%.[^1]${fn}`), ['cuts your risk']);
  });
  it('stays quiet for association wording, hedges and trials', () => {
    assert.deepEqual(cm(`Women who drank three cups a day had a 20% lower risk of stroke.[^1]${fn}`), []);
    assert.deepEqual(cm(`Coffee might cut your risk of stroke.[^1]${fn}`), []);
    const rct = '\n\n[^1]: Berg A. Statins and stroke: a randomized placebo-controlled trial. Stroke Rep. 2018.\n';
    assert.deepEqual(cm(`Statins cut your risk of stroke by 20%.[^1]${rct}`), []);
  });
});

describe('citation-mismatch: a side-effect rate against the cited label', () => {
  const fn = '\n\n[^1]: Spravato (esketamine) nasal spray, full prescribing information, 2023.\n';
  it('flags a rate or "rare" far below the label\'s', () => {
    assert.deepEqual(cm(`Only about 3% of trial patients became drowsy on esketamine.[^1]${fn}`), ['3%']);
    assert.deepEqual(cm(`With esketamine, sedation was rare in the trials.[^1]${fn}`), ['rare']);
  });
  it('stays quiet for the label\'s own figure or without the label', () => {
    assert.deepEqual(cm(`About half of trial patients had sedation on esketamine.[^1]${fn}`), []);
    assert.deepEqual(cm(`With esketamine, sedation affected 55% of trial patients.[^1]${fn}`), []);
    assert.deepEqual(cm('With esketamine, sedation was rare in one small clinic.'), []);
  });
});

describe('citation-mismatch: a change the control group shared', () => {
  it('flags crediting the treatment with it, not a sentence that says saline did the same', () => {
    assert.deepEqual(cm('A PET study found ketamine quiets the amygdala (Li et al., 2016).'), ['amygdala']);
    assert.deepEqual(cm('Amygdala activity fell after ketamine and after saline alike (Li et al., 2016).'), []);
    assert.deepEqual(cm('Ketamine raised prefrontal glucose uptake compared with saline (Li et al., 2016).'), []);
  });
});

describe('citation-mismatch: a source\'s own scope', () => {
  const fn = '\n\n[^1]: Okoro D, Lind S. Melatonin for jet lag: a meta-analysis. Sleep Rev. 2020. Adult trials only.\n';
  it('flags "every kind of" beyond what the source says it covers', () => {
    assert.deepEqual(cm(`The benefit holds for every kind of traveller, including children.[^1]${fn}`), ['every kind of traveller']);
  });
  it('stays quiet when the scope matches or the source states no limit', () => {
    assert.deepEqual(cm(`The benefit was seen across all types of adult travellers.[^1]${fn}`), []);
    const open = '\n\n[^1]: Okoro D, Lind S. Melatonin for jet lag: a meta-analysis. Sleep Rev. 2020.\n';
    assert.deepEqual(cm(`The benefit holds for every kind of traveller.[^1]${open}`), []);
  });
});

describe('citation-mismatch: "in vitro fertilization" is not an animal study', () => {
  it('reads an IVF trial as a study in people', () => {
    const fn = '\n\n[^1]: Moss J, et al. Acupuncture vs sham acupuncture among women undergoing in vitro fertilization: a randomized clinical trial. JAMA. 2018.\n';
    assert.deepEqual(cm(`The trial found no difference in live births in women.[^1]${fn}`), []);
  });
});

describe('citation-mismatch: entries under a "References" heading', () => {
  const claim = 'In a randomised, placebo-controlled trial, GlowBand users slept better than people given a dummy band (Brightway Labs, 2023).';
  const entry = '- Brightway Labs. Twelve-week outcomes in GlowBand owners: an uncontrolled customer survey (n = 85). Company report; 2023.\n';
  it('reads an organisation-authored entry in the reference list as the cited source', () => {
    assert.deepEqual(cm(`${claim}\n\n## References\n\n${entry}`), ['randomised', 'controlled trial']);
    assert.deepEqual(cm(`${claim}\n\n## Sources:\n\n${entry}`), ['randomised', 'controlled trial']);
  });
  it('does not read the same paragraph as a source under any other heading', () => {
    assert.deepEqual(cm(`${claim}\n\n## What our customers say\n\n${entry}`), []);
  });
  it('does not check the reference entries themselves as claims', () => {
    const findings = checker.check(`${claim}\n\n## References\n\n- Brightway Labs. A miracle band that always works: an uncontrolled survey. 2023.\n`).findings;
    assert.ok(findings.every((f) => f.start < claim.length), findings.map((f) => `${f.ruleId}: ${f.text}`).join(', '));
  });
});

describe('citation-mismatch: a condition the cited study did not enrol, as the object of a benefit verb', () => {
  const refs = '\n\n## References\n\n1. Berman RM, Cappiello A, Anand A, et al. Antidepressant effects of ketamine in depressed patients. *Biol Psychiatry*. 2000;47(4):351-354.\n';
  it('flags "reverses/lifts treatment-resistant depression" citing a trial of major depression', () => {
    assert.deepEqual(cm(`That first Yale experiment proved ketamine reverses treatment-resistant depression [1].${refs}`), ['treatment-resistant depression']);
    assert.deepEqual(cm(`Back in 2000, a small crossover study found that ketamine relieves treatment-resistant depression [1].${refs}`), ['treatment-resistant depression']);
  });
  it('stays quiet for the population it did study, a negated verb, or no citation', () => {
    assert.deepEqual(cm(`That first Yale experiment found ketamine eased major depression [1].${refs}`), []);
    assert.deepEqual(cm(`That experiment did not show that ketamine reverses treatment-resistant depression [1].${refs}`), []);
    assert.deepEqual(cm('Electroconvulsive therapy reverses treatment-resistant depression in many patients.'), []);
  });
});

describe('citation-mismatch: an outcome is not a population', () => {
  it('does not read "reduces suicidal thoughts" as a claim about whom a TRD trial enrolled', () => {
    const text = 'One trial compared ketamine with ECT (Anand et al., 2023). The authors found that ketamine reduces suicidal thoughts within a day.';
    assert.deepEqual(cm(text), []);
  });
});

describe('citation-mismatch: how much treatment the cited study gave', () => {
  it('flags a course count the record contradicts', () => {
    assert.deepEqual(cm('In the VA records study (Pfeiffer et al., 2024), veterans had twelve ketamine sessions.'), ['twelve ketamine sessions']);
    const hit = checker.check('Patients in the open-label trial had ten infusions over two weeks (Murrough et al., 2013).').findings.filter((f) => f.ruleId === 'citation-mismatch');
    assert.deepEqual(hit.map((f) => f.text), ['ten infusions']);
    assert.match(hit[0]!.message, /up to 6/);
  });
  it('stays quiet for the record\'s own figure, within its ceiling, hedged, negated or uncited', () => {
    assert.deepEqual(cm('In the VA records study (Pfeiffer et al., 2024), veterans had about 18 ketamine infusions in a year.'), []);
    assert.deepEqual(cm('Patients in the open-label trial had six infusions over two weeks (Murrough et al., 2013).'), []);
    assert.deepEqual(cm('In the VA records study (Pfeiffer et al., 2024), veterans may have had six infusions.'), []);
    assert.deepEqual(cm('In the VA study (Pfeiffer et al., 2024), veterans did not get a fixed course of six infusions.'), []);
    assert.deepEqual(cm('Veterans at our clinic typically get six IV ketamine infusions.'), []);
  });
});

describe('citation-mismatch: an animal result used to choose a treatment for people', () => {
  it('flags "so we chose" / "which is why we use" resting on a mouse study', () => {
    assert.deepEqual(cm('R-ketamine held up longer than S-ketamine, so we chose racemic IV ketamine for our clinic (Zhang et al., 2014).'), ['so we chose']);
    assert.deepEqual(cm('The R isomer outlasted the S isomer, which is why we use the racemic drug (Zhang et al., 2014).'), ['which is why we use']);
  });
  it('stays quiet when the sentence says it was in mice, for a human study, or with no citation', () => {
    assert.deepEqual(cm('In mice, R-ketamine held up longer than S-ketamine, so we chose racemic IV ketamine for our clinic (Zhang et al., 2014).'), []);
    assert.deepEqual(cm('Response was 70.8% after repeated infusions, which is why we offer a course of six (Murrough et al., 2013).'), []);
    assert.deepEqual(cm('R-ketamine held up longer than S-ketamine, so we chose racemic IV ketamine for our clinic.'), []);
  });
});

describe('citation-mismatch: an approval dated before the cited announcement of it', () => {
  const fn = '\n\n[^1]: Health Canada. Health Canada approves first nerve-stimulation headband for migraine. News release, 2021.\n';
  it('flags an earlier approval year than the cited release gives', () => {
    assert.deepEqual(cm(`The headband was approved back in 2018 for adults with migraine.[^1]${fn}`), ['2018']);
  });
  it('stays quiet for the same or a later year, a hedge, a source that announces no approval, or no citation', () => {
    assert.deepEqual(cm(`The headband was approved in 2021 for adults with migraine.[^1]${fn}`), []);
    assert.deepEqual(cm(`The headband was approved for teenagers in 2023.[^1]${fn}`), []);
    assert.deepEqual(cm(`The headband may have been approved in 2018.[^1]${fn}`), []);
    assert.deepEqual(cm('The headband was approved back in 2018.[^1]\n\n[^1]: Okafor B. Nerve-stimulation headband for migraine: a sham-controlled trial. Headache Rep. 2021.\n'), []);
    assert.deepEqual(cm('The headband was approved back in 2018 for adults with migraine.'), []);
  });
});

describe('citation-mismatch: the writer\'s note after a reference entry', () => {
  const murrough = 'Murrough JW, Perez AM, Pillemer S, et al. Rapid and longer-term antidepressant effects of repeated ketamine infusions in treatment-resistant major depression. Biol Psychiatry. 2013;74(4):250-256.';
  const pfeifferApa = 'Pfeiffer, P. N., Geller, J., Ganoczy, D., et al. (2024). Clinical outcomes of intravenous ketamine treatment for depression in the VA health system. Journal of Clinical Psychiatry, 85(1), 23m14984.';
  const berman = 'Berman RM, Cappiello A, Anand A, et al. Antidepressant effects of ketamine in depressed patients. Biol Psychiatry. 2000;47(4):351-354.';
  const zarate = 'Zarate CA Jr, Singh JB, Carlson PJ, et al. A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression. Arch Gen Psychiatry. 2006;63(8):856-864.';
  const list = (...entries: string[]) => `Some text.\n\n## References\n\n${entries.map((e, i) => `${i + 1}. ${e}`).join('\n')}\n`;
  it('flags a design the pack source did not have, in Vancouver or APA style', () => {
    assert.deepEqual(cm(list(`${murrough} A double-blind study of 24 patients.`)), ['double-blind']);
    assert.deepEqual(cm(list(`${pfeifferApa} Placebo-controlled study of 215 veterans.`)), ['Placebo-controlled']);
    assert.deepEqual(cm(list(`${murrough} Epub 2012 Aug 2. Randomised comparison with saline.`)), ['Randomised']);
  });
  it('flags a population the pack source did not enrol', () => {
    assert.deepEqual(cm(list(`${berman} Small crossover study in treatment-resistant depression.`)), ['treatment-resistant depression']);
  });
  it('stays quiet for a correct note, a title, trailers, and entries outside the pack', () => {
    assert.deepEqual(cm(list(`${murrough} Open-label, no control group; 24 patients.`, `${zarate} Placebo-controlled crossover in 18 patients with treatment-resistant depression.`)), []);
    // The title names a randomized design; only a note after the journal details is the writer's claim.
    assert.deepEqual(cm(list(berman, `${murrough} Epub 2012 Aug 2. PMID: 22840761.`)), []);
    assert.deepEqual(cm(list('Okafor B, Lind S. Nerve-stimulation headband for migraine: a pilot study. Headache Rep. 2021;4(2):11-19. Randomised, placebo-controlled.')), []);
    assert.deepEqual(cm(list(`${berman} Randomized, double-blind, placebo-controlled crossover in major depression.`)), []);
  });
  it('does not read a title before the journal details as a note, whatever it says', () => {
    const retitled = 'Murrough JW, et al. A randomised, placebo-controlled miracle? Repeated ketamine for depression. Biol Psychiatry. 2013;74(4):250-256.';
    assert.deepEqual(checker.check(list(retitled)).findings.filter((f) => f.start > 'Some text.'.length).map((f) => f.ruleId), []);
  });
});

describe('citation-mismatch: the population a cited study was "in"', () => {
  const refs = '\n\n## References\n\n1. Berman RM, Cappiello A, Anand A, et al. Antidepressant effects of ketamine in depressed patients. *Biol Psychiatry*. 2000;47(4):351-354.\n';
  it('flags "a trial in" or "a study of ketamine among" a condition the source did not enrol', () => {
    assert.deepEqual(cm(`The first controlled trial in treatment-resistant depression came from Yale [1].${refs}`), ['treatment-resistant depression']);
    assert.deepEqual(cm(`Their small study of ketamine among treatment-resistant depression cases was double-blind [1].${refs}`), ['treatment-resistant depression']);
  });
  it('stays quiet for the condition it did enrol, another study cited, or a negation', () => {
    assert.deepEqual(cm(`The first controlled trial in major depression came from Yale [1].${refs}`), []);
    assert.deepEqual(cm('The first controlled trial in treatment-resistant depression came from the NIMH (Zarate et al., 2006).'), []);
    assert.deepEqual(cm(`It was not a trial in treatment-resistant depression [1].${refs}`), []);
  });
});

describe('citation-mismatch: a study named by journal and year, then described', () => {
  it('follows "that study" back to a source named by its journal and year', () => {
    assert.deepEqual(cm('A 2013 paper in Biological Psychiatry gave 24 patients up to six infusions. That study was double-blind, which makes its result hard to argue with.'), ['double-blind']);
    assert.deepEqual(cm('Repeated dosing was tested next (Biol Psychiatry, 2013): most patients responded. Because it was a randomised study, the figure holds.'), ['randomised']);
  });
  it('reads a design given in the same sentence as the journal and year', () => {
    assert.deepEqual(cm('A placebo-controlled trial published in Biological Psychiatry in 2013 gave patients up to six infusions.'), ['placebo-controlled']);
  });
  it('stays quiet for a correct description, another year, an ambiguous journal and year, or no source named', () => {
    assert.deepEqual(cm('A 2013 paper in Biological Psychiatry gave 24 patients up to six infusions. That study was open-label, so the figure needs caution.'), []);
    assert.deepEqual(cm('A 2006 paper in the Archives of General Psychiatry tested one infusion. That study was double-blind.'), []);
    // Three pack sources appeared in the American Journal of Psychiatry in 2018.
    assert.deepEqual(cm('A 2018 paper in the American Journal of Psychiatry looked at suicidal thoughts. That study was open-label.'), []);
    assert.deepEqual(cm('A paper in Biological Psychiatry gave patients six infusions. That study was double-blind.'), []);
  });
});

describe('citation-mismatch: superiority restated from a non-inferiority trial', () => {
  it('flags "in other words, X beat Y" after the sentence naming the trial', () => {
    assert.deepEqual(cm('A head-to-head trial (N Engl J Med, 2023) compared ketamine with ECT in 403 patients. Response was 55% against 41%. Put simply, ketamine outperformed ECT.'), ['ketamine outperformed']);
    assert.deepEqual(cm('ELEKT-D randomised 403 patients to ketamine or ECT and met its non-inferiority test. In short, ketamine beat ECT.'), ['ketamine beat']);
  });
  it('stays quiet for non-inferiority wording, or a restatement with no trial named before it', () => {
    assert.deepEqual(cm('ELEKT-D randomised 403 patients to ketamine or ECT. In other words, ketamine was no worse than ECT.'), []);
    assert.deepEqual(cm('Many patients ask us about ECT. In other words, ketamine beat ECT for them.'), []);
  });
});

describe('citation-mismatch: "a full year" of benefit beyond the cited follow-up', () => {
  const refs = '\n\n## References\n\n1. Anand A, Mathew SJ, Sanacora G, et al. Ketamine versus ECT for nonpsychotic treatment-resistant major depression. N Engl J Med. 2023.\n';
  it('reads "a whole year" and "two full years" as durations longer than the source followed anyone', () => {
    assert.deepEqual(cm(`Those who responded stayed well for a whole year after the course [1].${refs}`), ['stayed well for a whole year']);
    assert.deepEqual(cm(`Responders maintained their response for two full years [1].${refs}`).length, 1);
  });
  it('stays quiet within the follow-up, hedged, or for another study', () => {
    assert.deepEqual(cm(`Responders stayed well for six full months [1].${refs}`), []);
    assert.deepEqual(cm(`Responders may have stayed well for a full year [1].${refs}`), []);
    assert.deepEqual(cm('Responders stayed well for a full year in our own clinic audit.'), []);
  });
});

describe('citation-mismatch: a count the source gives for responders only, applied to most patients', () => {
  const refs = '\n\n## References\n\n1. Phillips JL, Norris S, Talbot J, et al. Single, repeated, and maintenance ketamine infusions for treatment-resistant depression: a randomized controlled trial. Am J Psychiatry. 2019;176(5):401-409.\n';
  it('flags "most patients" or "nearly everyone" tied to the responders\' median', () => {
    const hit = checker.check(`In that trial nearly everyone felt better after three infusions [1].${refs}`).findings.filter((f) => f.ruleId === 'citation-mismatch');
    assert.deepEqual(hit.map((f) => f.text), ['nearly everyone felt better after three infusions']);
    assert.match(hit[0]!.message, /“responders needed a median of 3 infusions”/);
    assert.deepEqual(cm(`Most people in the trial needed only 3 infusions to respond [1].${refs}`), ['Most people in the trial needed only 3 infusions']);
  });
  it('stays quiet for responders, another count, a hedge, or another study', () => {
    assert.deepEqual(cm(`Most responders improved after three sessions [1].${refs}`), []);
    assert.deepEqual(cm(`Responders needed a median of three infusions [1].${refs}`), []);
    assert.deepEqual(cm(`Most patients had six infusions [1].${refs}`), []);
    assert.deepEqual(cm(`Most patients may improve after three sessions [1].${refs}`), []);
    assert.deepEqual(cm('Most patients improved after three sessions (Murrough et al., 2013).'), []);
  });
});

describe('citation-mismatch: journal, date and lead author of a pack source', () => {
  const messages = (text: string) => checker.check(text).findings.filter((f) => f.ruleId === 'citation-mismatch').map((f) => `${f.text} | ${f.message}`);
  it('says which journal, date or first author the record gives', () => {
    assert.deepEqual(messages('Singh et al. (2017) published their review in The Lancet.'), ['The Lancet | Singh 2017 appeared in The Lancet Psychiatry, not The Lancet.']);
    assert.deepEqual(messages('The ELEKT-D trial, published in 2019, compared ketamine with ECT.'), ['2019 | Anand 2023 was published in 2023, not “2019”.']);
    assert.deepEqual(messages('A 2000 study led by Dr. Krystal found rapid effects (Berman et al., 2000).'), [
      'Krystal | Berman 2000 was led by its first author, Berman; Krystal was its senior (last) author.',
    ]);
  });
  it('accepts the online date as well as the print date, and says when a date rests on a secondary source', () => {
    assert.deepEqual(messages('Singh and colleagues published their ethics review in April 2017.'), []);
    assert.deepEqual(messages('Singh and colleagues published their ethics review in May 2017.'), []);
    assert.deepEqual(messages('Sanacora and colleagues published the consensus statement in January 2017.'), [
      'January 2017 | Sanacora 2017 was published in March 2017 (per a secondary source), not “January 2017”.',
    ]);
  });
  it('stays quiet for the right details, relative dates, journals it does not know, and sources it cannot tell apart', () => {
    assert.deepEqual(messages('Sanacora and colleagues published the consensus statement in March 2017.'), []);
    assert.deepEqual(messages('Singh and colleagues published their 2017 review last January.'), []);
    assert.deepEqual(messages('Singh and colleagues published their 2017 review in the Quarterly Journal of Ketamine Studies.'), []);
    assert.deepEqual(messages('A 2018 study in The Lancet found that ketamine eased suicidal thoughts.'), []);
    assert.deepEqual(messages('Lead researcher Paul Pfeiffer said that the 2024 VA results were encouraging.'), []);
  });
});

describe('evidence pack schema: bibliographic details', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/schema/evidence-pack.schema.json'), 'utf8'));
  const pack = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/packs/ketamine-depression.json'), 'utf8'));
  const withDetails = (bibliographic: unknown) => {
    const copy = structuredClone(pack);
    copy.sources[0].bibliographic = bibliographic;
    return validateValue(copy, schema, 'pack.json', 'fix').problems;
  };
  const basis = 'S20: PubMed 28395988 [V]';
  it('accepts a journal with aliases, a publication and e-pub date, and first and last authors', () => {
    assert.deepEqual(validateValue(pack, schema, 'pack.json', 'fix').problems, []);
    assert.deepEqual(
      withDetails({
        journal: { name: 'Lancet Psychiatry', aliases: ['The Lancet Psychiatry'], verification: 'verified', basis },
        published: { date: '2017-05', epub: '2017-04-05', verification: 'verified', basis },
        firstAuthor: { name: 'Singh', verification: 'verified', basis },
        lastAuthor: { name: 'McShane', verification: 'secondary', basis },
      }),
      [],
    );
  });
  it('rejects an unverified detail, a detail without its basis, a malformed date and an unknown field', () => {
    assert.ok(withDetails({ journal: { name: 'Lancet Psychiatry', verification: 'unverified', basis } }).length > 0);
    assert.ok(withDetails({ firstAuthor: { name: 'Singh', verification: 'verified' } }).length > 0);
    assert.ok(withDetails({ published: { date: 'April 2017', verification: 'verified', basis } }).length > 0);
    assert.ok(withDetails({ editor: { name: 'Lee', verification: 'verified', basis } }).length > 0);
    assert.ok(withDetails({}).length > 0);
  });
});

describe('citation-mismatch: an outcome the footnote says was unchanged or not measured', () => {
  const nil = '\n\n[^1]: Okafor B, Lind E. Tart cherry juice for sleep in older adults: a randomised trial. Sleep Rep. 2021. No significant difference in total sleep time between juice and placebo.\n';
  const unmeasured = '\n\n[^2]: FitCo. Four-week wear test of a compression sock in 20 nurses. Uncontrolled; outcome was comfort, and swelling was not measured.\n';
  it('flags an effect on the outcome the study found no difference in', () => {
    assert.deepEqual(cm(`A randomised trial showed that tart cherry juice improves total sleep time.[^1]${nil}`), ['improves total sleep time']);
  });
  it('flags an effect on an outcome the study did not measure', () => {
    assert.deepEqual(cm(`A wear test found that the sock reduced ankle swelling in nurses.[^2]${unmeasured}`), ['reduced ankle swelling']);
  });
  it('stays quiet when the sentence reports the null, hedges the claim, or names another outcome', () => {
    assert.deepEqual(cm(`A randomised trial found no difference in total sleep time with tart cherry juice.[^1]${nil}`), []);
    assert.deepEqual(cm(`Tart cherry juice may lengthen total sleep time, though the only trial found no difference.[^1]${nil}`), []);
    assert.deepEqual(cm(`In a wear test, most nurses found the sock comfortable.[^2]${unmeasured}`), []);
  });
});
