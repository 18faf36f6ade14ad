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

  it('reads a lower risk of suicide as a claim about suicidal behaviour, and a population at imminent risk as one with suicidal ideation', () => {
    assert.equal(findings('Esketamine reduces the risk of suicide in adults with depression.', 'evidence-mismatch').length, 1);
    assert.deepEqual(findings('In patients at imminent suicide risk, esketamine eased depression scores within hours.', 'evidence-mismatch'), []);
  });

  it('reads a share in words, and "fully recovered" as at least remission', () => {
    assert.equal(findings('IV ketamine brings two-thirds of people with treatment-resistant depression into remission.', 'evidence-mismatch')[0]?.text, 'two-thirds');
    assert.deepEqual(findings('IV ketamine brings about a quarter of people with treatment-resistant depression into remission.', 'evidence-mismatch'), []);
    assert.equal(findings('After three ketamine infusions, most patients are fully recovered.', 'evidence-mismatch').length, 1);
    // Recovering from a side effect is not recovering from depression.
    assert.deepEqual(findings('After a ketamine infusion, most patients fully recovered from the dizziness within an hour.', 'evidence-mismatch'), []);
  });

  it('reads "stay well" as a claim about how long a benefit lasts', () => {
    assert.equal(findings('After one ketamine infusion series, most people stay well for a year.', 'evidence-mismatch')[0]?.text, 'a year');
    assert.deepEqual(findings('After one ketamine infusion series, most people stay well for about two weeks.', 'evidence-mismatch'), []);
  });

  it('holds response words to response rates, but not a share of patients who merely improve', () => {
    assert.equal(findings('With IV ketamine, 88% of our patients respond.', 'evidence-mismatch').length, 1);
    assert.deepEqual(findings('With IV ketamine, 88% of our patients notice some improvement.', 'evidence-mismatch'), []);
  });

  it('reads "the antidepressant effect" as a kind of effect, not a treatment named', () => {
    assert.equal(findings('After a full series of ketamine infusions, the antidepressant effect lasts about a year for most people.', 'evidence-mismatch')[0]?.text, 'a year');
    assert.equal(findings('After a course of esketamine, its antidepressant action keeps working for a year.', 'evidence-mismatch')[0]?.text, 'a year');
    assert.deepEqual(findings("Ketamine's antidepressant effect lasts about a week after a single dose.", 'evidence-mismatch'), []);
  });

  it('leaves a share of patients with a condition no finding gives shares for', () => {
    assert.deepEqual(findings('Ketamine helps many veterans. It works 100% of the time for combat trauma.', 'evidence-mismatch'), []);
    assert.deepEqual(findings('Esketamine brings 80% of people with OCD into remission.', 'evidence-mismatch'), []);
    assert.deepEqual(findings('IV ketamine puts 80% of patients with chronic pain into remission.', 'evidence-mismatch'), []);
    assert.equal(findings('IV ketamine puts 80% of patients with treatment-resistant depression into remission.', 'evidence-mismatch').length, 1);
    // General outcome words ("low mood", "symptoms") name no other illness.
    assert.equal(findings('With ketamine, 85% of patients respond, and their symptoms vanish.', 'evidence-mismatch').length, 1);
  });

  it('leaves superiority credited to uncited research to the evidence-claim rules', () => {
    assert.deepEqual(findings('Studies clearly show ketamine works better than ECT.', 'evidence-mismatch'), []);
    assert.deepEqual(findings('Research has convincingly shown that esketamine beats electroconvulsive therapy.', 'evidence-mismatch'), []);
    assert.equal(findings('IV ketamine outperforms ECT for treatment-resistant depression.', 'evidence-mismatch').length, 1);
  });

  it('leaves "at least" for a cited study\'s "up to" to citation-mismatch when the sentence cites it', () => {
    const note = '\n\n[^6]: Grunebaum MF, et al. Ketamine for rapid reduction of suicidal thoughts in major depression: a midazolam-controlled randomized clinical trial. Am J Psychiatry. 2018;175(4):327-335.\n';
    const cited = `In a midazolam-controlled trial, ketamine's benefit persisted for at least six weeks.[^6]${note}`;
    assert.deepEqual(findings(cited, 'evidence-mismatch'), []);
    // The trial had an active control; its uncontrolled follow-up does not make "controlled trial" wrong.
    assert.deepEqual(findings(cited, 'citation-mismatch').map((f) => f.text), ['at least six weeks']);
    assert.equal(findings('# Ketamine for Rapid Reduction of Suicidal Thoughts in Major Depression\n\nThe improvement persisted for at least 6 weeks.\n', 'evidence-mismatch').length, 1);
  });

  it('reads an approval for an indication on record as not approved, or for people under 18', () => {
    assert.equal(findings('Spravato is approved for preventing suicide.', 'evidence-mismatch')[0]?.text, 'preventing suicide');
    assert.equal(findings('The FDA cleared esketamine in 2020 to prevent suicide in adults with depression.', 'evidence-mismatch')[0]?.text, 'prevent suicide');
    assert.equal(findings('Spravato is approved for teenagers with depression.', 'evidence-mismatch')[0]?.text, 'teenagers');
    assert.equal(findings('Spravato is FDA-approved for any form of major depression.', 'evidence-mismatch').length, 1);
    assert.deepEqual(findings('Spravato is not approved for children.', 'evidence-mismatch'), []);
    assert.deepEqual(findings('Spravato was approved in 2020 for adults with major depression and acute suicidal thoughts.', 'evidence-mismatch'), []);
  });

  it('keeps the topic on the treatment a sentence is about, not on what it is made from, and reads possessives as names', () => {
    const [year] = findings('Esketamine is a nasal spray made from one of the two forms of ketamine. It was approved by the FDA in 2016.', 'evidence-mismatch');
    assert.match(year!.message, /esketamine/i);
    assert.doesNotMatch(year!.message, /1970/);
    assert.deepEqual(findings("Ketamine is an anaesthetic. Esketamine's 2019 approval covers adults with treatment-resistant depression.", 'evidence-mismatch'), []);
  });

  it('says nothing without an evidence pack', () => {
    const bare = new Checker(buildKnowledge({ withoutBuiltinPacks: true }));
    const ids = bare.check('Ketamine puts 70% of patients into remission. Ketamine is FDA-approved for depression.').findings.map((f) => f.ruleId);
    assert.ok(!ids.includes('evidence-mismatch'));
    assert.ok(!ids.includes('citation-mismatch'));
  });
});

describe('missing-citation', () => {
  const flagged = (text: string) => findings(text, 'missing-citation').map((f) => f.text);

  it('asks for a source for a proof claim, not for an assertion that experts agree', () => {
    assert.deepEqual(flagged('Research has proven that light therapy eases winter depression.'), ['has proven']);
    assert.deepEqual(flagged('Most specialists agree that light therapy eases winter depression.'), []);
    assert.equal(findings('Most specialists agree that light therapy eases winter depression.', 'overstated-evidence').length, 1);
  });

  it('leaves a quoted label the text goes on to rebut', () => {
    assert.deepEqual(flagged('Our gummies are scientifically proven to improve sleep.'), ['scientifically proven']);
    assert.deepEqual(flagged('The box says "Scientifically proven sleep", but no trial backs that up.'), []);
  });

  it('reads a percentage of people as a statistic, but not one that describes the product or a dose', () => {
    assert.deepEqual(flagged('About 40% of users reported better sleep within a week.'), ['40%']);
    assert.deepEqual(flagged('The drug fails in about 60% of the people who try it.'), ['60%']);
    assert.deepEqual(flagged('Each capsule provides 100% of the daily value of vitamin D.'), []);
    assert.deepEqual(flagged('Our liposomal coating gives 100% bioavailability.'), []);
  });

  it('needs unnamed research to claim something before asking for its source', () => {
    assert.deepEqual(flagged('A recent study found that magnesium eases leg cramps.'), ['A recent study']);
    assert.deepEqual(flagged('Our editors read published research every week.'), []);
  });

  it('takes a speaker the sentence reports as the source of their words, but not research as a source', () => {
    assert.deepEqual(flagged('Dr. Lee told us that studies show it lowers blood pressure.'), []);
    assert.deepEqual(flagged('According to the latest research, fasting starves cancer cells.'), ['the latest research']);
    // A seller's figure is still a figure that needs a source.
    assert.deepEqual(flagged('The company says 90% of users sleep better.'), ['90%']);
  });

  it('reads a count of people with a measured outcome as a statistic, not a count of whom a trial enrolled', () => {
    assert.deepEqual(flagged('A clinic followed 30 patients for a month. Only 11 of them responded, and 5 dropped out of the study.'), ['11 of them']);
    assert.deepEqual(flagged('A clinic followed 30 patients for a month. Of those 11, only 4 remitted.'), ['Of those 11, only 4']);
    assert.deepEqual(flagged('The trial enrolled 120 adults who had not responded to two antidepressants.'), []);
    // "The study found" points at a source; "dropped out of the study" above only mentions one.
    assert.deepEqual(flagged('A clinic followed 30 patients for a month. The study found that 11 of them responded.'), []);
  });

  it('takes a section headed by a study\'s title as naming that study', () => {
    const sentence = 'The findings suggest that repeated infusions may keep some veterans well.';
    assert.deepEqual(flagged(`# What we know\n\n${sentence}\n`), ['The findings suggest']);
    assert.deepEqual(flagged(`# Clinical Outcomes of Intravenous Ketamine Treatment for Depression in the VA Health System\n\n${sentence}\n`), []);
  });

  it('reads a share in words as a statistic, but not a part of an hour or a dose', () => {
    assert.deepEqual(flagged('Roughly two-thirds of people who quit smoking relapse within a year.'), ['two-thirds']);
    assert.deepEqual(flagged('About half of our members come twice a week.'), []);
    assert.deepEqual(flagged('The relief comes within a quarter of an hour.'), []);
  });

  it('reads research as the subject of a finding verb, not the writer\'s own work or an infinitive', () => {
    assert.deepEqual(flagged('Several trials have linked poor sleep to migraine.'), ['trials have linked']);
    assert.deepEqual(flagged('Data from 8,000 runners show that stretching prevents injury.'), ['Data from 8,000 runners show']);
    assert.deepEqual(flagged('We research and find the best practitioners near you.'), []);
    assert.deepEqual(flagged('There is not enough evidence to support fish oil for dry eyes.'), []);
    // What research has not shown is not a finding to source.
    assert.deepEqual(flagged('Researchers have not proven that fasting extends lifespan in people.'), []);
    assert.deepEqual(flagged('Studies have never shown that it works.'), []);
  });

  it('reads risks, harms and how common a condition is as statistics', () => {
    assert.deepEqual(flagged('Walkers had a 30% lower risk of stroke.'), ['30%']);
    assert.deepEqual(flagged('Drowsiness affects roughly 15% of people who take it.'), ['15%']);
    assert.deepEqual(flagged('Migraine affects about 40 million people in Europe.'), ['40 million people']);
    assert.deepEqual(flagged('Depression affects more than 280 million people worldwide.'), ['280 million people']);
    assert.deepEqual(flagged('Migraine affects an estimated 1 billion people.'), ['1 billion people']);
    // Not how common a condition is: a count of the writer's own members.
    assert.deepEqual(flagged('This change affects many of our 300 members.'), []);
  });

  it('leaves calendar time, business figures and a person\'s rating of their own state', () => {
    assert.deepEqual(flagged('Our bookings rose 35% last year.'), []);
    assert.deepEqual(flagged('The company\'s shares gained 9% after the results came out.'), []);
    assert.deepEqual(flagged('After my fourth session I felt about 70% better.'), []);
    assert.deepEqual(flagged('After four sessions, about 70% of clients felt better.'), ['70%']);
  });

  it('takes a study named only by its length as unnamed', () => {
    assert.deepEqual(flagged('In an 8-week trial, 90% of users saw smoother skin.'), ['an 8-week trial']);
  });

  it('asks for the review behind a pooled result or an appraisal of the trials', () => {
    assert.deepEqual(flagged('Across trials, about half of the participants felt better within a day.'), ['Across trials']);
    assert.deepEqual(flagged('Most of these trials carry a high risk of bias.'), ['risk of bias']);
    assert.deepEqual(flagged('A Cochrane review rated most of these trials at high risk of bias [1].\n\n1. Smith J. Cochrane Database Syst Rev. 2020.\n'), []);
  });
  it('leaves an assertion that a view is widely accepted to overstated-evidence', () => {
    assert.deepEqual(flagged('It is now widely accepted that acupuncture eases tension headaches.'), []);
    assert.deepEqual(flagged('Cold showers are a well-established way to lift your mood.'), []);
    assert.deepEqual(flagged('Research has confirmed that sunscreen prevents skin cancer.'), ['Research has confirmed']);
  });

  it('takes a link whose text names a study as a source for the paragraph, wherever it is hosted', () => {
    assert.deepEqual(flagged('A [2019 trial of 400 nurses](https://example.org/nurses) found that 62% slept better after the course. About 40% still did a year later.'), []);
    assert.deepEqual(flagged('Read our [customer reviews](https://example.org/reviews): 62% of buyers slept better.'), ['62%']);
  });

  it('lets a citation cover the sentences after it in its paragraph, but not the writer\'s own figures', () => {
    assert.deepEqual(flagged('In one trial, 62% of nurses slept better (Ito et al., 2019). Among them, about 40% still did a year later.'), []);
    assert.deepEqual(flagged('In one trial, 62% of nurses slept better (Ito et al., 2019). Our clients do even better: 80% sleep through the night.'), ['80%']);
  });

  it('reads a duration that compares groups as a measured difference, not a session\'s length', () => {
    assert.deepEqual(flagged('Our customers sleep 2.5 hours longer on average.'), ['2.5 hours']);
    assert.deepEqual(flagged('In the eight-week programme, participants fell asleep 20 minutes faster.'), ['20 minutes']);
    assert.deepEqual(flagged('Women who walked daily lived 3 years longer than those who did not.'), ['3 years']);
    assert.deepEqual(flagged('Infusions run 15 minutes longer than injections.'), []);
    assert.deepEqual(flagged('Our clinic stays open 2 hours later on Thursdays.'), []);
  });

  it('reads a single review or analysis as research reporting a finding', () => {
    assert.deepEqual(flagged('Only a third of the trials were properly blinded, an independent review concluded.'), ['review concluded']);
    assert.deepEqual(flagged('A pooled analysis of six cohorts found lower blood pressure in tea drinkers.'), ['pooled analysis of six cohorts found']);
    assert.deepEqual(flagged('Customer reviews praise the taste.'), []);
  });

  it('asks for the source of an appraisal of the state of research', () => {
    assert.deepEqual(flagged('The evidence for fish oil in dry eye remains mixed.'), ['evidence for fish oil in dry eye remains mixed']);
    assert.deepEqual(flagged('Research into cold-water swimming is still at an early stage.'), ['Research into cold-water swimming is still at an early stage']);
    assert.deepEqual(flagged('For most other uses of the herb, the data are thin.'), ['data are thin']);
    assert.deepEqual(flagged('Our results were mixed, so we changed the recipe.'), []);
    assert.deepEqual(flagged('Mixed berries are a good source of fibre.'), []);
  });

  it('leaves certainty stated as "100% of the time" to absolute-language, but not a measured rate', () => {
    assert.deepEqual(flagged('It works 100% of the time for back pain.'), []);
    assert.deepEqual(flagged('It works 60% of the time for back pain.'), ['60%']);
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

describe('citation-mismatch: what a cited source is', () => {
  const refs = '\n\n## References\n\n- de Witt K, Okoro A (2021). Sea swimming and low mood: a report on a single patient. *Case Reports in Medicine*.\n';
  it('reads an author-year citation from the document\'s own reference list', () => {
    const [f] = findings(`A study showed that sea swimming treats depression (de Witt & Okoro, 2021).${refs}`, 'citation-mismatch');
    assert.equal(f?.text, 'study');
    assert.match(f!.message, /de Witt 2021 is a report on a single patient/);
  });

  it('leaves a case report described as one, or a hedged reading of it', () => {
    assert.deepEqual(findings(`In a case report, one woman's low mood lifted after months of sea swimming (de Witt & Okoro, 2021).${refs}`, 'citation-mismatch'), []);
    assert.deepEqual(findings(`Sea swimming may ease depression for some people (de Witt & Okoro, 2021).${refs}`, 'citation-mismatch'), []);
  });

  it('flags a survey called a clinical trial, not one called a survey', () => {
    const note = '\n\n[^s]: Brightpath user survey, 2022. 310 customers answered an online questionnaire.\n';
    assert.equal(findings(`Our clinical trial found that 88% of users slept better.[^s]${note}`, 'citation-mismatch')[0]?.text, 'clinical trial');
    assert.deepEqual(findings(`In our user survey, 88% of users said they slept better.[^s]${note}`, 'citation-mismatch'), []);
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

describe('evidence-mismatch: side effects and rules of use against structured safety records', () => {
  const em = (text: string) => findings(text, 'evidence-mismatch').map((f) => f.text);

  it('calls a side-effect rate outside the recorded rate wrong, with the rate and its source', () => {
    const [f] = findings('In the Spravato trials, sedation was uncommon, affecting around 5% of patients.', 'evidence-mismatch');
    assert.equal(f?.text, '5%');
    assert.match(f!.message, /48\u201361%/);
    assert.equal(f!.suggestions[0]?.citeSourceId, 'fda-spravato-label');
    assert.deepEqual(em('Only 2 in 100 people feel drowsy after a Spravato dose.'), ['2 in 100']);
    assert.deepEqual(em('With Spravato, almost nobody feels dissociated.'), ['almost nobody']);
    assert.deepEqual(em('Ketamine infusions rarely cause nausea.'), ['rarely']);
  });

  it('leaves correct, unrelated and rare-on-record side effects alone', () => {
    assert.deepEqual(em('In trials, about half of patients on Spravato (48\u201361%) felt sedated.'), []);
    assert.deepEqual(em('Loss of consciousness is rare with Spravato.'), []);
    assert.deepEqual(em('TMS rarely causes headaches.'), []);
    assert.deepEqual(em('Sedation is not uncommon with Spravato.'), []);
  });

  it('calls a monitoring period shorter than the rule wrong, and a permission the rule forbids', () => {
    assert.deepEqual(em('After your Spravato dose you are monitored for about 30 minutes before you can leave.'), ['30 minutes']);
    assert.deepEqual(em('After a Spravato session you can drive home afterwards.'), ['can drive']);
    assert.deepEqual(em('After each Spravato dose, you are watched for at least two hours.'), []);
    assert.deepEqual(em('After a Spravato session, someone else can drive you home.'), []);
    assert.deepEqual(em('After a Spravato session you can drive the next day.'), []);
    assert.deepEqual(em('After a TMS session you can drive home afterwards.'), []);
  });

  it('calls a denied abuse potential wrong, not a denial of risk in a setting or of a treatment for addiction', () => {
    assert.deepEqual(em('Spravato has no abuse potential.'), ['no abuse potential']);
    assert.deepEqual(em("Spravato isn't addictive."), ["isn't addictive"]);
    assert.deepEqual(em('Spravato is not a treatment for addiction.'), []);
    assert.deepEqual(em('Follow-up assessments at 3 and 6 months showed no evidence of ketamine abuse.'), []);
  });

  it('reads approval for any adult as broader than the indication', () => {
    assert.deepEqual(em('Spravato is approved for any adult with depression.'), ['any adult with depression']);
    assert.deepEqual(em('Spravato is approved for adults with treatment-resistant depression.'), []);
  });

  it('does not read a setting as a route', () => {
    assert.deepEqual(em('Spravato is only given in certified treatment centres.'), []);
  });
});

describe('topic selection: add-ons and comparators', () => {
  it('keeps the pack treatment as the topic after a sentence naming its add-on or comparator', () => {
    const em = (text: string) => findings(text, 'evidence-mismatch').map((f) => f.text);
    assert.deepEqual(em('Spravato is taken together with an oral antidepressant. It rarely causes sedation.'), ['rarely']);
    assert.deepEqual(em('Spravato was compared with an oral antidepressant. It rarely causes sedation.'), ['rarely']);
    assert.deepEqual(em('In both approvals Spravato is paired with an oral antidepressant.\n\nYou are then monitored for about 30 minutes.'), ['30 minutes']);
    // A new treatment named as the subject does become the topic.
    assert.deepEqual(em('Spravato is approved for TRD. Sertraline is an oral antidepressant. It rarely causes sedation.'), []);
  });
});

describe('citation-mismatch: the document reference list', () => {
  const cm = (text: string) => findings(text, 'citation-mismatch').map((f) => f.text);
  const refs = '\n\n## References\n\n- Salve J, Pate S. (2019). Effects of root extract in healthy adults: a double-blind, randomized, placebo-controlled clinical study. *Cureus*.\n- Panda S, Kar A. (1998). Regulation of thyroid hormone concentrations in female mice. *J Pharm Pharmacol*.\n- Lopresti AL, Smith SJ. (2021). A systematic review and meta-analysis of root extract. *J Clin Med*.\n';
  it('reads a single randomized study called a meta-analysis, and a mouse study presented as human evidence', () => {
    assert.deepEqual(cm(`A large meta-analysis of healthy adults found the same (Salve et al., 2019).${refs}`), ['meta-analysis']);
    assert.equal(cm(`The extract raised thyroid hormone levels in women in one early study (Panda & Kar, 1998).${refs}`).length, 1);
  });
  it('leaves correctly described sources alone', () => {
    assert.deepEqual(cm(`A randomized trial in healthy adults found the same (Salve et al., 2019).${refs}`), []);
    assert.deepEqual(cm(`A meta-analysis found the same (Lopresti & Smith, 2021).${refs}`), []);
    assert.deepEqual(cm(`In female mice, the extract raised thyroid hormone levels (Panda & Kar, 1998).${refs}`), []);
  });
});

describe('citation-mismatch: what the document\'s own source entry says', () => {
  const cm = (text: string) => findings(text, 'citation-mismatch');
  const fn3 = '\n\n[^3]: Okoro T, Lind P, et al. Melatonin for sleep onset in adults with chronic insomnia: a randomised, double-blind, placebo-controlled trial. Sleep Med. 2021. People with sleep apnoea, night-shift work or dementia were excluded.';

  it('carries the sentence before\'s citation to "that study" and "in other words"', () => {
    const doc = (s: string) => `The lotion was tested in an observational cohort of 40 users.[^1] ${s}\n\n[^1]: Berg L. Skin hydration in 40 users: an uncontrolled observational cohort. Derm Notes. 2022.`;
    assert.equal(cm(doc('That double-blind study settled the question.')).length, 1);
    assert.equal(cm(doc('In other words, this randomised trial showed the lotion works.')).length, 1);
    // Described correctly, or about something else: clean.
    assert.equal(cm(doc('That small observational study cannot show cause and effect.')).length, 0);
    assert.equal(cm(doc('A randomised trial is planned for next year.')).length, 0);
  });

  it('flags a position stand or review called one randomised trial, by an author named in the text', () => {
    const refs = '\n\n## References\n\n- Marsh JP, Tan H, et al. Society position stand: vitamin D and falls in older adults. J Geriatr Nutr. 2019;4:22.\n- Singh R, Cole A. Vitamin D and fall risk: a systematic review of randomized controlled trials. Age Res. 2020;9:101.';
    assert.equal(cm(`The 2019 randomised controlled trial by Marsh and colleagues convinced me.${refs}`).length, 1);
    assert.equal(cm(`A 2020 randomized trial by Singh et al. is why our clinic prescribes it.${refs}`).length, 1);
    // A review described as a review, or as pooling trials: clean.
    assert.equal(cm(`The 2019 position stand by Marsh and colleagues sums up the trials.${refs}`).length, 0);
    assert.equal(cm(`The 2020 review by Singh et al. pooled nine randomized trials.${refs}`).length, 0);
  });

  it('flags people the cited trial excluded, but not a sentence that says they were left out', () => {
    assert.equal(cm(`Melatonin works just as well in people with sleep apnoea.[^3]${fn3}`).length, 1);
    assert.equal(cm(`The benefit extends to patients with dementia.[^3]${fn3}`).length, 1);
    assert.equal(cm(`People with sleep apnoea were excluded, so we do not know whether it helps them.[^3]${fn3}`).length, 0);
    assert.equal(cm(`In adults with chronic insomnia, melatonin shortened sleep onset.[^3]${fn3}`).length, 0);
  });

  it('flags an occasional form of a condition where the source enrolled the chronic one, and the reverse', () => {
    assert.equal(cm(`The results apply to people with occasional insomnia too.[^3]${fn3}`).length, 1);
    const acute = '\n\n[^5]: Reyes M. Ice packs for acute ankle sprain: a randomised trial. Emerg J. 2018.';
    assert.equal(cm(`The trial shows ice helps patients with chronic sprains.[^5]${acute}`).length, 1);
    assert.equal(cm(`The trial shows ice helps patients with acute sprains.[^5]${acute}`).length, 0);
    assert.equal(cm(`Whether it helps chronic pain is unknown.[^5]${acute}`).length, 0);
  });

  it('reads "works for" a condition against the pack study\'s population', () => {
    const doc = 'In a placebo-controlled trial, seven people with major depression improved within 72 hours.[^2] That small study showed that ketamine works for treatment-resistant depression.\n\n[^2]: Berman RM, Cappiello A, Anand A, et al. Antidepressant effects of ketamine in depressed patients. Biol Psychiatry. 2000;47(4):351-354.';
    assert.equal(cm(doc).length, 1);
    assert.equal(cm(doc.replace('treatment-resistant depression', 'major depression')).length, 0);
  });
});
