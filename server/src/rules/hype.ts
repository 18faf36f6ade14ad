// hype: promotional words ("miracle", "magic bullet", "breakthrough") used
// in the writer's own voice about a treatment.

import type { SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import type { Span } from '../core/types.js';
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
    // "…,” she told us", "said in a statement": a reporter passing on someone's words.
    const quoteAttributions = analyzer.sentenceMatcher(knowledge.lexicons.reporting, ['quote-attribution']);
    return (facts, document) => {
      const at = facts.sentence.start;
      const technical = technicalTerms.find(facts.text).map((m) => ({ start: at + m.start, end: at + m.end }));
      return assertedTerms(facts, terms, intensifiers)
        .filter((t) => !technical.some((s) => s.start <= t.start && t.end <= s.end))
        // A patient's or an executive's praise that a reporter quotes and ties to its occasion is theirs, not the writer's.
        .filter((t) => !(isReportedWords(facts, t) && quoteAttributions.test(facts.text)))
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

/** Words inside a quotation, or governed by a reporting verb in the same clause ("he called his first experience life changing"). */
function isReportedWords(facts: SentenceFacts, term: Span): boolean {
  if (facts.quotes.some((q) => q.start <= term.start && term.end <= q.end)) return true;
  const at = facts.sentence.start;
  return facts.attributions.some((a) => a.category === 'reporting-verb' && a.end <= term.start && !CLAUSE_PUNCTUATION.test(facts.text.slice(a.end - at, term.start - at)));
}

const CLAUSE_PUNCTUATION = /[,;:.!?()\u2014\u2013]/;
