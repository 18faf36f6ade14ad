// hype: promotional words ("miracle", "magic bullet", "breakthrough") used
// in the writer's own voice about a treatment.

import type { RuleDefinition } from './rule.js';
import { assertedTerms, quote, replacementsFor } from './termMatches.js';

export const hype: RuleDefinition = {
  id: 'hype',
  title: 'Hype',
  description: 'Promotional words such as "miracle", "magic bullet" or "breakthrough" that present a treatment as extraordinary.',
  defaultSeverity: 'warning',
  create(knowledge, analyzer) {
    const terms = analyzer.sentenceMatcher(knowledge.lexicons.hype);
    return (facts) =>
      assertedTerms(facts, terms)
        // "breakthrough infection", "breakthrough pain" and "breakthrough bleeding" are clinical terms, not praise.
        .filter((t) => !(/^breakthrough/i.test(t.text) && /^\s+(?:infections?|pain|bleeding|seizures?|symptoms?|episodes?)\b/i.test(facts.text.slice(t.end - facts.sentence.start, t.end - facts.sentence.start + 16))))
        .map((t) => {
          const fix = replacementsFor(t, facts);
          return {
            ...fix.span,
            message: `${quote(t.text)} sells the treatment instead of describing it. ${t.entry.note ?? ''} Say what studies found, for whom and how much.`.replace(/\s+/g, ' ').trim(),
            suggestions: fix.suggestions,
          };
        });
  },
};
