// unqualified-efficacy: a direct causal benefit claim about an intervention
// with nothing that qualifies it: no hedge, no population, no size of effect
// and no source ("Ketamine cures depression.").

import { isAttributed, isCited, isMagnitudeStated, isNegated, type ClaimVerb, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import type { Suggestion } from '../core/types.js';
import type { RuleDefinition, RuleHit } from './rule.js';
import { matchCase } from './termMatches.js';

export const unqualifiedEfficacy: RuleDefinition = {
  id: 'unqualified-efficacy',
  title: 'Unqualified efficacy claim',
  description: 'A treatment is said to work (cure, treat, relieve, reverse) with no hedge, population, effect size or source.',
  defaultSeverity: 'warning',
  create() {
    return (facts) => {
      if (facts.question || facts.instruction) return [];
      if (facts.hedges.length || facts.populations.length || isMagnitudeStated(facts) || isCited(facts)) return [];
      const hits: RuleHit[] = [];
      for (const verb of facts.claimVerbs) {
        if (verb.category === 'correlational' || verb.category === 'harm') continue;
        const intrinsic = verb.category !== 'benefit-directional';
        if (!verb.subject && !(intrinsic && verb.object)) continue;
        if (isNegated(facts, verb) || isAttributed(facts, verb)) continue;
        if (verb.subject && (isNegated(facts, verb.subject) || isAttributed(facts, verb.subject))) continue;
        hits.push(toHit(facts, verb));
        break; // One finding per sentence: the sentence is the claim.
      }
      return hits;
    };
  },
};

function toHit(facts: SentenceFacts, verb: ClaimVerb): RuleHit {
  const at = facts.sentence.start;
  const start = verb.subject?.start ?? verb.start;
  const end = verb.object && verb.object.start - verb.end <= 24 ? verb.object.end : verb.end;
  const spanText = facts.text.slice(start - at, end - at);
  const who = verb.subject ? verb.subject.name : 'this treatment';
  const suggestions: Suggestion[] = (verb.entry.replacements ?? []).map((r) => {
    const verbAt = verb.start - start;
    const replacement = spanText.slice(0, verbAt) + matchCase(verb.cue, r) + spanText.slice(verbAt + verb.cue.length);
    return { title: `Soften to "${replacement.replace(/\s+/g, ' ')}"`, replacement, preferred: true };
  });
  return {
    start,
    end,
    message:
      `This states as fact that ${who} ${verb.cue.toLowerCase()}${verb.object ? ' ' + facts.text.slice(verb.object.start - at, verb.object.end - at) : ''}, ` +
      'with no hedge, no group of patients, no size of effect and no source. Say who benefited, by how much and in which study, or soften the claim.',
    suggestions,
  };
}
