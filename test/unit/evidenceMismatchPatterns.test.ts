// evidence-mismatch on phrasings that recur in clinic and news copy: one dose
// "holding symptoms off" for months, approvals stated for the wrong year,
// population or purpose, and permanence claimed for a benefit. Each positive
// has near misses beside it: hedged, negated, correct figures, other treatments.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Checker } from '../../server/src/core/checker.js';
import { buildKnowledge } from '../../server/src/core/knowledge/knowledge.js';

const checker = new Checker(buildKnowledge());
const em = (text: string) => checker.check(text).findings.filter((f) => f.ruleId === 'evidence-mismatch');

describe('evidence-mismatch: holding symptoms off', () => {
  it('reads "holds off symptoms" and "keeps depression away" as how long a benefit lasts', () => {
    assert.equal(em('A single ketamine infusion can hold off symptoms for months.')[0]?.text, 'for months');
    assert.equal(em('Our clinic uses ketamine. One session keeps depression away for half a year.').length, 1);
    assert.equal(em('One esketamine dose wards off depression for a year or more.').length, 1);
  });

  it('leaves supported durations, negations, instructions and other treatments alone', () => {
    assert.deepEqual(em('A single ketamine infusion can hold off symptoms for about a week.'), []);
    assert.deepEqual(em('A single ketamine infusion does not keep depression away for months.'), []);
    assert.deepEqual(em('After a ketamine session, hold off on driving for the rest of the day.'), []);
    assert.deepEqual(em('A course of psilocybin therapy kept depression away for months in one trial.'), []);
  });
});

describe('evidence-mismatch: approvals', () => {
  it('judges an approval year when the brand is given with "sold as" or "marketed as"', () => {
    assert.equal(em('Esketamine (sold as Spravato) was cleared in 2016 for hard-to-treat depression.')[0]?.text, '2016');
    assert.equal(em('Esketamine, marketed as Spravato, won approval in 2018.').length, 1);
    assert.deepEqual(em('Esketamine (sold as Spravato) was cleared in 2019 for treatment-resistant depression in adults.'), []);
    // A selling label with no product name after it still reports someone else's claim.
    assert.deepEqual(em('Some clinics sell it as a ketamine cure approved in 2016.'), []);
  });
});

describe('evidence-mismatch: the subject of a status claim', () => {
  it('reads "the infusions" as the last pack treatment when another treatment was named in between', () => {
    const text = 'Ketamine infusions are popular. Antidepressants take weeks to work. The infusions were FDA-approved for depression in 2016.';
    assert.equal(em(text)[0]?.text, '2016');
    assert.deepEqual(em('Ketamine infusions are popular. Antidepressants take weeks to work. The pills were approved in 1988.'), []);
  });
});

describe("evidence-mismatch: other people's claims", () => {
  it('leaves a claim reported in a relative clause ("any clinic that says…") to its speaker', () => {
    assert.deepEqual(em('Steer clear of any provider that says ketamine puts everyone into remission.'), []);
    assert.deepEqual(em('Be careful with clinics who say a single ketamine infusion keeps working for six months.'), []);
  });

  it('still flags the same claim made in the writer’s own voice', () => {
    assert.equal(em('Ketamine puts everyone into remission, which is why we offer it.').length, 1);
    assert.equal(em('A single ketamine infusion keeps working for six months, our clinic says.').length, 1);
  });
});

describe('evidence-mismatch: routes and access', () => {
  it('reads "only given through a restricted program" as controlled access, not a single route', () => {
    assert.deepEqual(em('Esketamine is only given through a restricted program because of its misuse potential.'), []);
    assert.deepEqual(em('Ketamine can only be given by a specialist in our clinic.'), []);
  });

  it('still flags a single route', () => {
    assert.equal(em('Ketamine can only be given through an IV drip.').length, 1);
    assert.equal(em('Ketamine is only given through a vein in a clinic.').length, 1);
  });
});

describe('evidence-mismatch: which outcome a figure is about', () => {
  it('gives an outcome word to the figure it is not split from by "and"', () => {
    // The VA figures (26% response, 15% remission) are both inside their ranges.
    assert.deepEqual(em('With IV ketamine, 26% had responded and 15% were in remission at six weeks.'), []);
    const both = em('With IV ketamine, 80% had responded and 75% were in remission at six weeks.');
    assert.deepEqual(both.map((f) => f.text), ['80%', '75%']);
    assert.match(both[1]!.message, /remission/);
    assert.equal(em('With IV ketamine, remission came in 30% and response in 10%.')[0]?.text, '10%');
  });
});

describe('evidence-mismatch: superiority', () => {
  it('flags uncited superiority over a comparator the evidence does not favour', () => {
    assert.equal(em('Ketamine beats ECT for severe depression.').length, 1);
  });

  it('leaves a summary of a study cited earlier in the paragraph to citation-mismatch', () => {
    const doc = 'Ketamine was compared with ECT in a large trial.[^1] In other words, ketamine beats ECT for severe depression.\n\n[^1]: Anand A, et al. Ketamine versus ECT for nonpsychotic treatment-resistant major depression. N Engl J Med. 2023.';
    assert.deepEqual(em(doc), []);
  });
});

describe('evidence-mismatch: permanence', () => {
  it('reads "the improvement is permanent" and "remission is lifelong" as claims about how long a benefit lasts', () => {
    assert.equal(em('After a course of ketamine infusions the improvement is permanent.')[0]?.text, 'permanent');
    assert.equal(em('With ketamine infusions the remission is lifelong.').length, 1);
  });

  it('leaves denials, side effects and hedged harms alone', () => {
    assert.deepEqual(em('With ketamine infusions the relief is not permanent.'), []);
    assert.deepEqual(em('With ketamine infusions, the dissociation is never permanent.'), []);
    assert.deepEqual(em("Ketamine's effects on memory may be permanent."), []);
  });
});

describe('evidence-mismatch: preventing suicide', () => {
  it('flags a claim that esketamine prevents suicide, however the verb is built', () => {
    assert.equal(em('Esketamine prevents suicide.').length, 1);
    assert.equal(em('The approval means the spray esketamine has been shown to prevent suicide.').length, 1);
  });

  it('leaves hedged, negated and other-treatment claims alone', () => {
    assert.deepEqual(em('Esketamine may prevent suicide in some patients.'), []);
    assert.deepEqual(em('Esketamine has not been shown to prevent suicide.'), []);
    assert.deepEqual(em('Lithium can prevent suicide.'), []);
  });
});

describe('evidence-mismatch: the comparator is not the subject', () => {
  it('judges what follows "ketamine beat ECT" as a claim about ketamine', () => {
    assert.ok(em('Ketamine beat ECT in a recent trial, with most patients staying well for six months.').some((f) => f.text === 'six months'));
    assert.equal(em('Ketamine outperformed ECT, with 90% of patients in remission.').some((f) => f.text === '90%'), true);
  });

  it('leaves a relative clause about the comparator, and supported figures, alone', () => {
    assert.deepEqual(em('Ketamine is often compared with ECT, which keeps symptoms at bay for six months.'), []);
    assert.deepEqual(em('Ketamine was compared with ECT, and 26% of ketamine patients had responded at six weeks.'), []);
  });
});

describe('evidence-mismatch: what an approval rested on', () => {
  it('flags an approval credited to a study of another population', () => {
    const [f] = em('Esketamine won approval on the strength of ASPIRE I, in adults with treatment-resistant depression.');
    assert.equal(f?.text, 'treatment-resistant depression');
    assert.match(f!.message, /Fu 2020/);
    // No treatment named: the study's population still decides.
    assert.equal(em('That approval was based on ASPIRE I, a trial in adults with treatment-resistant depression.').length, 1);
  });

  it('leaves the right population, a narrower one and a negated claim alone', () => {
    assert.deepEqual(em('Esketamine won approval on the strength of ASPIRE I, in adults with acute suicidal ideation.'), []);
    assert.deepEqual(em('Esketamine won approval on the strength of ASPIRE I, in adults with major depression and suicidal thoughts.'), []);
    assert.deepEqual(em('ASPIRE I did not lead to an approval for treatment-resistant depression.'), []);
  });
});

describe('evidence-mismatch: the topic stays the treatment described, not its comparator or a treatment already tried', () => {
  const figures = (text: string) => em(text).filter((f) => /%$/.test(f.text)).map((f) => f.text);
  it('keeps "it" and unnamed figures on ketamine after "beat ECT", "rivals ECT", "after at least two antidepressants"', () => {
    assert.deepEqual(figures('Ketamine beat ECT in a head-to-head trial. Remission with it reaches 80%.'), ['80%']);
    assert.deepEqual(figures('Ketamine rivals ECT for severe depression. Remission rates reach 75%.'), ['75%']);
    assert.deepEqual(figures('Esketamine is meant for adults still depressed after at least two antidepressants. It brings 75% of them into remission.'), ['75%']);
    assert.deepEqual(figures('Our patients had not responded to SSRIs before starting ketamine. Remission rates here sit near 75%.'), ['75%']);
  });
  it('stays quiet for figures inside the evidence, for the comparator when it is the winner, or named', () => {
    assert.deepEqual(figures('Ketamine beat ECT in a head-to-head trial. Remission with it reaches about 20%.'), []);
    assert.deepEqual(figures('In a head-to-head trial ECT beat ketamine. Remission with it reaches 80%.'), []);
    assert.deepEqual(figures('Ketamine rivals ECT for severe depression. Remission rates reach 75% with ECT.'), []);
    assert.deepEqual(figures('Esketamine is meant for adults still depressed after at least two antidepressants. It brings about 20% of them into remission.'), []);
  });
});

describe('evidence-mismatch: permanence once a course is over', () => {
  it('reads "the results are permanent" and "the gains from the first sessions are permanent" as claims of lasting benefit', () => {
    assert.equal(em('Spravato is given in certified clinics. After the four-week induction, the results are permanent.')[0]?.text, 'permanent');
    assert.equal(em('Esketamine spray works fast, and the gains you make in the first weeks are permanent.').length, 1);
    assert.match(em('Esketamine spray works fast, and the benefit from those first sessions stays permanent.')[0]!.message, /Capuzzi|stopping/);
    assert.equal(em('Ketamine infusions are popular. Once the course is over, the improvement you gained is permanent.').length, 1);
  });

  it('leaves denials, hedges, side effects and other treatments alone', () => {
    assert.deepEqual(em('Spravato is given in certified clinics. After the induction, the results are not permanent.'), []);
    assert.deepEqual(em('Esketamine spray works fast, but no one knows whether the gains are permanent.'), []);
    assert.deepEqual(em('Spravato is given in certified clinics. The side effects are rarely permanent.'), []);
    assert.deepEqual(em('After a course of psilocybin therapy, the results are permanent for some people.'), []);
  });
});

describe('evidence-mismatch: an approval broadened to fewer failed treatments', () => {
  it('flags an approval said to cover people after one failed antidepressant', () => {
    assert.equal(em('Spravato is approved for adults who have tried one antidepressant without success.')[0]?.text, 'one antidepressant');
    const text = 'Esketamine nasal spray was cleared by the FDA in 2019. It is approved for anyone whose first SSRI did not help.';
    assert.equal(em(text)[0]?.text, 'first SSRI');
    assert.match(em(text)[0]!.message, /at least 2 antidepressants/);
  });

  it('leaves the real indication, an antidepressant taken alongside, and racemic ketamine phrasing of other kinds alone', () => {
    assert.deepEqual(em('Spravato is approved for adults whose depression has not responded to at least two antidepressants.'), []);
    assert.deepEqual(em('Spravato is approved for adults with treatment-resistant depression, used with one antidepressant taken by mouth.'), []);
    assert.deepEqual(em('Spravato is not approved for people who have only tried their first antidepressant.'), []);
    assert.deepEqual(em('Most people start with their first antidepressant from a GP; Spravato is approved for treatment-resistant depression.'), []);
  });
});

describe('evidence-mismatch: a response rate restated as lasting benefit', () => {
  it('flags an end-of-treatment response rate called sustained', () => {
    assert.equal(em('With IV ketamine, about 55% of patients enjoy sustained relief from depression.')[0]?.text, '55%');
    assert.match(em('Ketamine infusions gave 55% of people sustained improvement in their mood.')[0]!.message, /Anand 2023/);
  });

  it('leaves the response rate stated as such, a denial, and another treatment alone', () => {
    assert.deepEqual(em('With IV ketamine, 55% of patients responded by the end of three weeks.'), []);
    assert.deepEqual(em('With IV ketamine, 55% of patients responded, but that improvement was not sustained.'), []);
    assert.deepEqual(em('Lithium gave 55% of patients sustained improvement in one long study.'), []);
  });
});

describe('evidence-mismatch: a share of responders is not a response rate', () => {
  it('leaves a figure that counts only those who responded', () => {
    assert.deepEqual(em('Among responders to IV ketamine, 80% still felt better a month later.'), []);
    assert.deepEqual(em('With ketamine, 85% of responders kept their improvement.'), []);
  });

  it('still judges the same figure given for all patients', () => {
    assert.equal(em('With IV ketamine, 85% of patients respond.')[0]?.text, '85%');
  });
});

describe("evidence-mismatch: a figure that counted responders, stated for everyone", () => {
  const refs = '\n\n## References\n\n2. McInnes LA, Qian JJ, Gargeya RS, DeBattista C, Heifets BD. A retrospective analysis of ketamine intravenous therapy for depression in real-world care settings. J Affect Disord. 2022;301:486-495.\n';

  it('flags a responders-only share given as a share of patients, cited or not', () => {
    const cited = em(`Ketamine infusions are popular. One analysis found that 60% of patients were still improved eight weeks later [2].${refs}`);
    assert.equal(cited[0]?.text, '60%');
    assert.match(cited[0]!.message, /counts only the patients who responded.*McInnes 2022/s);
    assert.equal(em('With IV ketamine, 60% of patients stayed well for eight weeks after their infusions.')[0]?.text, '60%');
  });

  it('leaves the figure given for responders, a different share, a denial and another treatment alone', () => {
    assert.deepEqual(em(`Ketamine infusions are popular. Of those who responded, 60% were still improved eight weeks later [2].${refs}`), []);
    assert.deepEqual(em(`Ketamine infusions are popular. About 32% of all patients were still improved eight weeks later, and 60% of responders [2].${refs}`), []);
    assert.deepEqual(em('With IV ketamine, 60% of patients did not stay well for eight weeks.'), []);
    assert.deepEqual(em('With lithium, 60% of patients stayed well for eight weeks.'), []);
  });
});

describe("evidence-mismatch: the responders' median number of sessions, stated for most patients", () => {
  it('flags "most patients improve after just three sessions"', () => {
    const hits = em('Ketamine infusion therapy is popular. Most patients experience significant improvements after just three sessions.');
    assert.equal(hits[0]?.text, 'Most patients experience significant improvements after just three sessions');
    assert.match(hits[0]!.message, /Phillips 2019, responders needed a median of 3 infusions/);
    assert.equal(em('With IV ketamine, most patients feel better after only two infusions.').length, 1);
  });

  it('leaves responders, a later session, a hedge, a course of treatment and another treatment alone', () => {
    assert.deepEqual(em('With IV ketamine, most responders improve after three sessions.'), []);
    assert.deepEqual(em('With IV ketamine, most patients who improve do so after about six infusions.'), []);
    assert.deepEqual(em('With IV ketamine, most patients may improve after three sessions.'), []);
    assert.deepEqual(em('With IV ketamine, most patients receive six infusions over two weeks.'), []);
    assert.deepEqual(em('With TMS, most patients improve after three sessions.'), []);
  });
});

describe('evidence-mismatch: a course of treatment a study did not give', () => {
  const va = 'Ketamine infusions are popular. A VA review of 215 veterans found that 26% had responded at six weeks (Pfeiffer et al., 2024).';

  it('flags a course credited to the study by citation or by pointing back at its participants', () => {
    const hits = em(`${va} But those veterans got just six infusions.`);
    assert.equal(hits[0]?.text, 'six infusions');
    assert.match(hits[0]!.message, /Pfeiffer 2024.*mean of 18 infusions over 12 months/s);
    assert.equal(em('Ketamine infusions are popular. The VA veterans received six IV ketamine infusions (Pfeiffer et al., 2024).')[0]?.text, 'six IV ketamine infusions');
  });

  it("leaves the study's own course, the writer's own clinic, time to response and a hedge alone", () => {
    assert.deepEqual(em(`${va} Those veterans received about 18 infusions over a year.`), []);
    assert.deepEqual(em(`${va} At our clinic, patients get six infusions.`), []);
    assert.deepEqual(em(`${va} Those who responded often did so after two infusions.`), []);
    assert.deepEqual(em('Ketamine infusions are popular. In one trial, 59% responded to a series of six infusions (Phillips et al., 2019).'), []);
    assert.deepEqual(em(`${va} Those veterans may have had six infusions at first.`), []);
  });
});

describe('evidence-mismatch: which outcome an effect size is about', () => {
  it("reads effect sizes against their own clause's outcome, not suicidality named later", () => {
    assert.deepEqual(em('A 2025 meta-analysis found the effect of esketamine at weeks two to four was weak, with effect sizes of 0.15–0.23, and found no significant effect on suicidality.'), []);
    assert.equal(em('A 2025 meta-analysis found the effect of esketamine was large, with effect sizes of 0.9–1.2, and found no significant effect on suicidality.').length, 1);
  });
});
