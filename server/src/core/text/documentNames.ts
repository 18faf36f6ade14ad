// The capitalised phrases a document uses as names ("Glow Miracle Wand",
// "Miracle Pulse 2"), read once per document. Where a name opens a sentence,
// a heading or a table cell, capitals no longer set it apart from the words
// around it; what the rest of the document does with the phrase still does.

import type { ProseBlock } from '../types.js';

const WORD = "[\\p{Lu}][\\p{L}\\p{N}'\u2019&+-]*";
/** A run of two or more capitalised words, then what follows it (a model number, a trademark sign). */
const CAPITALISED_RUN = new RegExp(`${WORD}(?:[ \\t]+${WORD})+(?=([ \\t]*[\u2122\u00ae]|[ \\t]+\\d+[\\p{L}]?\\b)?)`, 'gu');
/** A run written with a model number or a trademark sign ("Miracle Pulse 2", "LiftLock™") may be a single word. */
const MARKED_WORD = new RegExp(`${WORD}(?=[ \\t]*[\u2122\u00ae]|[ \\t]+\\d+[\\p{L}]?\\b)`, 'gu');
const LOWERCASE_WORD_BEFORE = /[\p{Ll}][\p{L}'\u2019-]*[ \t]+$/u;
const LONG_WORD = /[\p{L}][\p{L}'\u2019-]{3,}/gu;
/** A cheap test before the regular expressions: a capital after a lower-case word, a trademark sign, or a capital before a number. */
const MAY_HOLD_NAME = /\p{Ll}[ \t]+\p{Lu}|[\u2122\u00ae]|\p{Lu}\p{L}*[ \t]+\d/u;

/**
 * Names in the document, lower-cased with single spaces: a capitalised run that
 * the running text uses mid-sentence ("the handheld Glow Miracle Wand"), and a
 * capitalised run followed by a model number or a trademark sign anywhere
 * ("Miracle Pulse 2", with and without its number). Title-case lines (most
 * words capitalised) say nothing about names mid-sentence.
 */
export function readDocumentNames(blocks: readonly ProseBlock[], namesOf: (prose: string) => readonly string[] = namesInBlock): Set<string> {
  const names = new Set<string>();
  for (const block of blocks) for (const name of namesOf(block.prose)) names.add(name);
  return names;
}

/** The names one block's prose uses (see readDocumentNames). */
export function namesInBlock(text: string): string[] {
  if (!MAY_HOLD_NAME.test(text)) return [];
  const names = new Set<string>();
  const titleCase = isTitleCase(text);
  CAPITALISED_RUN.lastIndex = 0;
  for (let m = CAPITALISED_RUN.exec(text); m; m = CAPITALISED_RUN.exec(text)) {
    const run = normalize(m[0]);
    if (!run.includes(' ') && m[1] === undefined) continue;
    if (m[1] !== undefined) {
      names.add(run);
      addWithNumber(names, run, text.slice(m.index + m[0].length));
    } else if (!titleCase && LOWERCASE_WORD_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) {
      names.add(run);
    }
  }
  MARKED_WORD.lastIndex = 0;
  for (let m = MARKED_WORD.exec(text); m; m = MARKED_WORD.exec(text)) addWithNumber(names, normalize(m[0]), text.slice(m.index + m[0].length));
  return [...names];
}

/** "Miracle Pulse" followed by " 2": the name is known with its number too. */
function addWithNumber(names: Set<string>, run: string, after: string): void {
  const number = /^[ \t]+(\d+[\p{L}]?)\b/u.exec(after)?.[1];
  if (number) names.add(`${run} ${number.toLowerCase()}`);
  else if (run.includes(' ')) names.add(run);
}

function isTitleCase(text: string): boolean {
  const words = text.match(LONG_WORD) ?? [];
  return words.length > 0 && words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 >= words.length;
}

/** "The Miracle Pulse 2 ships…": a capitalised determiner that opens the sentence is not part of the name. */
const LEADING_DETERMINER = /^(?:the|a|an|this|that|these|our|your|my|its|their|each|every|new) /;

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase().replace(LEADING_DETERMINER, '');
}

/** A stable key for the set, so cached per-block results are dropped when the names change. */
export function namesKey(names: ReadonlySet<string>): string {
  return [...names].sort().join('\n');
}
