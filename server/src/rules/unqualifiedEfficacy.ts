// unqualified-efficacy: a direct causal benefit claim about an intervention
// with nothing that qualifies it: no hedge, no population, no size of effect
// and no source ("Ketamine cures depression.").

import { CLAUSE_JOIN, instructionPromise, isAttributed, isCited, isNegated, wordCount, type ClaimVerb, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import { isMagnitude } from '../core/analysis/numbers.js';
import { packRewording } from '../core/evidence/evidenceFixes.js';
import type { Knowledge } from '../core/knowledge/knowledge.js';
import type { NumberMention, Span, Suggestion } from '../core/types.js';
import type { LexiconEntry } from '../core/knowledge/lexicons.js';
import type { PhraseMatcher } from '../core/text/phrases.js';
import type { RuleDefinition, RuleHit } from './rule.js';
import { matchCase } from './termMatches.js';
import { closedQuestion } from './overstatedEvidence.js';

export const unqualifiedEfficacy: RuleDefinition = {
  id: 'unqualified-efficacy',
  title: 'Unqualified efficacy claim',
  description: 'A treatment is said to work (cure, treat, relieve, reverse) with no hedge, population, effect size or source.',
  defaultSeverity: 'warning',
  create(knowledge, analyzer) {
    const evidenceWords = analyzer.sentenceMatcher(knowledge.lexicons['overstated-evidence']);
    const effectEnds = analyzer.sentenceMatcher(knowledge.lexicons['health-context'], ['effect-ends']);
    const evidenceLimits = analyzer.sentenceMatcher(knowledge.lexicons.hedges, ['evidence-stage']);
    // "never loses its effect", "never wears off": an outcome stated by the phrase itself.
    const outcomeStatements = analyzer.sentenceMatcher(knowledge.lexicons['absolute-language'], ['outcome-statement']);
    const resolves = analyzer.sentenceMatcher(knowledge.lexicons['health-context'], ['condition-resolves']);
    const notBenefits = analyzer.sentenceMatcher(knowledge.lexicons['health-context'], ['risk-measure', 'not-a-benefit']);
    const groupWords = analyzer.sentenceMatcher(knowledge.lexicons.hedges, ['group-quantifier']);
    const treatmentNouns = analyzer.sentenceMatcher(knowledge.lexicons.references, ['treatment-noun']);
    // "Few antidepressants can match that", "nothing works better than cold water": a comparison won by denying rivals.
    const unmatched = analyzer.sentenceMatcher(knowledge.lexicons['claim-verbs'], ['unmatched']);
    return (facts, document) => {
      // An instruction ("Ask your doctor…") claims nothing, unless it ends in a promise ("Take them nightly and your anxiety will be gone", "…and it retrains your muscles").
      if (facts.question) return [];
      // "Rub it in and the stinging stops", "find the knot, release it, and the pain drains away": a recipe whose last clause ends a symptom promises that result.
      if (facts.instruction && !instructionPromise(facts)) {
        const promised = conditionResolves(facts, resolves, notBenefits);
        if (!promised || !/,?\s+and\s+(?:(?:the|your)\s+)?(?:[\p{L}-]+\s+)?$/iu.test(facts.text.slice(0, promised.start - facts.sentence.start))) return [];
      }
      if (isCited(facts)) return [];
      // A source cited later in the paragraph qualifies the claims before it.
      if (document.citedFrom(facts.sentence.start)) return [];
      // "Research proves that X cures Y", "studies show it works": the claim rests on evidence words, which other rules judge.
      const at = facts.sentence.start;
      // "The research on X is clear: it works", "nobody doubts that it works": a question declared closed vouches for the claim, as evidence words do.
      const closed = closedQuestion(facts.text);
      const evidenceAt = [...facts.studyClaims.map((c) => c.start - at), ...evidenceWords.find(facts.text).map((m) => m.start), ...(closed ? [closed.index] : [])];
      const hits: RuleHit[] = [];
      for (const verb of facts.claimVerbs) {
        if (verb.category === 'correlational' || verb.category === 'harm') continue;
        // …and "delivers clinically proven results": evidence words in the claim's own clause vouch for it.
        if (evidenceAt.some((e) => e < verb.start - at || (e >= verb.end - at && vouchesForObject(facts.text.slice(verb.end - at, e))))) continue;
        if (isHedged(facts, verb)) continue;
        // A population or a size of effect qualifies the claim in its own clause, not one joined to it ("70% of patients respond, and X cures Y").
        if (facts.populations.some((p) => sameClause(facts, p, verb)) || facts.numbers.some((n) => isMagnitude(n) && !isUniversal(n) && sameClause(facts, n, verb))) continue;
        // "eases pain within minutes, but the effect wears off the same day": the claim states its own limit.
        if (endsWithItsLimit(facts, verb, effectEnds)) continue;
        // "supports heart health, but the evidence is mixed": the claim is followed by the limits of its evidence.
        if (endsWithItsLimit(facts, verb, evidenceLimits)) continue;
        // A promise to the reader ("you'll feel lighter") needs no named treatment; other claims need a subject or a condition as object.
        if (verb.category !== 'promise' && !verb.subject && !verb.object) continue;
        // "how it works", "why ketamine helps": an embedded question, not a claim ("which is why it works" gives a reason and claims).
        const lead = facts.text.slice(0, (verb.subject?.start ?? verb.start) - at);
        if (/\b(?:how|why|whether|if|what)\s+(?:\w+\s+){0,2}$/i.test(lead) && !/\b(?:which|that|this|here)(?:\s+is|'s|\u2019s)\s+why\s+(?:\w+\s+){0,2}$/i.test(lead)) continue;
        // "works best alongside therapy", "works only for some": a qualified comparison.
        // Not "works better than antidepressants" (a comparison claimed as fact) nor "you'll sleep better" (a promise).
        if (verb.category !== 'promise' && /^\s+(?:(?:best|better)\b(?!\s+than\b)|(?:only|partly|differently|for some|in some)\b)/i.test(facts.text.slice(verb.end - at))) continue;
        if (isNegated(facts, verb) || isAttributed(facts, verb)) continue;
        if (verb.subject && (isNegated(facts, verb.subject) || isAttributed(facts, verb.subject))) continue;
        hits.push(toHit(facts, verb, knowledge));
        break; // One finding per sentence: the sentence is the claim.
      }
      if (!hits.length) {
        const rivalry = unmatchedComparison(facts, unmatched, treatmentNouns);
        if (rivalry) return [comparisonHit(facts, rivalry)];
        const outcome = absoluteOutcome(facts, outcomeStatements) ?? conditionResolves(facts, resolves, notBenefits);
        // A hedge or group qualifies the outcome only in its own clause: "Relief is instant: most people…" still claims instant relief.
        const qualified =
          outcome && ([...facts.hedges, ...facts.populations].some((q) => !CLAUSE_JOIN.test(between(facts, q, outcome))) || groupBefore(facts, outcome, groupWords, treatmentNouns));
        if (outcome && !qualified && !isNegated(facts, outcome) && !isAttributed(facts, outcome)) hits.push(outcomeHit(facts, outcome));
      }
      return hits;
    };
  },
};

/** Evidence words a few words into the claim's object ("delivers clinically proven results"), not in a coordinated clause ("cures X and has been proven to…"). */
function vouchesForObject(between: string): boolean {
  return wordCount(between) <= 3 && !CLAUSE_JOIN.test(between) && !/\b(?:and|but|or)\b/i.test(between);
}

/**
 * A hedge qualifies the claim when it stands before the verb, or after it in the
 * same clause ("works for some people"); not inside a relative clause that
 * describes something else ("the brain fog that so often comes with depression").
 */
function isHedged(facts: SentenceFacts, verb: ClaimVerb): boolean {
  const at = facts.sentence.start;
  return facts.hedges.some((h) =>
    h.start < verb.start
      ? // A hedge in an earlier clause ("Most people improve, and TMS is a powerful option…") does not reach this one.
        !CLAUSE_JOIN.test(facts.text.slice(h.end - at, (verb.subject?.start ?? verb.start) - at))
      : // …nor from a relative clause or a later clause ("Relief is instant: most people…").
        !/\b(?:that|which|who|whose|where|when)\b/i.test(facts.text.slice(verb.end - at, h.start - at)) && !CLAUSE_JOIN.test(facts.text.slice(verb.end - at, h.start - at)),
  );
}

/** "Relief is instant", "the benefits last forever", "results are permanent": a benefit as the subject, stated as absolute. */
const ABSOLUTE_BENEFIT = /\b(?<!side\s|adverse\s)(?:relief|results?|benefits?|effects?|improvements?|healing|recovery)(?:\s+(?:of|from)(?:\s+[\p{L}-]+){1,4}?)?\s+(?:(?:is|are|will be)\s+(?:instant|immediate|permanent|lifelong)|(?:lasts?|will last)\s+(?:forever|for good|for life|permanently|a lifetime))\b/iu;
const MAY_STATE_ABSOLUTE_BENEFIT = /\b(?:instant|immediate|permanent|lifelong|forever|for good|for life|permanently|lifetime)\b/i;

/**
 * A benefit stated as an absolute fact with no claim verb: "Relief is instant", "the
 * benefits last forever", or a treatment that "never loses its effect" / "never wears off".
 */
function absoluteOutcome(facts: SentenceFacts, outcomeStatements: PhraseMatcher<LexiconEntry>): Span | undefined {
  const at = facts.sentence.start;
  if (MAY_STATE_ABSOLUTE_BENEFIT.test(facts.text)) {
    const m = ABSOLUTE_BENEFIT.exec(facts.text);
    if (m) return { start: at + m.index, end: at + m.index + m[0].length };
  }
  // The treatment has to be named before the phrase in its clause ("CBD never loses its effect"), not just the symptom ("the pain never comes back").
  const statement = outcomeStatements.find(facts.text)[0];
  if (!statement) return undefined;
  const subject = facts.interventions.find((i) => i.end - at <= statement.start && !CLAUSE_JOIN.test(facts.text.slice(i.end - at, statement.start)) && wordCount(facts.text.slice(i.end - at, statement.start)) <= 3);
  return subject ? { start: subject.start, end: at + statement.end } : undefined;
}

/** "goes away on its own", "lifts slowly": the natural course of an illness, not a treatment's result. */
const NATURAL_COURSE = /^[^,;:]*\b(?:on (?:its|their) own|by (?:itself|themselves)|without treatment|naturally over time|with time|slowly|gradually)\b/i;
/** "if the pain goes away", "until the fog lifts", "once symptoms clear up": a condition the writer sets. */
const OPENS_CONDITION = /\b(?:if|unless|until|till|when|whether|once|as soon as)\b[^,;:\u2014\u2013]*$/i;

/**
 * "Your migraines are gone for good", "the fog lifts for every guest": a symptom as the subject of a
 * verb of ending, stated in the present as fact. Not a side effect that passes, not the natural course
 * of an illness, not a condition the writer sets.
 */
function conditionResolves(facts: SentenceFacts, resolves: PhraseMatcher<LexiconEntry>, notBenefits: PhraseMatcher<LexiconEntry>): Span | undefined {
  const at = facts.sentence.start;
  for (const m of resolves.find(facts.text)) {
    const condition = facts.conditions.find((c) => c.end - at <= m.start && /^\s+$/.test(facts.text.slice(c.end - at, m.start)));
    if (!condition) continue;
    const subjectText = facts.text.slice(condition.start - at, condition.end - at);
    if (notBenefits.test(subjectText) || NATURAL_COURSE.test(facts.text.slice(m.end))) continue;
    if (OPENS_CONDITION.test(facts.text.slice(0, condition.start - at))) continue;
    // "my back pain is gone": one writer's own experience, an anecdote rather than a claim for every reader.
    if (/\bmy\s+(?:[\p{L}-]+\s+)?$/iu.test(facts.text.slice(0, condition.start - at))) continue;
    return { start: condition.start, end: at + m.end };
  }
  return undefined;
}

/** "Few antidepressants", "nothing", "no pill", "no other treatment": rivals denied at the head of a clause. */
const DENIED_RIVALS = /(?:^|[,;:\u2014\u2013]\s*|\b(?:and|but|so|because|yet)\s+)["'\u201c\u2018]?(?:very few|few|not many|hardly any|no other|none of|nothing else|nothing|no|none)\b(?:\s+[\p{L}'\u2019-]+){0,4}?\s+$/iu;
/** What the comparison is won for: the treatment the sentence is about ("that", "it") or one named after the verb. */
const TOPIC_OBJECT = /^\s+(?:it|that|this|them|these|those|the (?:relief|results?|effects?|benefits?|power) of)\b/i;
/** "nothing works better than placebo", "no better than doing nothing": a comparison with no treatment claims no benefit. */
const NO_TREATMENT = /^\s+(?:a\s+)?(?:placebo|a sugar pill|doing nothing|nothing|no treatment|waiting)\b/i;

/**
 * "Few antidepressants can match that kind of staying power", "No pill can rival it", "Nothing works better than
 * cold water for sore muscles": the quantifier denies every rival, so the sentence claims the treatment is the best,
 * with no trial behind it. Not "few people can afford it" (no treatment after the verb) nor a comparison with placebo.
 */
function unmatchedComparison(facts: SentenceFacts, unmatched: PhraseMatcher<LexiconEntry>, treatmentNouns: PhraseMatcher<LexiconEntry>): Span | undefined {
  if (!facts.aboutHealth || facts.question) return undefined;
  const at = facts.sentence.start;
  for (const m of unmatched.find(facts.text)) {
    const rivals = DENIED_RIVALS.exec(facts.text.slice(0, m.start));
    if (!rivals) continue;
    const after = facts.text.slice(m.end);
    if (NO_TREATMENT.test(after)) continue;
    const named = [...facts.interventions.map((i) => i.start - at), ...treatmentNouns.find(facts.text).map((n) => n.start)].some(
      (s) => s >= m.end && wordCount(facts.text.slice(m.end, s)) <= 3 && !/[,;:.]/.test(facts.text.slice(m.end, s)),
    );
    // "…than cold water for sore muscles": a remedy compared for an illness named after it.
    const forIllness = facts.conditions.some((c) => c.start - at >= m.end && /^\s+(?:[\p{L}'\u2019-]+\s+){1,4}(?:for|against|with)\s+(?:[\p{L}'\u2019-]+\s+){0,2}$/iu.test(facts.text.slice(m.end, c.start - at)));
    if (!named && !forIllness && !(TOPIC_OBJECT.test(after) && (facts.topic.intervention || facts.interventions.length))) continue;
    const start = at + rivals.index + rivals[0].search(/[\p{L}]/u);
    const span = { start, end: at + m.end };
    // "It is not true that few pills can match it", "some say nothing works better": denied or reported as a whole.
    if (isNegated(facts, { start, end: start + 1 }) || isAttributed(facts, span)) continue;
    if (facts.hedges.some((h) => h.start >= span.start)) continue;
    return span;
  }
  return undefined;
}

function comparisonHit(facts: SentenceFacts, span: Span): RuleHit {
  const at = facts.sentence.start;
  const text = facts.text.slice(span.start - at, span.end - at).replace(/\s+/g, ' ');
  return {
    ...span,
    message: `"${text}" claims the treatment beats its rivals, with no trial that compared them. Name the comparison, the group and the source, or say it may help some people.`,
    suggestions: [],
  };
}

function outcomeHit(facts: SentenceFacts, span: Span): RuleHit {
  const at = facts.sentence.start;
  const text = facts.text.slice(span.start - at, span.end - at).replace(/\s+/g, ' ');
  return {
    ...span,
    message: `"${text}" states a benefit as certain, with no hedge, no group of patients, no size of effect and no source. Say who benefited, by how much and for how long, in which study.`,
    suggestions: [],
  };
}

/**
 * "100% of the time", "in 100 percent of users", "kills 99.9% of germs": a perfect or all-but-perfect rate makes a claim absolute; it does not limit it.
 * "works twice as well", "three times faster": a multiple compares, with no group and no measure behind it.
 */
function isUniversal(n: NumberMention): boolean {
  return ((n.kind === 'percent' || n.kind === 'fraction') && (n.value ?? 0) >= 99) || n.kind === 'multiple';
}

/**
 * "Most patients feel better within days, and the improvement is permanent": a group that opens an earlier
 * clause is who "the improvement" belongs to. A group only after the outcome ("Relief is instant: most people…")
 * does not limit it.
 */
function groupBefore(facts: SentenceFacts, outcome: Span, groupWords: PhraseMatcher<LexiconEntry>, treatmentNouns: PhraseMatcher<LexiconEntry>): boolean {
  const at = facts.sentence.start;
  const head = facts.text.slice(0, outcome.start - at);
  if (facts.populations.some((p) => p.end <= outcome.start)) return true;
  // Matches in the whole sentence, kept before the outcome: asking the shared matchers about a fragment would redo the sentence's scan for every rule after.
  const before = (m: { end: number }) => m.end <= head.length;
  const nouns = treatmentNouns.find(facts.text).filter(before);
  // "A few sessions and your anxiety melts away": a count of treatments or of time, not a group of people.
  const counted = (g: { end: number }) => nouns.some((n) => n.start > g.end && !head.slice(g.end, n.start).trim()) || TIME_UNIT_NEXT.test(head.slice(g.end));
  return groupWords
    .find(facts.text)
    .filter(before)
    .some((g) => /^(?:\s*|.*(?:[;:\u2014\u2013]|,\s+(?:and|but|so|because)\s|\bbecause\s)\s*)$/i.test(head.slice(0, g.start)) && /^\s+(?!of\b)[\p{L}]/u.test(head.slice(g.end)) && !counted(g));
}

const TIME_UNIT_NEXT = /^\s+(?:minutes?|hours?|days?|weeks?|months?|years?|times?)\b/i;

/** The text between two spans, whichever comes first. */
function between(facts: SentenceFacts, a: Span, b: Span): string {
  const at = facts.sentence.start;
  return a.end <= b.start ? facts.text.slice(a.end - at, b.start - at) : b.end <= a.start ? facts.text.slice(b.end - at, a.start - at) : '';
}

/** A contrast clause after the claim that says how soon its effect ends ("…, but the relief fades within the hour") or how weak its evidence is ("…, though studies are small"). */
function endsWithItsLimit(facts: SentenceFacts, verb: ClaimVerb, effectEnds: PhraseMatcher<LexiconEntry>): boolean {
  const at = facts.sentence.start;
  const contrast = /\b(?:but|though|although|yet|however)\b/i.exec(facts.text.slice(verb.end - at));
  if (!contrast) return false;
  const from = verb.end - at + contrast.index;
  return effectEnds.find(facts.text).some((m) => m.start >= from);
}

/** No clause join ("; ", ", and ", ": ") between the qualifier and the claim (its subject and verb). */
function sameClause(facts: SentenceFacts, qualifier: Span, verb: ClaimVerb): boolean {
  const at = facts.sentence.start;
  const claimStart = verb.subject?.start ?? verb.start;
  const between = qualifier.end <= claimStart ? facts.text.slice(qualifier.end - at, claimStart - at) : qualifier.start >= verb.end ? facts.text.slice(verb.end - at, qualifier.start - at) : '';
  return !CLAUSE_JOIN.test(between);
}

const LEADING_DETERMINER = /^(?:The|This|These|That|Those|Our|Your|Their|Its|Each|Every|A|An|Regular|Weekly|Daily)\b/;

function toHit(facts: SentenceFacts, verb: ClaimVerb, knowledge: Knowledge): RuleHit {
  const at = facts.sentence.start;
  const start = verb.subject?.start ?? verb.start;
  const end = verb.object && verb.object.start - verb.end <= 24 ? verb.object.end : verb.end;
  const spanText = facts.text.slice(start - at, end - at);
  // Mid-sentence in the message: "that the capsules rebuild…", not "that The capsules…".
  const who = verb.subject && (verb.subject.via === 'name' ? facts.text.slice(verb.subject.start - at, verb.subject.end - at) : verb.subject.name).replace(LEADING_DETERMINER, (d) => d.toLowerCase());
  const claim = `${verb.cue.toLowerCase()}${verb.object ? ' ' + facts.text.slice(verb.object.start - at, verb.object.end - at) : ''}`;
  const suggestions: Suggestion[] = (verb.entry.replacements ?? []).map((r) => {
    const verbAt = verb.start - start;
    const replacement = spanText.slice(0, verbAt) + matchCase(verb.cue, r) + spanText.slice(verbAt + verb.cue.length);
    return { title: `Soften to "${replacement.replace(/\s+/g, ' ')}"`, replacement, preferred: true };
  });
  // With a pack finding for the treatment: say what the evidence shows instead, with its source.
  const evidenceBacked = packRewording(knowledge, facts, { start, end });
  if (evidenceBacked) suggestions.push(evidenceBacked);
  return {
    start,
    end,
    message:
      (who ? `This states as fact that ${who} ${claim}, ` : `This states \u201c${claim}\u201d as fact, `) +
      'with no hedge, no group of patients, no size of effect and no source. Say who benefited, by how much and in which study, or soften the claim.',
    suggestions,
  };
}
