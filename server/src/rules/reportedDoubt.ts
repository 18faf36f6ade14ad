// A figure or finding the writer passes on from someone else and then doubts ("One woman told me it worked for
// 70% of patients. I have no idea where she got that."): examined, not asserted. Shared by missing-citation and
// evidence-mismatch; the doubt words are the `reported-doubt` entries of the citations lexicon.

import type { SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import type { DocumentContext } from '../core/documentContext.js';
import type { LexiconEntry } from '../core/knowledge/lexicons.js';
import type { PhraseMatcher } from '../core/text/phrases.js';

/** The sentence after an offset in a paragraph's prose, roughly: up to the next full stop, question or exclamation mark. */
export function nextSentence(prose: string, end: number): string {
  const rest = prose.slice(Math.max(0, end)).replace(/^[\s\u201d\u2019"')]*[.!?]?/, (m) => ' '.repeat(m.length));
  const stop = /[.!?](?:\s|$)/.exec(rest);
  return stop ? rest.slice(0, stop.index + 1) : rest;
}

/** Whether the writer doubts the sentence's reported claim, in the sentence itself or the next one. */
export function doubtedByWriter(facts: SentenceFacts, document: DocumentContext, doubts: PhraseMatcher<LexiconEntry>): boolean {
  return doubts.test(facts.text) || doubts.test(nextSentence(document.block.prose, facts.sentence.end - document.block.start));
}
