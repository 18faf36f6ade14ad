// Shared by the rules that start from a lexicon of terms (hype, absolutes,
// safety, evidence words): find the terms in a sentence and keep only those the
// writer asserts in their own voice.

import { isAttributed, isNegated, type SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import type { LexiconEntry } from '../core/knowledge/lexicons.js';
import type { PhraseMatch, PhraseMatcher } from '../core/text/phrases.js';
import type { Suggestion } from '../core/types.js';

export interface AssertedTerm {
  start: number;
  end: number;
  text: string;
  entry: LexiconEntry;
}

/** Terms of the lexicon the sentence asserts: not negated, not attributed, not in a question. */
export function assertedTerms(facts: SentenceFacts, matcher: PhraseMatcher<LexiconEntry>): AssertedTerm[] {
  if (facts.question) return [];
  const at = facts.sentence.start;
  const terms = matcher.find(facts.text).map((m: PhraseMatch<LexiconEntry>) => ({ start: at + m.start, end: at + m.end, text: m.text, entry: m.entry }));
  // A negation word inside another matched term ("no side effects and completely safe") negates nothing.
  return terms.filter((t) => !isNegated(facts, t, terms) && !isAttributed(facts, t, { reportedSpeech: false }));
}

/** Quick fixes that replace the term, keeping its capitalisation. */
export function replacementsFor(term: AssertedTerm, sourceText: string): Suggestion[] {
  const options = term.entry.replacements ?? [];
  return options.map((r) => {
    const replacement = matchCase(sourceText, r);
    return { title: `Replace "${sourceText}" with "${replacement}"`, replacement, preferred: options.length === 1 };
  });
}

export function matchCase(original: string, replacement: string): string {
  if (/^[A-Z]/.test(original) && /^[a-z]/.test(replacement)) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

export function quote(text: string): string {
  return `\u201c${text.replace(/\s+/g, ' ').trim()}\u201d`;
}
