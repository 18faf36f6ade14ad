// overstated-evidence: "proven", "research proves", "clearly shows",
// "widely accepted", "consistently found", "among the most effective ever".

import type { RuleDefinition } from './rule.js';
import { assertedTerms, quote, replacementsFor } from './termMatches.js';

export const overstatedEvidence: RuleDefinition = {
  id: 'overstated-evidence',
  title: 'Overstated evidence',
  description: 'Words such as "proven", "clearly shows", "widely accepted" or "consistently found" that make evidence sound settled.',
  defaultSeverity: 'warning',
  create(knowledge, analyzer) {
    const terms = analyzer.sentenceMatcher(knowledge.lexicons['overstated-evidence']);
    return (facts) => {
      if (!facts.aboutHealth) return [];
      return assertedTerms(facts, terms)
        // "yet to be proven", "before it can be proven": the proof is still missing.
        .filter((t) => !/\b(?:yet to be|before (?:it|they) (?:can|could) be|needs? to be|until|if|whether)\s+$/i.test(facts.text.slice(0, t.start - facts.sentence.start)))
        .map((t) => {
          const fix = replacementsFor(t, facts);
          return {
            ...fix.span,
            message: `${quote(t.text)} makes the evidence sound more certain than research can be. ${t.entry.note ?? ''}`.replace(/\s+/g, ' ').trim(),
            suggestions: fix.suggestions,
          };
        });
    };
  },
};
