// unqualified-efficacy: a direct causal benefit claim about an intervention
// with nothing that qualifies it: no hedge, no population, no size of effect
// and no source ("Ketamine cures depression.").

import { CLAUSE_JOIN, isAttributed, isCited, isNegated, type ClaimVerb, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import { isMagnitude } from '../core/analysis/numbers.js';
import { packRewording } from '../core/evidence/evidenceFixes.js';
import type { Knowledge } from '../core/knowledge/knowledge.js';
import type { Span, Suggestion } from '../core/types.js';
import type { RuleDefinition, RuleHit } from './rule.js';
import { matchCase } from './termMatches.js';

export const unqualifiedEfficacy: RuleDefinition = {
  id: 'unqualified-efficacy',
  title: 'Unqualified efficacy claim',
  description: 'A treatment is said to work (cure, treat, relieve, reverse) with no hedge, population, effect size or source.',
  defaultSeverity: 'warning',
  create(knowledge, analyzer) {
    const evidenceWords = analyzer.sentenceMatcher(knowledge.lexicons['overstated-evidence']);
    return (facts, document) => {
      // An instruction ("Ask your doctor…") claims nothing, unless it ends in a promise ("Take them nightly and your anxiety will be gone").
      if (facts.question || (facts.instruction && !facts.claimVerbs.some((v) => v.category === 'promise'))) return [];
      if (isCited(facts)) return [];
      // A source cited later in the paragraph qualifies the claims before it.
      if (document.citedFrom(facts.sentence.start)) return [];
      // "Research proves that X cures Y", "studies show it works": the claim rests on evidence words, which other rules judge.
      const at = facts.sentence.start;
      const evidenceAt = [...facts.studyClaims.map((c) => c.start - at), ...evidenceWords.find(facts.text).map((m) => m.start)];
      const hits: RuleHit[] = [];
      for (const verb of facts.claimVerbs) {
        if (verb.category === 'correlational' || verb.category === 'harm') continue;
        if (evidenceAt.some((e) => e < verb.start - at)) continue;
        if (isHedged(facts, verb)) continue;
        // A population or a size of effect qualifies the claim in its own clause, not one joined to it ("70% of patients respond, and X cures Y").
        if (facts.populations.some((p) => sameClause(facts, p, verb)) || facts.numbers.some((n) => isMagnitude(n) && sameClause(facts, n, verb))) continue;
        // A promise to the reader ("you'll feel lighter") needs no named treatment; other claims need a subject or a condition as object.
        if (verb.category !== 'promise' && !verb.subject && !verb.object) continue;
        // "how it works", "why ketamine helps": an embedded question, not a claim ("which is why it works" gives a reason and claims).
        const lead = facts.text.slice(0, (verb.subject?.start ?? verb.start) - at);
        if (/\b(?:how|why|whether|if|what)\s+(?:\w+\s+){0,2}$/i.test(lead) && !/\b(?:which|that|this)(?:\s+is|'s|\u2019s)\s+why\s+(?:\w+\s+){0,2}$/i.test(lead)) continue;
        // "works best alongside therapy", "works only for some": a qualified comparison.
        // Not "works better than antidepressants" (a comparison claimed as fact) nor "you'll sleep better" (a promise).
        if (verb.category !== 'promise' && /^\s+(?:(?:best|better)\b(?!\s+than\b)|(?:only|partly|differently|for some|in some)\b)/i.test(facts.text.slice(verb.end - at))) continue;
        if (isNegated(facts, verb) || isAttributed(facts, verb)) continue;
        if (verb.subject && (isNegated(facts, verb.subject) || isAttributed(facts, verb.subject))) continue;
        hits.push(toHit(facts, verb, knowledge));
        break; // One finding per sentence: the sentence is the claim.
      }
      return hits;
    };
  },
};

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

/** No clause join ("; ", ", and ", ": ") between the qualifier and the claim (its subject and verb). */
function sameClause(facts: SentenceFacts, qualifier: Span, verb: ClaimVerb): boolean {
  const at = facts.sentence.start;
  const claimStart = verb.subject?.start ?? verb.start;
  const between = qualifier.end <= claimStart ? facts.text.slice(qualifier.end - at, claimStart - at) : qualifier.start >= verb.end ? facts.text.slice(verb.end - at, qualifier.start - at) : '';
  return !CLAUSE_JOIN.test(between);
}

function toHit(facts: SentenceFacts, verb: ClaimVerb, knowledge: Knowledge): RuleHit {
  const at = facts.sentence.start;
  const start = verb.subject?.start ?? verb.start;
  const end = verb.object && verb.object.start - verb.end <= 24 ? verb.object.end : verb.end;
  const spanText = facts.text.slice(start - at, end - at);
  const who = verb.subject ? (verb.subject.via === 'name' ? facts.text.slice(verb.subject.start - at, verb.subject.end - at) : verb.subject.name) : 'this treatment';
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
      `This states as fact that ${who} ${verb.cue.toLowerCase()}${verb.object ? ' ' + facts.text.slice(verb.object.start - at, verb.object.end - at) : ''}, ` +
      'with no hedge, no group of patients, no size of effect and no source. Say who benefited, by how much and in which study, or soften the claim.',
    suggestions,
  };
}
