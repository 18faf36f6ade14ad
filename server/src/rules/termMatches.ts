// Shared by the rules that start from a lexicon of terms (hype, absolutes,
// safety, evidence words): find the terms in a sentence and keep only those the
// writer asserts in their own voice.

import { replacementTitle } from './rule.js';
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

/**
 * Terms of the lexicon the sentence asserts: not negated, not attributed, not in a question.
 * `affirming` phrases ("nothing short of") hold a negation word that negates nothing.
 */
export function assertedTerms(facts: SentenceFacts, matcher: PhraseMatcher<LexiconEntry>, affirming?: PhraseMatcher<LexiconEntry>): AssertedTerm[] {
  if (facts.question) return [];
  const at = facts.sentence.start;
  const terms = matcher.find(facts.text).map((m: PhraseMatch<LexiconEntry>) => ({ start: at + m.start, end: at + m.end, text: m.text, entry: m.entry }));
  // A negation word inside another matched term ("no side effects and completely safe") negates nothing.
  const ignore = affirming && terms.length ? [...terms, ...affirming.find(facts.text).map((m) => ({ start: at + m.start, end: at + m.end }))] : terms;
  return terms.filter((t) => !isNegated(facts, t, ignore) && !isAttributed(facts, t, { reportedSpeech: false }));
}

/**
 * Quick fixes that replace exactly the term, keeping its capitalisation. When
 * an article stands before the term, a rewording that brings its own drops it
 * ("is a magic bullet" -> "is a treatment option", never "is a a ..."), and one
 * whose first word would need the other article ("a" before "option") is not
 * offered, since the fix may not touch text outside the finding.
 */
export function replacementsFor(term: AssertedTerm, facts: SentenceFacts): { span: { start: number; end: number }; suggestions: Suggestion[] } {
  const at = facts.sentence.start;
  const article = /\b(a|an|the)\s+$/i.exec(facts.text.slice(Math.max(0, term.start - at - 5), term.start - at))?.[1]?.toLowerCase();
  const options = (term.entry.replacements ?? [])
    .map((r) => (article ? r.replace(/^(?:a|an|the)\s+/i, '') : r))
    .filter((r) => !article || article === 'the' || (article === 'an') === /^[aeiou]/i.test(r));
  const suggestions = options.map((r) => {
    const replacement = matchCase(term.text, r);
    return { title: replacementTitle(term.text, replacement), replacement, preferred: options.length === 1 };
  });
  return { span: { start: term.start, end: term.end }, suggestions };
}

export function matchCase(original: string, replacement: string): string {
  if (/^[A-Z]/.test(original) && /^[a-z]/.test(replacement)) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

export function quote(text: string): string {
  return `\u201c${text.replace(/\s+/g, ' ').trim()}\u201d`;
}

const CAPITALISED = /^[A-Z]/;

/**
 * Whether a capitalised term sits inside a capitalised name in running text
 * ("the handheld Glow Miracle Wand"): a neighbouring word is capitalised too,
 * the term does not open the sentence, and the sentence is not in title case
 * (where every word is capitalised and a name cannot be told apart).
 */
export function isInProperName(facts: SentenceFacts, term: { start: number; end: number; text: string }): boolean {
  if (!CAPITALISED.test(term.text)) return false;
  const at = facts.sentence.start;
  const before = facts.text.slice(0, term.start - at);
  if (!/[\p{L}\p{N}]/u.test(before)) return false;
  const words = facts.text.match(/[\p{L}][\p{L}'\u2019-]{3,}/gu) ?? [];
  if (words.filter((w) => CAPITALISED.test(w)).length * 2 >= words.length) return false;
  // The sentence's first word is capitalised anyway, so it says nothing about a name.
  const previousMatch = /([\p{L}\p{N}][\p{L}\p{N}'\u2019&+-]*)\s$/u.exec(before);
  const previous = previousMatch && /[\p{L}\p{N}]/u.test(before.slice(0, previousMatch.index)) ? previousMatch[1] : undefined;
  const next = /^\s([\p{L}\p{N}][\p{L}\p{N}'\u2019&+-]*)/u.exec(facts.text.slice(term.end - at))?.[1];
  return [previous, next].some((w) => w !== undefined && CAPITALISED.test(w));
}

/**
 * Whether a capitalised term is part of a name the document uses elsewhere
 * ("Miracle Pulse 2 is…" at the start of a sentence, a heading, a table header):
 * the name is longer than the term, and written with its capitals here too.
 * "Miracle Cure" in capitals is still the phrase, not a name.
 */
export function isInDocumentName(facts: SentenceFacts, term: { start: number; end: number; text: string }, names: ReadonlySet<string>): boolean {
  if (names.size === 0 || !CAPITALISED.test(term.text)) return false;
  const at = facts.sentence.start;
  const termWords = term.text.toLowerCase().split(/\s+/);
  for (const name of names) {
    const words = name.split(' ');
    if (words.length <= termWords.length || !termWords.every((w) => words.includes(w))) continue;
    const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gi');
    for (let m = pattern.exec(facts.text); m; m = pattern.exec(facts.text)) {
      const start = at + m.index;
      const covers = start <= term.start && term.end <= start + m[0].length;
      if (covers && m[0].split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w))) return true;
    }
  }
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
