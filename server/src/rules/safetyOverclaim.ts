// safety-overclaim: "no side effects", "completely safe", "risk-free",
// "non-addictive", "no downtime" asserted about a treatment.

import type { RuleDefinition } from './rule.js';
import { assertedTerms, quote, replacementsFor } from './termMatches.js';

export const safetyOverclaim: RuleDefinition = {
  id: 'safety-overclaim',
  title: 'Safety overclaim',
  description: 'Claims such as "no side effects", "completely safe", "risk-free" or "non-addictive".',
  defaultSeverity: 'error',
  create(knowledge, analyzer) {
    const terms = analyzer.sentenceMatcher(knowledge.lexicons['safety-overclaim']);
    return (facts) =>
      assertedTerms(facts, terms)
        // "No treatment is risk-free" is careful writing: the negation is the sentence's subject.
        .filter((t) => !/(?:^|[,;:]\s+|\b(?:and|but|because|since|that|as)\s+)(?:no|few|not every|not all|nothing|never)\s+(?:\w+\s+){0,3}(?:is|are|can be|comes?)\s+(?:\w+\s+)?$/i.test(facts.text.slice(0, t.start - facts.sentence.start)))
        // "Try it risk-free for 30 nights" is a money-back offer, not a safety claim.
        .filter((t) => !(/risk/i.test(t.text) && /\b(?:refund|money[- ]back|trial|return it|nights|days)\b/i.test(facts.text)))
        .map((t) => {
          const fix = replacementsFor(t, facts);
          return {
            ...fix.span,
            message: `${quote(t.text)} tells readers there is nothing to watch for. ${t.entry.note ?? 'Name the common side effects and who should not use it.'}`.replace(/\s+/g, ' ').trim(),
            suggestions: fix.suggestions,
          };
        });
  },
};
