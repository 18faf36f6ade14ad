// absolute-language: "always", "everyone", "100%", "instantly", "permanently"
// when they describe what a treatment does, not when they instruct the reader,
// set a condition, report a cited finding or describe a harm or an illness.

import { CLAUSE_JOIN, instructionPromise, isAttributed, isCited, wordCount, type ClaimVerb, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import type { LexiconEntry } from '../core/knowledge/lexicons.js';
import type { PhraseMatcher } from '../core/text/phrases.js';
import type { Span } from '../core/types.js';
import type { RuleDefinition } from './rule.js';
import { assertedTerms, isInDocumentName, isInProperName, quote, replacementsFor, type AssertedTerm } from './termMatches.js';

/** "If the pain comes back immediately, …", "unless relief is instant": a condition the writer sets, not a promise. */
const OPEN_CONDITION = /\b(?:if|unless|whether|in case)\b[^,;:\u2014\u2013]*$/i;
/** "Unlike pills, which you may need forever, …", "rather than a permanent fix": the absolute describes what the treatment is compared with. */
const OPEN_COMPARATOR = /\b(?:unlike|compared (?:with|to)|rather than|instead of|versus|vs\.?)\s[^,;:\u2014\u2013]*(?:,\s*(?:which|that|who)\s[^,;:\u2014\u2013]*)?$/i;
/** "immediate for some participants": limited to a few, so not universal. */
const LIMITED_TO_SOME = /^\s+(?:[\p{L}-]+\s+)?(?:for|in)\s+(?:some|a few|a minority of|certain)\b/iu;
/** "anyone", "everybody": a quantifier over people, who may be those making claims rather than those who benefit. */
const PEOPLE_QUANTIFIER = /^(?:any|every)(?:one|body)$/i;
/** Lexicon classes that help judge an absolute word but are not absolute words themselves. */
const NOT_ABSOLUTE_TERMS: ReadonlySet<string> = new Set(['not-absolute', 'claim-making', 'selling', 'warning', 'treatment-uptake', 'comparison', 'limiting', 'counted-people', 'negative-quantifier']);
/** "every veteran who", "all of our clients who", "everyone who": a quantifier over people, with at most two words ("single", a noun) before the relative clause. */
const UPTAKE_GAP = /^(?:\s+[\p{L}'\u2019-]+){0,2}\s+$/u;
/** "anyone who tells you otherwise", "everyone selling detox teas": a claim-making or selling verb right after the quantifier, or after "who"/"that". */
const VERB_GAP_AFTER = /^\s+(?:(?:who|that)\s+(?:\w+\s+)?|(?:is|are|was|were|keeps|has been|have been)\s+)?$/i;
/** "for anyone who works from home": a quantifier after "for", with no outcome word before it in its clause. */
function isAudience(facts: SentenceFacts, term: AssertedTerm, isOutcome: (s: string) => boolean): boolean {
  const before = facts.text.slice(0, term.start - facts.sentence.start);
  if (!/\bfor\s+$/i.test(before)) return false;
  return !isOutcome(before.slice(lastClauseBreak(facts.text, before.length)));
}

/** "Anyone noticing chest pain should call…", "everyone over 50 needs to be screened": an obligation within a few words of the quantifier, in its clause. */
const OBLIGATION_AFTER = /^(?:\s+[\p{L}\p{N}'\u2019-]+){0,6}?\s+(?:should|must|needs? to|has to|have to|ought to)\b/iu;
/** "Patients should always report…", "you must never…", "we recommend both for every patient": an obligation or advice, which instructs rather than promises. */
const OBLIGATION_BEFORE = /\b(?:should|must|need to|needs to|have to|has to|ought to|be sure to|make sure to|remember to|recommend|recommends|advise|advises)\s+(?:[\p{L}'\u2019-]+\s+){0,4}$/iu;

export const absoluteLanguage: RuleDefinition = {
  id: 'absolute-language',
  title: 'Absolute language about outcomes',
  description: 'Words such as "always", "everyone", "100%", "instantly" or "permanently" used to describe treatment outcomes.',
  defaultSeverity: 'warning',
  create(knowledge, analyzer) {
    const lexicon = knowledge.lexicons['absolute-language'];
    const categories = [...new Set(lexicon.entries.map((e) => e.category ?? ''))].filter((c) => !NOT_ABSOLUTE_TERMS.has(c));
    const terms = analyzer.sentenceMatcher(lexicon, categories);
    // "every morning", "almost always", "for good reason": the absolute word is part of a phrase that promises nothing.
    const notAbsolute = analyzer.sentenceMatcher(lexicon, ['not-absolute']);
    const claimMaking = analyzer.sentenceMatcher(lexicon, ['claim-making']);
    const claimOrSelling = analyzer.sentenceMatcher(lexicon, ['claim-making', 'selling']);
    const warnings = analyzer.sentenceMatcher(lexicon, ['warning']);
    const safety = analyzer.sentenceMatcher(knowledge.lexicons['safety-overclaim'], ['']);
    const treatmentNouns = analyzer.sentenceMatcher(knowledge.lexicons.references, ['treatment-noun']);
    const notBenefits = analyzer.sentenceMatcher(knowledge.lexicons['health-context'], ['not-a-benefit']);
    const resolves = analyzer.sentenceMatcher(knowledge.lexicons['health-context'], ['condition-resolves']);
    // "100% natural", "completely organic": a purity claim about the product, not an outcome.
    const purityWords = analyzer.sentenceMatcher(knowledge.lexicons['health-context'], ['purity-claim']);
    // "your mobility is back permanently": a body function or tissue a treatment restores is an outcome for permanence words.
    const benefitObjects = analyzer.sentenceMatcher(knowledge.lexicons['health-context'], ['benefit-object']);
    // "…and never again suffer from cramps": a promise about the reader's future health.
    const healthFuture = analyzer.sentenceMatcher(lexicon, ['health-future']);
    // "may be permanent", "might never need": a modal or tentative verb, not a group ("most patients stay well for good" still promises).
    const modalHedges = analyzer.sentenceMatcher(knowledge.lexicons.hedges, ['modal', 'tentative-verb']);
    // "everyone who uses the mat", "every veteran who received the block": the people a treatment reached.
    const uptake = analyzer.sentenceMatcher(lexicon, ['treatment-uptake']);
    const isResult = (s: string) => analyzer.isOutcomeWord(s) || benefitObjects.test(s) || resolves.test(s);
    // "outperforms every other treatment", "better than any painkiller": a comparison that beats every rival.
    const comparisons = analyzer.sentenceMatcher(lexicon, ['comparison']);
    // "every single user", "not one of our clients": the people a quantifier counts.
    const people = analyzer.sentenceMatcher(lexicon, ['counted-people']);
    const limiting = analyzer.sentenceMatcher(lexicon, ['limiting']);
    // "not one of our patients", "nobody who takes it": matched apart from the other absolutes (see below).
    const noneOf = analyzer.sentenceMatcher(lexicon, ['negative-quantifier']);
    const wins = (facts: SentenceFacts, t: AssertedTerm) => afterComparison(facts, t, comparisons);
    const countsPeople = (facts: SentenceFacts, t: AssertedTerm) => allPeopleResult(facts, t, people, isResult);
    return (facts, document) => {
      const uptakes = uptake.find(facts.text);
      // A product claimed to act ("This balm soothes sore muscles"), a health outcome claimed ("will see bigger gains") or a promise ("you'll sleep deeper") is about health even with no condition named.
      // So is a result stated of the people who took a treatment ("everyone who uses the mat sleeps through the night").
      if (!facts.aboutHealth && !facts.claimVerbs.some(isBenefitClaim) && !uptakes.some((u) => isResult(facts.text.slice(u.end)))) return [];
      // An instruction claims nothing, unless it ends in a promise ("Take them nightly and your pain will be gone for good").
      // "Try the spray and never again suffer from cramps": the promise is the clause after "and".
      const promise = facts.instruction ? (instructionPromise(facts) ?? promisedHealthFuture(facts, healthFuture)) : undefined;
      if (facts.instruction && !promise) return [];
      // Most sentences hold no absolute word: settle them before reading anything else.
      // Negative quantifiers are read on their own, so that "Nobody can promise…" still negates the absolutes after it.
      const asserted = [
        ...(terms.find(facts.text).length ? assertedTerms(facts, terms) : []),
        ...(noneOf.find(facts.text).length ? assertedTerms(facts, noneOf) : []),
      ].sort((a, b) => a.start - b.start);
      if (!asserted.length) return [];
      const at = facts.sentence.start;
      const toSpan = (m: { start: number; end: number }): Span => ({ start: at + m.start, end: at + m.end });
      const safetySpans = safety.find(facts.text).map(toSpan);
      const idioms = notAbsolute.find(facts.text).map(toSpan);
      const treatments = [...facts.interventions, ...treatmentNouns.find(facts.text).map(toSpan)];
      const cited = isCited(facts);
      let harmSpans: Span[] | undefined;
      return asserted
        .filter((t) => !promise || t.start >= promise.start)
        // Leave "completely safe" to the safety rule.
        .filter((t) => !safetySpans.some((s) => s.start < t.end && t.start < s.end))
        // "totally safe for everyone": the safety phrase ends on the term even when a longer one ("totally safe") took its start.
        .filter((t) => !endsSafetyPhrase(facts.text.slice(0, t.end - at), safety))
        .filter((t) => !purityWords.find(facts.text.slice(t.end - at)).some((m) => m.start <= 1))
        // "every other day" is a schedule, but "outperforms every other treatment" beats every rival.
        .filter((t) => !idioms.some((s) => s.start <= t.start && t.end <= s.end) || (t.entry.category === 'comparison-scope' && wins(facts, t)))
        // "the Guaranteed Results Bundle", a table row naming it: a word in a product's name promises nothing by itself.
        .filter((t) => !isInProperName(facts, t) && !isInDocumentName(facts, t, document.names))
        // "not for everyone", "not to everyone": a negation reaching across a preposition.
        .filter((t) => !/\bnot\s+(?:for\s+|to\s+)?$/i.test(facts.text.slice(0, t.start - at)))
        .filter((t) => !OPEN_CONDITION.test(facts.text.slice(0, t.start - at)) && !OPEN_COMPARATOR.test(facts.text.slice(0, t.start - at)))
        .filter((t) => !LIMITED_TO_SOME.test(facts.text.slice(t.end - at)))
        // "The pain rarely vanishes completely", "few treatments work instantly": a limit earlier in the clause denies the absolute.
        .filter((t) => !limitedBefore(facts, t, limiting))
        .filter((t) => !(PEOPLE_QUANTIFIER.test(t.text) && claimOrSelling.find(facts.text).some((v) => v.start >= t.end - at && VERB_GAP_AFTER.test(facts.text.slice(t.end - at, v.start)))))
        // "a game-changer for anyone who works from home": the audience a product is for, unless what stands before "for" is a result ("relief is instant for everyone").
        .filter((t) => !(PEOPLE_QUANTIFIER.test(t.text) && isAudience(facts, t, (s) => analyzer.isOutcomeWord(s)) && !benefitsEveryone(facts, t, resolves)))
        // "Anyone noticing memory problems should see a doctor": the people an obligation addresses, not people a treatment helped.
        .filter((t) => !(PEOPLE_QUANTIFIER.test(t.text) && OBLIGATION_AFTER.test(facts.text.slice(t.end - at).split(CLAUSE_JOIN)[0]!)))
        // "a quiet corner for anyone with anxiety": the people a service is for, unless the sentence claims a result for them.
        .filter((t) => !(PEOPLE_QUANTIFIER.test(t.text) && /^\s+(?:with|who has|who have|living with)\b/i.test(facts.text.slice(t.end - at)) && !facts.claimVerbs.some(isBenefitClaim)))
        // "Be wary of any clinic that promises instant results", "promised 'guaranteed relief', a line experts called misleading": someone else's claim, warned against.
        .filter((t) => !(claimMaking.find(facts.text).some((v) => v.end <= t.start - at) && warnings.test(facts.text)))
        .filter((t) => !isObligation(facts, t, analyzer.isOutcomeWord.bind(analyzer)))
        // "A meta-analysis found lower pain immediately after treatment (Author, 2022)": a cited finding, reported.
        .filter((t) => !(cited && isAttributed(facts, t)))
        .filter((t) => !describesHarm(facts, t, (harmSpans ??= notBenefits.find(facts.text).map(toSpan))))
        // The absolute has to be about an outcome.
        .filter((t) => {
          switch (t.entry.category) {
            case 'outcome-statement': // "never wears off" says what the outcome is.
              return true;
            case 'quantifier': // "every capsule restores": only as the subject of a claim, or over the illnesses a claim promises to end ("prevents every flu").
              return opensClaim(facts, t) || quantifiesClaimedCondition(facts, t) || benefitsEveryone(facts, t, resolves) || reachedEveryone(facts, t, uptakes, isResult) || wins(facts, t) || countsPeople(facts, t);
            case 'comparison-scope': // "better than any painkiller", not "any questions" or "every other day".
              return wins(facts, t);
            case 'negative-quantifier': // "not one of our patients has needed surgery", not "no one should drive", "nobody knows whether" or "nobody is saying it cures".
              return noneFailed(facts, t, people, treatments, isResult) && !claimMaking.find(facts.text.slice(t.end - at)).length;
            case 'treatment-need': // "never need another infusion", not "never need a referral".
              return treatments.some((s) => s.start >= t.end && wordCount(facts.text.slice(t.end - at, s.start - at)) <= 3);
            case 'frequency': // "always works", "relief always comes", "always prevent eye strain", not "doctors have always debated how it works".
              return frequencyAboutOutcome(facts, t, isResult) || modifiedClaim(facts, t);
            case 'health-future': // "you will never have another panic attack", not "never get a referral" or "never stop taking your medication".
              return !hedgedBefore(facts, t, modalHedges) && futureIllness(facts, t) && !leadsInstruction(facts, t) && !describesPeople(facts, t);
            case 'permanence': // "a permanent fix", "results that last for years", "your mobility is back permanently"; not "may be permanent".
              return (
                !hedgedBefore(facts, t, modalHedges) &&
                !deniedAfter(facts, t) &&
                (nearOutcome(facts.text, t.start - at, t.end - at, (s) => analyzer.isOutcomeWord(s) || benefitObjects.test(s)) || opensClaim(facts, t) || modifiesClaim(facts, t) || closesClaim(facts, t))
              );
            default:
              // "100% effective", "completely cures": the term may name the outcome itself.
              return (
                analyzer.isOutcomeWord(t.text) ||
                nearOutcome(facts.text, t.start - at, t.end - at, (s) => analyzer.isOutcomeWord(s)) ||
                opensClaim(facts, t) ||
                modifiesClaim(facts, t) ||
                closesClaim(facts, t) ||
                benefitsEveryone(facts, t, resolves) ||
                reachedEveryone(facts, t, uptakes, isResult) ||
                symptomEnds(facts, t, resolves) ||
                countsPeople(facts, t)
              );
          }
        })
        .map((t) => {
          const fix = replacementsFor(t, facts);
          return {
            ...fix.span,
            message: `${quote(t.text)} promises an outcome no treatment guarantees. ${t.entry.note ?? ''}`.replace(/\s+/g, ' ').trim(),
            suggestions: fix.suggestions,
          };
        });
    };
  },
};

/**
 * "Patients should always report new symptoms", "stop the drug immediately if…":
 * an obligation earlier in the clause makes the absolute part of an instruction,
 * unless what it obliges is an outcome ("you should feel better immediately").
 */
function isObligation(facts: SentenceFacts, term: AssertedTerm, isOutcome: (s: string) => boolean): boolean {
  const before = facts.text.slice(0, term.start - facts.sentence.start);
  const m = OBLIGATION_BEFORE.exec(before);
  if (!m || CLAUSE_JOIN.test(m[0])) return false;
  return !isOutcome(m[0]);
}

/** "…and ", "…and you'll ": the clause after an instruction, where its promise stands. */
const AFTER_AND = /\band\s+(?:(?:you|you'll|you\u2019ll|you will|will)\s+)?$/i;

/**
 * "…and never again suffer from cramps", "Try it and you'll never get migraines again": in an instruction,
 * a health-future term after "and" is the promise the instruction ends in.
 */
function promisedHealthFuture(facts: SentenceFacts, healthFuture: PhraseMatcher<LexiconEntry>): { start: number } | undefined {
  const at = facts.sentence.start;
  const m = healthFuture.find(facts.text).find((f) => AFTER_AND.test(facts.text.slice(0, f.start)));
  return m ? { start: at + m.start } : undefined;
}

/** "you will never have another panic attack": an illness or symptom follows within a few words, in the same clause. */
function futureIllness(facts: SentenceFacts, term: AssertedTerm): boolean {
  const at = facts.sentence.start;
  // "Never again will you wake up with a stiff neck": an inverted promise puts its auxiliary and pronoun before the illness.
  const reach = /^\s+(?:will|shall|do|does|would)\s+\w+/i.test(facts.text.slice(term.end - at)) ? 6 : 4;
  return facts.conditions.some((c) => c.start >= term.end && closeInClause(facts.text.slice(term.end - at, c.start - at), reach));
}

/** "Patients who never complain of pain may still…": a relative clause that picks out people, not a promise made to them. */
function describesPeople(facts: SentenceFacts, term: AssertedTerm): boolean {
  return /\b(?:who|whose|that)\s+(?:\p{L}+ly\s+)?$/iu.test(facts.text.slice(0, term.start - facts.sentence.start));
}

/** "Never get a tattoo when you have eczema": a health-future term that opens an instruction instructs. */
function leadsInstruction(facts: SentenceFacts, term: AssertedTerm): boolean {
  return facts.instruction && !AFTER_AND.test(facts.text.slice(0, term.start - facts.sentence.start));
}

/** "Permanent hair removal is not guaranteed", "lifelong results are not realistic": the clause the term opens denies it. */
function deniedAfter(facts: SentenceFacts, term: AssertedTerm): boolean {
  const at = facts.sentence.start;
  return facts.negations.some((n) => n.start >= term.end && closeInClause(facts.text.slice(term.end - at, n.start - at)));
}

/** At most four words, with no punctuation or clause join, between a term and what follows it. */
function closeInClause(between: string, words = 4): boolean {
  return wordCount(between) <= words && !/[,;:.!?()\u2014\u2013]/.test(between) && !CLAUSE_JOIN.test(between);
}

/** "Relief may be permanent", "you might never need…": a hedge earlier in the term's clause. */
function hedgedBefore(facts: SentenceFacts, term: AssertedTerm, modalHedges: PhraseMatcher<LexiconEntry>): boolean {
  const at = facts.sentence.start;
  const clauseStart = lastClauseBreak(facts.text, term.start - at);
  return modalHedges.find(facts.text).some((h) => h.start >= clauseStart && h.end <= term.start - at && !CLAUSE_JOIN.test(facts.text.slice(h.end, term.start - at)));
}

/** "safe for everyone" inside "totally safe for everyone": a safety phrase that ends on the term, read from two to four words back. */
function endsSafetyPhrase(head: string, safety: PhraseMatcher<LexiconEntry>): boolean {
  for (let n = 2; n <= 4; n++) {
    const tail = lastWords(head, n);
    if (safety.find(tail).some((m) => m.end === tail.length)) return true;
  }
  return false;
}

/**
 * Whether the absolute describes a harm, an illness or an effect that ends rather than a benefit:
 * it stands right before one ("permanent nerve damage", "a lifelong condition"),
 * a harm or illness is the subject of its clause ("side effects fade immediately",
 * "joint damage is permanent"), or a harm verb governs it ("can cause permanent
 * thinning", "the effects wear off completely"), and the clause claims no benefit.
 */
function describesHarm(facts: SentenceFacts, term: AssertedTerm, harms: readonly Span[]): boolean {
  const at = facts.sentence.start;
  const clauseStart = lastClauseBreak(facts.text, term.start - at) + at;
  const clauseEnd = nextClauseBreak(facts.text, term.end - at) + at;
  const benefit = facts.claimVerbs.some(
    (v) => v.category !== 'harm' && v.category !== 'correlational' && (v.category === 'promise' || v.subject || v.object) && v.start >= clauseStart && v.end <= clauseEnd,
  );
  if (benefit) return false;
  if (facts.claimVerbs.some((v) => v.category === 'harm' && v.end <= term.start && v.start >= clauseStart)) return true;
  return harms.some((h) => {
    // "never wears off" is itself the promise.
    if (h.start < term.end && term.start < h.end) return false;
    if (h.start >= term.end) return h.start < clauseEnd && wordCount(facts.text.slice(term.end - at, h.start - at)) <= 2;
    if (h.start < clauseStart) return false;
    // "no side effects, and relief is instant": a harm that is denied is not what the clause describes.
    return !/\b(?:no|zero|without|free of|free from|none of the)\s+(?:[\p{L}-]+\s+)?$/iu.test(facts.text.slice(Math.max(0, h.start - at - 20), h.start - at));
  });
}

/**
 * "always" says something about outcomes only when the verb it modifies, or the
 * subject of its clause, is about one: "it always works", "relief always comes
 * within hours"; not "doctors have always debated how it works".
 */
function frequencyAboutOutcome(facts: SentenceFacts, term: AssertedTerm, isOutcome: (s: string) => boolean): boolean {
  const at = facts.sentence.start;
  const subject = facts.text.slice(lastClauseBreak(facts.text, term.start - at), term.start - at);
  const verbPhrase = facts.text.slice(term.end - at).split(/[,;:\u2014\u2013]/)[0]!.split(/\s+/).slice(0, 3).join(' ');
  // "Results always vary": the verb is itself a hedge.
  if (facts.hedges.some((h) => h.start >= term.end && h.start - at < term.end - at + verbPhrase.length)) return false;
  return (isOutcome(lastWords(subject, 6)) || isOutcome(verbPhrase)) && wordCount(subject + ' ' + verbPhrase) > 0;
}

const CLAUSE_BREAK_GLOBAL = /[;:\u2014\u2013()]|,\s+(?:and|but|so|while|whereas|although|though|which)\s|,\s*$/gi;

function lastClauseBreak(text: string, before: number): number {
  let end = 0;
  CLAUSE_BREAK_GLOBAL.lastIndex = 0;
  const head = text.slice(0, before);
  for (let m = CLAUSE_BREAK_GLOBAL.exec(head); m; m = CLAUSE_BREAK_GLOBAL.exec(head)) end = m.index + m[0].length;
  return end;
}

function nextClauseBreak(text: string, after: number): number {
  CLAUSE_BREAK_GLOBAL.lastIndex = 0;
  const m = CLAUSE_BREAK_GLOBAL.exec(text.slice(after));
  return m ? after + m.index : text.length;
}

/**
 * Whether the term stands in the subject of a benefit claim later in its clause:
 * "Anyone who sticks with the plan will lose weight", "Every dose restores…".
 */
function opensClaim(facts: SentenceFacts, term: AssertedTerm): boolean {
  const at = facts.sentence.start;
  return facts.claimVerbs.some(
    (v) =>
      v.category !== 'correlational' &&
      v.category !== 'harm' &&
      (v.category === 'promise' || v.subject || v.object) &&
      v.start >= term.end &&
      wordCount(facts.text.slice(term.end - at, v.start - at)) <= 10 &&
      !CLAUSE_JOIN.test(facts.text.slice(term.end - at, v.start - at)),
  );
}

/**
 * "worked for every participant", "the fog lifts for every guest who completes it": the quantifier names who a
 * result reached, right after a benefit claim or a symptom's end in its clause; not "a coordinator for every guest".
 */
function benefitsEveryone(facts: SentenceFacts, term: AssertedTerm, resolves: PhraseMatcher<LexiconEntry>): boolean {
  const at = facts.sentence.start;
  const before = facts.text.slice(0, term.start - at);
  // "works for every patient", "works in every situation", "helps across all cases".
  const forAt = /\b(?:for|in|across)\s+$/i.exec(before);
  if (!forAt) return false;
  const clause = before.slice(0, forAt.index);
  const clauseStart = Math.max(...[...clause.matchAll(new RegExp(CLAUSE_JOIN.source, 'gi'))].map((m) => m.index! + m[0].length), 0);
  const claimed = facts.claimVerbs.some((v) => isBenefitClaim(v) && v.start - at >= clauseStart && v.end - at <= forAt.index);
  const ended = resolves.find(clause).some((m) => m.start >= clauseStart && !clause.slice(m.end).trim());
  return claimed || ended || /\b(?:works?|worked)\s*$/i.test(clause);
}

/** A benefit claim or a promise, as opposed to a harm or a correlation. */
function isBenefitClaim(v: ClaimVerb): boolean {
  return v.category !== 'correlational' && v.category !== 'harm' && (v.category === 'promise' || !!v.subject || !!v.object);
}

/** "soothes sore muscles on contact", "clears congestion instantly": the absolute modifies the benefit claim just before it in its clause. */
function modifiesClaim(facts: SentenceFacts, term: AssertedTerm): boolean {
  const at = facts.sentence.start;
  return facts.claimVerbs.some((v) => {
    if (!isBenefitClaim(v) || v.end > term.start) return false;
    const between = facts.text.slice(v.end - at, term.start - at);
    return wordCount(between) <= 5 && !CLAUSE_JOIN.test(between) && !/[,.]/.test(between);
  });
}

/**
 * "…and wake up refreshed, guaranteed.", "…by Friday — guaranteed!": an absolute
 * tagged on at the end of the sentence vouches for the whole claim before it.
 */
function closesClaim(facts: SentenceFacts, term: AssertedTerm): boolean {
  const at = facts.sentence.start;
  if (!/^[\s!.\u201d"')\]]*$/.test(facts.text.slice(term.end - at)) || !/(?:,|\s[\u2014\u2013-])\s*$/.test(facts.text.slice(0, term.start - at))) return false;
  return facts.claimVerbs.some((v) => isBenefitClaim(v) && v.end <= term.start);
}

/**
 * "Elderberry syrup wards off every flu", "you'll shrug off every cold": a quantifier over
 * the illness a benefit claim or promise acts on, in the same clause.
 */
function quantifiesClaimedCondition(facts: SentenceFacts, term: AssertedTerm): boolean {
  const at = facts.sentence.start;
  const condition = facts.conditions.find((c) => c.start >= term.end && wordCount(facts.text.slice(term.end - at, c.start - at)) <= 1);
  if (!condition) return false;
  return facts.claimVerbs.some((v) => isBenefitClaim(v) && v.end <= term.start && !CLAUSE_JOIN.test(facts.text.slice(v.end - at, term.start - at)));
}

function nearOutcome(text: string, start: number, end: number, isOutcome: (s: string) => boolean): boolean {
  const before = text.slice(0, start).split(/[;:\u2014]/).pop() ?? '';
  const after = text.slice(end).split(/[;:\u2014]/)[0] ?? '';
  // Eight words back reach the head of a subject with a modifier phrase: "the improvement from those early sessions is permanent".
  const window = lastWords(before.trimEnd(), 8) + ' ' + firstWords(after, 6);
  return isOutcome(window) && wordCount(window) > 0;
}

function lastWords(text: string, n: number): string {
  return text.split(/\s+/).slice(-n).join(' ');
}

function firstWords(text: string, n: number): string {
  return text.split(/\s+/).slice(0, n + 1).join(' ');
}

/** "The glasses always prevent eye strain": "always" right before the verb of a benefit claim, in its clause. */
function modifiedClaim(facts: SentenceFacts, term: AssertedTerm): boolean {
  const at = facts.sentence.start;
  return facts.claimVerbs.some((v) => isBenefitClaim(v) && v.start >= term.end && wordCount(facts.text.slice(term.end - at, v.start - at)) <= 1);
}

/** A passive of procedure after the people ("everyone who finishes is screened", "every client who tried it was asked to…"): logistics, not a result. */
const PROCEDURE_PREDICATE = /\b(?:is|are|was|were|gets?|got|will be)\s+(?:then\s+|also\s+|first\s+)?(?:asked|screened|given|offered|sent|invited|booked|seen|called|contacted|checked|monitored|assessed|charged|billed|required|expected|enrolled|followed up|placed|assigned)\b/i;

/**
 * "Everyone who uses the mat sleeps through the night", "every veteran who received the block was free of flashbacks":
 * a quantifier over people, then a relative clause of treatment uptake, then a result said of all of them;
 * not "we book a call for everyone who finishes the course" (no result) or "everyone who tries it is screened first".
 */
function reachedEveryone(facts: SentenceFacts, term: AssertedTerm, uptakes: readonly { start: number; end: number }[], isResult: (s: string) => boolean): boolean {
  const at = facts.sentence.start;
  const u = uptakes.find((m) => m.start >= term.end - at && UPTAKE_GAP.test(' ' + facts.text.slice(term.end - at, m.start)));
  if (!u) return false;
  // The audience a service is for ("a call for everyone who finishes") is left to isAudience and benefitsEveryone.
  if (/\bfor\s+$/i.test(facts.text.slice(0, term.start - at))) return false;
  const rest = facts.text.slice(u.end);
  return isResult(rest) && !PROCEDURE_PREDICATE.test(rest);
}

/** "outperforms every other treatment", "better than any painkiller", "works better at every dose": a universal quantifier right after a comparison, in its clause. */
function afterComparison(facts: SentenceFacts, term: AssertedTerm, comparisons: PhraseMatcher<LexiconEntry>): boolean {
  const at = facts.sentence.start;
  return comparisons.find(facts.text).some((c) => c.end <= term.start - at && /^\s+(?:[\p{L}-]+\s+)?$/u.test(facts.text.slice(c.end, term.start - at)) && !CLAUSE_JOIN.test(facts.text.slice(c.end, term.start - at)));
}

/** After a quantifier, the words that lead to the people it counts: "every single", "every one of our", "each and every", "all of the". */
const TO_PEOPLE = /^(?:\s+(?:single|one|and every|of|our|the|my|these|those|your|their|new|regular))*\s+(?:[\p{L}-]+\s+)?$/iu;

/**
 * "Every one of our clients lost weight on the drink", "each and every user of the corrector stands taller",
 * "fasting glucose fell in every single person who tried it": a quantifier over people as the subject of a
 * result, or after "in"/"for"/"among" with the result before it. Not a procedure ("every patient is screened").
 */
function allPeopleResult(facts: SentenceFacts, term: AssertedTerm, people: PhraseMatcher<LexiconEntry>, isResult: (s: string) => boolean): boolean {
  const at = facts.sentence.start;
  const after = facts.text.slice(term.end - at);
  const head = people.find(after).find((p) => TO_PEOPLE.test(' ' + after.slice(0, p.start)));
  if (!head) return false;
  const clauseStart = lastClauseBreak(facts.text, term.start - at);
  const before = facts.text.slice(clauseStart, term.start - at);
  const rest = after.slice(head.end).split(CLAUSE_JOIN)[0]!;
  if (PROCEDURE_PREDICATE.test(rest) || /\b(?:should|must|needs? to|has to|have to|is welcome|are welcome|gets? a|receives?)\b/i.test(rest)) return false;
  // The subject of its clause: "Every one of our clients lost weight".
  if (/^\W*(?:(?:and|but|so|then)\s+)?$/i.test(before)) return isResult(rest);
  // The people a result reached: "glucose fell in every single person who tried the berberine".
  const reached = /\b(?:in|for|among|across)\s+$/i.exec(before);
  return !!reached && isResult(before.slice(0, reached.index)) && !/\b(?:available|open|offered|provided|booked|arranged)\b/i.test(before);
}

/** "the nausea stops instantly", "the pain vanishes the moment the patch goes on": a symptom that ends, beside the term in its clause. */
function symptomEnds(facts: SentenceFacts, term: AssertedTerm, resolves: PhraseMatcher<LexiconEntry>): boolean {
  const at = facts.sentence.start;
  return resolves.find(facts.text).some((r) => {
    const symptom = facts.conditions.some((c) => c.end - at <= r.start && /^\s+$/.test(facts.text.slice(c.end - at, r.start)));
    if (!symptom) return false;
    const [from, to] = r.end <= term.start - at ? [r.end, term.start - at] : [term.end - at, r.start];
    return to >= from && wordCount(facts.text.slice(from, to)) <= 3 && !CLAUSE_JOIN.test(facts.text.slice(from, to));
  });
}

/** "No one should", "nobody knows whether", "no one can say": an obligation, a doubt or a permission, not an outcome. */
const NOT_AN_OUTCOME = /\b(?:should|must|needs? to|has to|have to|ought to|can|could|may|might|would|knows?|knew|whether|if|is sure|are sure|doubts?|doubted|questions?|questioned|disput\w*|believes?|believed|thinks?|thought|expects?|expected|is checking|checks?|checked|is turned|are turned|was turned|is refused|are refused|is asked|are asked|is required|are required|is allowed|are allowed|is left|pays?|paid|dropped out|drops out|drop out|complained about the)\b/i;

/**
 * "Not one of our patients has needed surgery since", "no one leaves the tank without feeling lighter",
 * "nobody who takes it at the first sniffle gets a full cold", "I haven't had a single hot flush since":
 * no person (or no occasion) left with a symptom, stated as the outcome. The quantifier counts people
 * or a symptom, and its clause goes on to a symptom, a result or a need for treatment.
 */
function noneFailed(facts: SentenceFacts, term: AssertedTerm, people: PhraseMatcher<LexiconEntry>, treatments: readonly Span[], isResult: (s: string) => boolean): boolean {
  const at = facts.sentence.start;
  const restEnd = nextClauseBreak(facts.text, term.end - at);
  const rest = facts.text.slice(term.end - at, restEnd).split(CLAUSE_JOIN)[0]!;
  if (NOT_AN_OUTCOME.test(rest)) return false;
  const lead = rest.split(/\s+/).slice(0, 5).join(' ');
  const countsPeople = /^(?:no[ -]one|nobody|no \w+)/i.test(term.text) || /^\s+who\b/i.test(rest) || people.test(lead);
  const countsSymptom = facts.conditions.some((c) => c.start >= term.end && wordCount(facts.text.slice(term.end - at, c.start - at)) <= 2);
  if (!countsPeople && !countsSymptom) return false;
  const restStart = term.end;
  const needsTreatment = /\bneed(?:s|ed)?\s+(?!to\b)/i.test(rest) && treatments.some((s) => s.start >= restStart && s.start - at <= restEnd);
  return countsSymptom || needsTreatment || facts.conditions.some((c) => c.start >= restStart && c.start - at < restEnd) || isResult(rest);
}

/** "rarely vanishes completely", "few treatments work instantly": a limiting word within five words before the term, in its clause. */
function limitedBefore(facts: SentenceFacts, term: AssertedTerm, limiting: PhraseMatcher<LexiconEntry>): boolean {
  const at = facts.sentence.start;
  const clauseStart = lastClauseBreak(facts.text, term.start - at);
  // "a few", "the first few sessions" count, they do not limit.
  return limiting.find(facts.text).some((l) => l.start >= clauseStart && !/\b(?:a|the|first|last|those|these|next|every|quite)\s+$/i.test(facts.text.slice(0, l.start)) && l.end <= term.start - at && wordCount(facts.text.slice(l.end, term.start - at)) <= 5 && !CLAUSE_JOIN.test(facts.text.slice(l.end, term.start - at)));
}
