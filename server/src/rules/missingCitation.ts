// missing-citation: a statistic about health outcomes, or a claim about what
// studies show, with no source in the sentence or its paragraph. With an
// evidence pack, the fixes offer matching sources ("Add source").

import { isNegated, wordCount, type ClaimAnalyzer, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import { addSourceSuggestions } from '../core/evidence/evidenceFixes.js';
import type { NumberMention, Span } from '../core/types.js';
import type { RuleDefinition } from './rule.js';
import { quote } from './termMatches.js';

const STATISTIC_KINDS: ReadonlySet<NumberMention['kind']> = new Set(['percent', 'fraction', 'range', 'effect-size', 'multiple']);

export const missingCitation: RuleDefinition = {
  id: 'missing-citation',
  title: 'Missing citation',
  description: 'A statistic or a claim about what studies show, with no source in the sentence or its paragraph.',
  defaultSeverity: 'information',
  create(knowledge, analyzer) {
    // Words that claim what studies showed need a source; superlatives are overstated-evidence's business.
    const evidenceWords = analyzer.sentenceMatcher(knowledge.lexicons['overstated-evidence'], ['proof', 'confirmation', 'certainty', 'consensus', 'consistency']);
    return (facts, document) => {
      if (facts.question || facts.instruction || document.block.kind === 'heading') return [];
      if (document.referenceEntry) return [];
      if (facts.analysis.cited || document.citedFrom(facts.sentence.start)) return [];
      // A named source ("published in JAMA", "the trial found", "according to the CDC") is a source readers can find.
      if (document.paragraphNamesSource || /\baccording to (?:the )?[A-Z]/.test(facts.text) || facts.citations.some((c) => c.kind === 'named-study')) return [];
      const at = facts.sentence.start;
      const evidence = evidenceWords
        .find(facts.text)
        .map((m) => ({ start: at + m.start, end: at + m.end }))
        .find((span) => !isNegated(facts, span) && !/\b(?:before|until|if|whether)\b/i.test(facts.text.slice(0, span.start - at)));
      const trigger: Span | undefined = facts.studyClaims[0] ?? evidence ?? statistic(facts, analyzer);
      if (!trigger) return [];
      return [
        {
          start: trigger.start,
          end: trigger.end,
          message: `${quote(facts.text.slice(trigger.start - at, trigger.end - at))} has no source. Readers cannot check a figure or a "studies show" claim they cannot trace: cite the study (a footnote, "(Author, Year)" or a link to its DOI or PubMed record).`,
          suggestions: addSourceSuggestions(knowledge, facts, trigger),
        },
      ];
    };
  },
};

/** A figure about outcomes, next to an outcome word; not a count of the writer's own operations or of a trial's size. */
function statistic(facts: SentenceFacts, analyzer: ClaimAnalyzer): NumberMention | undefined {
  const at = facts.sentence.start;
  return facts.numbers.find((n) => {
    if (!STATISTIC_KINDS.has(n.kind)) return false;
    const before = facts.text.slice(0, n.start - at).split(/\s+/).slice(-6).join(' ');
    const after = facts.text.slice(n.end - at).split(/[;:]/)[0]!.split(/\s+/).slice(0, 10).join(' ');
    if (/\b(?:safe|natural|organic|pure|vegan)\b/i.test(after.split(/\s+/).slice(0, 2).join(' '))) return false;
    return wordCount(before + after) > 0 && analyzer.isOutcomeWord(`${before} ${after}`);
  });
}
