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

describe('unqualified-efficacy: mechanisms, label wording, comparisons and product categories', () => {
  const flagged = (text: string) => checker.check(text + '\n').findings.some((f) => f.ruleId === 'unqualified-efficacy');
  const check = (sentences: string[], expected: boolean) => {
    for (const s of sentences) assert.equal(flagged(s), expected, `${expected ? 'should flag' : 'should not flag'}: ${s}`);
  };

  it('flags a mechanism stated as settled fact: a body target after a mechanism verb', () => {
    check(['Lion\u2019s mane stimulates nerve growth factor.', 'Red light therapy activates your mitochondria.', 'This supplement increases serotonin naturally.', 'Each dose boosts BDNF.', 'Magnesium relaxes tense muscles.', 'The wristband normalizes your stress response.', 'This blend nourishes your gut lining.'], true);
  });

  it('does not flag a hedged, reported, negated or harmful mechanism, nor a body target with no benefit verb', () => {
    check(['Ashwagandha may lower cortisol in some adults.', 'The authors concluded that psilocybin resets the default mode network.', 'There is no evidence that magnesium relaxes muscles.', 'The spray does not stimulate hair growth.', 'Stress raises cortisol.', 'Psilocybin can raise heart rate and blood pressure.', 'Serotonin levels vary across the day.', 'The muscles relax as the session ends.', 'Researchers want to know whether TMS wakes up underactive brain regions.', 'Doctors use magnesium to relax muscles during surgery.'], false);
  });

  it('flags supplement-label and guarantee wording with a health outcome as object', () => {
    check(['Our formula supports healthy sleep and immune function.', 'This tea promotes weight loss.', 'These gummies guarantee deep sleep.', 'Elderberry keeps colds away all winter.', 'Turmeric can keep inflammation at bay.', 'Our patches melt away back pain.', 'Omega-3 supports the formation of new brain cells.'], true);
  });

  it('does not flag support given by people, a purpose, a preposition before the outcome, a denied guarantee or an instruction', () => {
    check(['Exercise is one way to support your mood.', 'The evidence supports its use in adults with migraine.', 'We support patients with chronic pain.', 'No supplement can guarantee deep sleep.', 'The clinic offers a money-back guarantee on its sleep programme.', 'Keep a diary of your pain.', 'Our nurses keep track of your sleep.', 'Staff will keep you comfortable while the infusion runs.'], false);
  });

  it('flags a comparison with another treatment stated as fact, a multiple included', () => {
    check(['CBD is more effective than ibuprofen for back pain.', 'Psilocybin outperforms antidepressants.', 'Our drips work twice as fast as oral vitamins.'], true);
  });

  it('does not flag a hedged, sourced or reported comparison', () => {
    check(['Ketamine may work faster than pills for some patients.', 'In a 2021 trial, CBD was more effective than placebo for 40% of participants (Smith et al., 2021).', 'Critics say the brand claims its drips work twice as fast as oral vitamins.'], false);
  });

  it('reads "they" as a treatment only after a plural treatment name, and base forms after a plural subject', () => {
    check(['Cold plunges are free. They reduce inflammation.', 'Probiotics are cheap, and they heal leaky gut.', 'Saunas flush toxins through your skin.', 'Collagen peptides smooth wrinkles.'], true);
    check(['Ketamine is offered at our clinic. They treat depression with it too.', 'Statins are widely prescribed. They may lower cholesterol in some adults.', 'Probiotics are sold everywhere. They come in capsules and powders.', 'Stay calm during the session.'], false);
  });

  it('flags idioms of cure and cosmetic verbs with a health object', () => {
    check(['Ketamine therapy gets to the root of depression.', 'Zinc shortens colds.', 'Creatine makes you stronger.', 'Breathwork puts an end to panic attacks.', 'Light therapy regulates your circadian rhythm.', 'This serum firms sagging skin overnight.', 'Fasting kick-starts your metabolism.'], true);
  });

  it('does not flag a harmful exposure or a condition as the cause, a service, a hedged idiom or a side effect', () => {
    check(['Sleep deprivation increases anxiety.', 'Caffeine shortens deep sleep.', 'Chronic stress lowers immunity.', 'Depression reduces motivation.', 'Traffic speeds up after six.', 'Our team gets to the root of your billing questions.', 'Zinc may shorten colds by about a day in some adults.', 'Creatine makes you feel bloated at first.'], false);
  });

  it('flags a result behind a purpose clause of a treatment, a non-restrictive relative clause, or "here is why"', () => {
    check(['Red light therapy penetrates deep into tissue to repair damaged cells.', 'Our blend is formulated to calm the nervous system.', 'We recommend cold plunges, which reduce inflammation.', 'Here is why acupuncture cures migraines.'], true);
  });

  it('does not flag a purpose of people or of a use, a relative clause with no outcome or a hedge, nor an embedded question', () => {
    check(['Doctors use ketamine to treat pain during surgery.', 'Ketamine is used to treat depression.', 'Esketamine is sprayed into the nose to reach the brain quickly.', 'Nurses send patients home to rest after an infusion.', 'We offer three treatments, which help in different ways.', 'Patients get two infusions, which relieve pain for some.', 'Researchers explain how acupuncture might ease migraines.', 'The spray is formulated to be easy to use.'], false);
  });

  it('does not flag a claim followed by the limits of its evidence in a contrast clause, only by that', () => {
    check(['Fish oil supports heart health, but the evidence is mixed.', 'Ketamine relieves depression, although more research is needed.'], false);
    check(['Ketamine relieves depression, but it is expensive.'], true);
  });

  it('reads a hedge or group only in the clause of an absolute benefit', () => {
    check(['Results are permanent; most clients never look back.', 'The benefits last forever: many customers reorder every month.'], true);
    check(['Results are permanent for some clients.', 'For many people the relief is immediate.'], false);
  });
});

describe('a group that opens an earlier clause limits the absolute benefit after it', () => {
  const rules = (text: string) => checker.check(text + '\n').findings.map((f) => f.ruleId);
  const efficacy = (s: string) => rules(s).includes('unqualified-efficacy');

  it('does not read "the improvement is permanent" as unqualified when a group opened the sentence; the absolute is still flagged', () => {
    for (const s of ['Most users sleep better within a week, and the results are permanent.', 'Many feel calmer after a session, and the benefits last forever.', 'Most clients can stop early because the improvement is permanent.']) {
      assert.equal(efficacy(s), false, s);
      assert.ok(rules(s).includes('absolute-language'), s);
    }
  });

  it('still flags an absolute benefit with no group, a group only after it, or "most" that is not a group', () => {
    for (const s of ['Results are permanent; most clients never look back.', 'It is the most talked-about therapy, and the results are permanent.', 'Relief is instant: most people feel lighter before they leave.', 'The improvement from those first sessions is permanent.']) assert.ok(efficacy(s), s);
  });
});

describe('absolute-language: the subject of an outcome reaches past a modifier phrase', () => {
  const absolute = (s: string) => checker.check(s + '\n').findings.some((f) => f.ruleId === 'absolute-language');

  it('flags "permanent" whose subject head stands a few words back, and "stay well" as an outcome', () => {
    for (const s of ['The improvement from those first few sessions is permanent.', 'Most people who finish the course stay well permanently.', 'After the programme, clients stayed well forever.']) assert.ok(absolute(s), s);
  });

  it('does not flag logistics, a harm or an instruction with the same words', () => {
    for (const s of ['The booking from those first few sessions is permanent.', 'Scarring from the older laser sessions is permanent.', 'Always stay well hydrated after a session.', 'The clinic is permanently closed on Sundays.']) assert.equal(absolute(s), false, s);
  });
});

describe('hype: testimonial "got my life back" wording', () => {
  const hypeLines = (text: string) => checker.check(text + '\n').findings.filter((f) => f.ruleId === 'hype').map((f) => f.text);

  it('flags a recovery testimonial used as copy', () => {
    assert.deepEqual(hypeLines('\u201cSix weeks of sessions and I finally got my life back.'), ['got my life back']);
    assert.deepEqual(hypeLines('Regular sessions will get you your life back.'), ['get you your life back']);
    assert.deepEqual(hypeLines('This brace gave him his life back.'), ['gave him his life back']);
  });

  it('does not flag the words when a reporter ties them to a speaker, when negated, or in another sense', () => {
    assert.deepEqual(hypeLines('\u201cI got my life back,\u201d one patient told us after the trial.'), []);
    assert.deepEqual(hypeLines('The surgery did not give him his life back.'), []);
    assert.deepEqual(hypeLines('She moved abroad and built her life back up from nothing.'), []);
  });
});

describe('absolute-language: purity and safety phrases are not outcome absolutes', () => {
  const absolute = (s: string) => checker.check(s + '\n').findings.filter((f) => f.ruleId === 'absolute-language').map((f) => f.text);

  it('does not flag an absolute before a purity word, nor one that ends a safety phrase', () => {
    assert.deepEqual(absolute('Our sleep drops are 100% natural and gentle on the stomach.'), []);
    assert.deepEqual(absolute('The gel is completely organic and free of side effects.'), []);
    assert.deepEqual(absolute('Frankly, this spray is completely safe for everyone, even kids.'), []);
  });

  it('still flags an absolute about an effect next to a purity word', () => {
    assert.deepEqual(absolute('The capsules are 100% natural and work for everyone.'), ['everyone']);
    assert.deepEqual(absolute('Our coating gives 100% absorption of every dose.'), ['100%']);
  });
});

describe('unqualified-efficacy: tissues and vessels as what a treatment repairs', () => {
  const flagged = (s: string) => checker.check(s + '\n').findings.some((f) => f.ruleId === 'unqualified-efficacy');

  it('flags a repair of blood vessels or tissue stated as fact', () => {
    for (const s of ['The extra oxygen repairs damaged blood vessels.', 'Cold laser regenerates nerve tissue.', 'This heat rebuilds brain tissue overnight.']) assert.ok(flagged(s), s);
  });

  it('does not flag tissue or vessels without a benefit verb, a harm, a hedge or a report', () => {
    for (const s of ['Tissue samples were sent to the lab.', 'Smoking narrows blood vessels.', 'Cold laser may help regenerate nerve tissue in some patients.', 'The authors concluded that oxygen repairs damaged blood vessels.']) assert.equal(flagged(s), false, s);
  });
});

describe('a seller named as the speaker of a claim the writer passes on', () => {
  const rulesOn = (s: string) => checker.check(s + '\n').findings.map((f) => f.ruleId);

  it('leaves a seller\'s claim that the writer reports at arm\'s length', () => {
    assert.deepEqual(rulesOn('A spa in our town says the drip is a miracle for hangovers.'), []);
    assert.deepEqual(rulesOn('The company told me the patches have no side effects at all.'), []);
    assert.deepEqual(rulesOn('Some clinics near me say the infusions are completely safe.'), []);
  });

  it('still flags the same words in the seller\'s own voice or from anyone else', () => {
    assert.deepEqual(rulesOn('Our clinic says the drip is a miracle for hangovers.'), ['hype']);
    assert.deepEqual(rulesOn('We tell patients the patches have no side effects at all.'), ['safety-overclaim']);
    assert.deepEqual(rulesOn('Physiotherapists say the band is a miracle for back pain.'), ['hype']);
    assert.deepEqual(rulesOn('The clinic is great, and the drip is a miracle for hangovers.'), ['hype']);
  });
});

describe('hearsay the writer sets up for an answer', () => {
  const flagged = (s: string) => checker.check(s + '\n').findings.some((f) => f.ruleId === 'unqualified-efficacy');

  it('does not flag a claim the writer says they read or heard somewhere', () => {
    for (const s of ['I read online that cold plunges cure anxiety.', "I've heard that turmeric reverses arthritis."]) assert.equal(flagged(s), false, s);
  });

  it('flags the claim once the writer makes it their own', () => {
    for (const s of ['I read the studies, and cold plunges cure anxiety.', 'Turmeric reverses arthritis.']) assert.ok(flagged(s), s);
  });
});

describe('evidence words that vouch for a claim leave it to overstated-evidence', () => {
  const rulesOn = (s: string) =>
    checker
      .check(s + '\n')
      .findings.map((f) => f.ruleId)
      .filter((id) => id === 'overstated-evidence' || id === 'unqualified-efficacy')
      .sort();

  it('gives one finding, not two, when "clinically proven" sits in the claim\'s own object', () => {
    assert.deepEqual(rulesOn('The panel delivers clinically proven results for wrinkles.'), ['overstated-evidence']);
    assert.deepEqual(rulesOn('Research proves that magnets heal arthritis.'), ['overstated-evidence']);
  });

  it('still flags a separate benefit claim next to the evidence words', () => {
    assert.deepEqual(rulesOn('The balm cures eczema and has been proven to calm rosacea.'), ['overstated-evidence', 'unqualified-efficacy']);
  });
});

describe('unqualified-efficacy on common conditions and product subjects', () => {
  const flagged = (s: string) => checker.check(s + '\n').findings.some((f) => f.ruleId === 'unqualified-efficacy');

  it('flags a benefit claimed for a common condition by a product named with "the", or a count of sessions', () => {
    for (const s of ['The gel reverses gum disease.', 'The rinse stops tooth decay.', 'These lozenges are the answer to acid reflux.', 'Two sessions and your sciatica melts away.', 'The cream clears up rosacea.']) assert.ok(flagged(s), s);
  });

  it('leaves the same conditions in hedged, reported or group-limited sentences', () => {
    for (const s of ['The gel may slow gum disease in some people.', 'A few patients say their sciatica eased after two sessions.', 'Most patients with rosacea need more than one cream.', 'In a small trial, the rinse reduced tooth decay by 12% [3].']) assert.equal(flagged(s), false, s);
  });
});

describe('overstated-evidence: a consensus asserted without "that"', () => {
  const flagged = (s: string) => checker.check(s + '\n').findings.some((f) => f.ruleId === 'overstated-evidence');

  it('flags a group said to agree on a claim about a treatment', () => {
    for (const s of ['Chiropractors agree adjustments are the best fix for back pain.', 'Nutritionists agree turmeric works for joint pain.']) assert.ok(flagged(s), s);
  });

  it('leaves agreeing to something, agreeing on a need, and disagreement alone', () => {
    for (const s of ['Patients agree to a short screening before their first ketamine session.', 'Experts agree on the need for larger trials of ketamine.', 'Not all doctors agree ketamine is right for depression.']) assert.equal(flagged(s), false, s);
  });
});

describe('messages speak to the writer', () => {
  it('never explain how the checker reads its terms (that belongs in a lexicon entry\'s "matching")', () => {
    const maintainerWording = /\b(?:counted (?:only|when|beside)|read by [a-z-]+|is not read|left alone|lexicon|the analyzer)\b/i;
    const leaks: string[] = [];
    for (const name of fixtures) {
      for (const f of checker.check(readFixture('rules', name)).findings) if (maintainerWording.test(f.message)) leaks.push(`${name}: ${f.message}`);
    }
    assert.deepEqual(leaks, []);
  });
});
