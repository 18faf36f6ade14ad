// Sentence segmentation over a block's prose view. A period ends a sentence
// only when followed by white space and something that can start one, and not
// after a known abbreviation, an initial or inside a number ("0.5 mg/kg",
// "p < .05"). Headings and table cells arrive as their own blocks.

import type { ProseBlock, Sentence } from '../types.js';

const ABBREVIATIONS = new Set([
  'al', 'e.g', 'i.e', 'eg', 'ie', 'dr', 'drs', 'mr', 'mrs', 'ms', 'prof', 'vs', 'v', 'cf', 'approx', 'ca', 'st', 'jr', 'sr',
  'inc', 'ltd', 'corp', 'u.s', 'u.k', 'e.u', 'ph.d', 'm.d', 'a.m', 'p.m', 'incl', 'excl', 'resp', 'dept', 'univ', 'est',
  'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'oct', 'nov', 'dec',
]);
// Abbreviations that only ever precede a number: "Fig. 2", "No. 5", "p. 12".
const ABBREVIATIONS_BEFORE_NUMBER = new Set(['fig', 'figs', 'no', 'nos', 'vol', 'pp', 'p', 'ref', 'refs', 'table', 'eq', 'ch']);

// A terminator run, optional closers, white space, then something that can open a sentence.
const BOUNDARY = /([.!?\u2026]+)(["'\u201d\u2019)\]]*)(\s+)(?=["'\u201c\u2018(\[]*[A-Z0-9\u00c0-\u00de*_])/g;
const WORD_BEFORE = /([A-Za-z][A-Za-z.]*)$/;

export function splitSentences(block: ProseBlock): Sentence[] {
  const text = block.prose;
  const sentences: Sentence[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const terminator = m[1]!;
    if (terminator === '.' && isAbbreviation(text, m.index)) continue;
    const end = m.index + terminator.length + m[2]!.length;
    push(sentences, block, start, end);
    start = end + m[3]!.length;
  }
  push(sentences, block, start, text.length);
  return sentences;
}

function isAbbreviation(text: string, dotIndex: number): boolean {
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, dotIndex - 12), dotIndex));
  if (!before) return false;
  const word = before[1]!;
  if (word.length === 1 && /[A-Z]/.test(word)) return true; // an initial: "J. Grohol"
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  return ABBREVIATIONS_BEFORE_NUMBER.has(lower) && /^\s+\d/.test(text.slice(dotIndex + 1, dotIndex + 4));
}

function push(out: Sentence[], block: ProseBlock, from: number, to: number): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(block.prose[s]!)) s++;
  while (e > s && /\s/.test(block.prose[e - 1]!)) e--;
  if (e <= s || !/[A-Za-z0-9]/.test(block.prose.slice(s, e))) return;
  out.push({ start: block.start + s, end: block.start + e, text: block.prose.slice(s, e), block });
}
