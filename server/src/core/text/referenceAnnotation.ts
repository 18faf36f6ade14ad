// Where a reference entry's bibliographic citation ends and the writer's own
// note on the source begins: "Murrough JW, … Biol Psychiatry. 2013;74(4):250-256.
// Randomized, placebo-controlled." The note is the writer's claim about the
// source; the citation before it (authors, title, journal) is the source's own
// words and is never read as a claim.

import type { PhraseMatcher } from './phrases.js';

/** The items that close a citation: whatever follows the last of them is the writer's note. */
const LOCATORS: readonly RegExp[] = [
  // Vancouver: "2000 Feb 15;47(4):351-354.", "2024;85(1):23m14984.", "2023;62:102127."
  /\b(?:19|20)\d\d(?:\s+[A-Z][a-z]{2,8}(?:\s+\d{1,2})?)?;\s*\d+(?:\s*\([\w\u2013-]+\))?(?::\s*[\w\u2013-]+)?\.(?=\s|$)/g,
  // APA and Harvard: "74(4), 250–256.", "74(4), pp. 250–256."
  /\b\d+\s*\([\w\u2013-]+\),\s*(?:pp?\.\s*)?[\w\u2013-]+\.(?=\s|$)/g,
  // A year closing the journal or publisher: "N Engl J Med. 2023.", "News release, March 5, 2019."
  /[.,;]\s*(?:[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d\d[a-z]?\.(?=\s|$)/g,
  // Identifiers and addresses.
  /\bdoi:?\s*10\.\d{4,9}\/\S+/gi,
  /\b10\.\d{4,9}\/\S+/g,
  /\bPMC?ID:?\s*\w+\.?(?=\s|$)/g,
  /\bhttps?:\/\/\S+/g,
];

/**
 * The offset in a reference entry's prose where the writer's note begins, or undefined when the entry is a citation
 * alone. Found only after a locator (a volume and pages, a closing year, a DOI), so a title is never taken for a note;
 * bibliographic trailers after the locator ("Epub 2020 Jan 5.", "PMID: …") are skipped.
 */
export function referenceAnnotationStart(prose: string, trailers: PhraseMatcher<unknown>): number | undefined {
  let end = -1;
  for (const locator of LOCATORS) {
    for (const m of prose.matchAll(locator)) end = Math.max(end, m.index + m[0].length);
  }
  if (end < 0) return undefined;
  // Skip trailer items one sentence at a time.
  for (;;) {
    const lead = /^\s*/.exec(prose.slice(end))![0].length;
    const start = end + lead;
    const rest = prose.slice(start);
    if (!/\p{L}{3}/u.test(rest)) return undefined;
    if (!trailers.find(rest).some((m) => m.start === 0)) return start;
    const stop = /\.(?=\s|$)/.exec(rest);
    if (!stop) return undefined;
    end = start + stop.index + 1;
  }
}
