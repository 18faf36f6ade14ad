// absolute-language: "always", "everyone", "100%", "instantly", "permanently"
// when they describe what a treatment does, not when they instruct the reader.

import { CLAUSE_JOIN, wordCount, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import type { RuleDefinition } from './rule.js';
import { assertedTerms, quote, replacementsFor, type AssertedTerm } from './termMatches.js';

export const absoluteLanguage: RuleDefinition = {
  id: 'absolute-language',
  title: 'Absolute language about outcomes',
  description: 'Words such as "always", "everyone", "100%", "instantly" or "permanently" used to describe treatment outcomes.',
  defaultSeverity: 'warning',
  create(knowledge, analyzer) {
    const terms = analyzer.sentenceMatcher(knowledge.lexicons['absolute-language']);
    const safety = analyzer.sentenceMatcher(knowledge.lexicons['safety-overclaim']);
    const treatmentNouns = analyzer.sentenceMatcher(knowledge.lexicons.references, ['treatment-noun']);
    return (facts) => {
      if (!facts.aboutHealth) return [];
      // An instruction claims nothing, unless it ends in a promise ("Take them nightly and your pain will be gone for good").
      const promise = facts.instruction ? facts.claimVerbs.find((v) => v.category === 'promise') : undefined;
      if (facts.instruction && !promise) return [];
      const at = facts.sentence.start;
      const safetySpans = safety.find(facts.text).map((m) => ({ start: at + m.start, end: at + m.end }));
      const treatments = [...facts.interventions, ...treatmentNouns.find(facts.text).map((m) => ({ start: at + m.start, end: at + m.end }))];
      return assertedTerms(facts, terms)
        .filter((t) => !promise || t.start >= promise.start)
        // Leave "completely safe" to the safety rule.
        .filter((t) => !safetySpans.some((s) => s.start < t.end && t.start < s.end))
        // "not for everyone", "not to everyone": a negation reaching across a preposition.
        .filter((t) => !/\bnot\s+(?:for\s+|to\s+)?$/i.test(facts.text.slice(0, t.start - at)))
        // The absolute has to be about an outcome.
        .filter((t) => {
          switch (t.entry.category) {
            case 'outcome-statement': // "never wears off" says what the outcome is.
              return true;
            case 'quantifier': // "every capsule restores": only as the subject of a claim.
              return opensClaim(facts, t);
            case 'treatment-need': // "never need another infusion", not "never need a referral".
              return treatments.some((s) => s.start >= t.end && wordCount(facts.text.slice(t.end - at, s.start - at)) <= 3);
            default:
              return nearOutcome(facts.text, t.start - at, t.end - at, (s) => analyzer.isOutcomeWord(s)) || opensClaim(facts, t);
          }
        })
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

/**
 * Whether the term stands in the subject of a benefit claim later in its clause:
 * "Anyone who sticks with the plan will lose weight", "Every dose restores…".
 */
function opensClaim(facts: SentenceFacts, term: AssertedTerm): boolean {
  const at = facts.sentence.start;
  return facts.claimVerbs.some(
    (v) =>
      v.category !== 'correlational' &&
      v.category !== 'harm' &&
      (v.category === 'promise' || v.subject || v.object) &&
      v.start >= term.end &&
      wordCount(facts.text.slice(term.end - at, v.start - at)) <= 10 &&
      !CLAUSE_JOIN.test(facts.text.slice(term.end - at, v.start - at)),
  );
}

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
