// absolute-language: "always", "everyone", "100%", "instantly", "permanently"
// when they describe what a treatment does, not when they instruct the reader.

import { wordCount } from '../core/analysis/claimAnalyzer.js';
import type { RuleDefinition } from './rule.js';
import { assertedTerms, quote, replacementsFor } from './termMatches.js';

export const absoluteLanguage: RuleDefinition = {
  id: 'absolute-language',
  title: 'Absolute language about outcomes',
  description: 'Words such as "always", "everyone", "100%", "instantly" or "permanently" used to describe treatment outcomes.',
  defaultSeverity: 'warning',
  create(knowledge, analyzer) {
    const terms = analyzer.sentenceMatcher(knowledge.lexicons['absolute-language']);
    const safety = analyzer.sentenceMatcher(knowledge.lexicons['safety-overclaim']);
    return (facts) => {
      if (facts.instruction || !facts.aboutHealth) return [];
      const at = facts.sentence.start;
      const safetySpans = safety.find(facts.text).map((m) => ({ start: at + m.start, end: at + m.end }));
      return assertedTerms(facts, terms)
        // Leave "completely safe" to the safety rule.
        .filter((t) => !safetySpans.some((s) => s.start < t.end && t.start < s.end))
        // "not for everyone", "not to everyone": a negation reaching across a preposition.
        .filter((t) => !/\bnot\s+(?:for\s+|to\s+)?$/i.test(facts.text.slice(0, t.start - at)))
        // The absolute has to be about an outcome: an outcome word near it in the sentence.
        .filter((t) => nearOutcome(facts.text, t.start - at, t.end - at, (s) => analyzer.isOutcomeWord(s)))
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

function nearOutcome(text: string, start: number, end: number, isOutcome: (s: string) => boolean): boolean {
  const before = text.slice(0, start).split(/[;:\u2014]/).pop() ?? '';
  const after = text.slice(end).split(/[;:\u2014]/)[0] ?? '';
  const window = lastWords(before, 6) + ' ' + firstWords(after, 6);
  return isOutcome(window) && wordCount(window) > 0;
}

function lastWords(text: string, n: number): string {
  return text.split(/\s+/).slice(-n).join(' ');
}

function firstWords(text: string, n: number): string {
  return text.split(/\s+/).slice(0, n + 1).join(' ');
}
