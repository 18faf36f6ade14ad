// hype: promotional words ("miracle", "magic bullet", "breakthrough") used
// in the writer's own voice about a treatment.

import type { RuleDefinition } from './rule.js';
import { assertedTerms, isInDocumentName, isInProperName, quote, replacementsFor } from './termMatches.js';

export const hype: RuleDefinition = {
  id: 'hype',
  title: 'Hype',
  description: 'Promotional words such as "miracle", "magic bullet" or "breakthrough" that present a treatment as extraordinary.',
  defaultSeverity: 'warning',
  create(knowledge, analyzer) {
    const terms = analyzer.sentenceMatcher(knowledge.lexicons.hype, ['']);
    // "breakthrough pain", "Breakthrough Therapy designation": clinical and regulatory terms, not praise.
    const technicalTerms = analyzer.sentenceMatcher(knowledge.lexicons.hype, ['technical-term']);
    // "nothing short of life-changing": affirms the word after it.
    const intensifiers = analyzer.sentenceMatcher(knowledge.lexicons.hype, ['intensifier']);
    return (facts, document) => {
      const at = facts.sentence.start;
      const technical = technicalTerms.find(facts.text).map((m) => ({ start: at + m.start, end: at + m.end }));
      return assertedTerms(facts, terms, intensifiers)
        .filter((t) => !technical.some((s) => s.start <= t.start && t.end <= s.end))
        // "the Glow Miracle Wand": a word in a product's name is not the writer's praise.
        .filter((t) => !isInProperName(facts, t))
        // "Miracle Pulse 2 is…", "## Miracle Pulse 2 vs. …": where capitals cannot tell, the document's other uses of the name can.
        .filter((t) => !isInDocumentName(facts, t, document.names))
        .map((t) => {
          const fix = replacementsFor(t, facts);
          return {
            ...fix.span,
            message: `${quote(t.text)} sells the treatment instead of describing it. ${t.entry.note ?? ''} Say what studies found, for whom and how much.`.replace(/\s+/g, ' ').trim(),
            suggestions: fix.suggestions,
          };
        });
    };
  },
};
