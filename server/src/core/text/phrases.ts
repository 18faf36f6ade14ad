// Matches lexicon terms in text by words, not by one big regular expression:
// the text is split into word tokens once (shared by every lexicon that looks
// at the same sentence), and each token is looked up in a map of the terms
// that start with it. Leftmost-longest, non-overlapping matches.
//
// Term syntax: words separated by spaces; a hyphen between words also
// matches a space or nothing ("game-changer", "game changer", "gamechanger");
// a trailing "*" on a word matches any word with that beginning ("20*").
// Between words only spaces, hyphens, quotes and blanked markup may stand,
// so "magic *bullet*" (markup blanked to spaces) still matches "magic bullet".

export interface PhraseMatch<T> {
  start: number;
  end: number;
  text: string;
  entry: T;
}

interface Token {
  start: number;
  end: number;
  word: string;
}

interface CompiledTerm<T> {
  words: string[];
  /** Per word: match as a prefix. */
  prefix: boolean[];
  entry: T;
}

const TOKEN = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*\+?|%|:/gu;
const GAP = /^[\s\-\u2010-\u2015'"\u2018\u2019\u201c\u201d.]*$/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Lower-case the sentence once rather than each word, unless that changes its length (a few Unicode letters do).
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = text;
  else if (lower.includes('\u2019')) lower = lower.replace(/\u2019/g, "'");
  const normalized = lower !== text;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(lower); m; m = TOKEN.exec(lower)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, word: normalized ? m[0] : normalizeWord(m[0]) });
  }
  return tokens;
}

function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

interface SlotTerms {
  slot: number;
  /** Longest first, so the first that matches is the leftmost-longest. */
  terms: CompiledTerm<unknown>[];
}

/**
 * Runs many matchers over the same text in one pass: the text is tokenized
 * once and each token is looked up once, in a map from first word to the terms
 * of every matcher that start with it. Results for the last text are kept, so
 * every matcher that asks about the same sentence gets them for free.
 */
export class PhraseScanner {
  private readonly byFirstWord = new Map<string, SlotTerms[]>();
  private readonly prefixFirst: SlotTerms[] = [];
  private slots = 0;
  private lastText: string | undefined;
  private lastResults: PhraseMatch<unknown>[][] = [];

  /** Adds a matcher's entries; returns its slot in scan results. */
  register(entries: readonly { terms: readonly string[] }[]): number {
    const slot = this.slots++;
    const regular = new Map<string, CompiledTerm<unknown>[]>();
    const prefix: CompiledTerm<unknown>[] = [];
    for (const entry of entries) {
      for (const term of entry.terms) {
        for (const words of variants(term)) {
          const compiled: CompiledTerm<unknown> = { words: words.map((w) => w.replace(/\*$/, '')), prefix: words.map((w) => w.endsWith('*')), entry };
          if (!compiled.words.length) continue;
          if (compiled.prefix[0]) prefix.push(compiled);
          else {
            const list = regular.get(compiled.words[0]!) ?? [];
            if (!list.some((c) => c.words.join(' ') === compiled.words.join(' '))) list.push(compiled);
            regular.set(compiled.words[0]!, list);
          }
        }
      }
    }
    for (const [word, terms] of regular) {
      terms.sort((a, b) => b.words.length - a.words.length);
      const slots = this.byFirstWord.get(word) ?? [];
      slots.push({ slot, terms });
      this.byFirstWord.set(word, slots);
    }
    if (prefix.length) this.prefixFirst.push({ slot, terms: prefix });
    this.lastText = undefined;
    return slot;
  }

  /** Leftmost-longest, non-overlapping matches of every registered matcher, by slot. */
  scan(text: string): readonly PhraseMatch<unknown>[][] {
    if (text === this.lastText) return this.lastResults;
    const tokens = tokenize(text);
    const results: PhraseMatch<unknown>[][] = Array.from({ length: this.slots }, () => []);
    // Per slot, the first token a new match may start at (matches of one matcher never overlap).
    const next = new Array<number>(this.slots).fill(0);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const candidates = this.byFirstWord.get(token.word);
      if (candidates) {
        for (const { slot, terms } of candidates) {
          if (next[slot]! > i) continue;
          const term = terms.find((c) => matchesAt(c, tokens, i, text));
          if (term) next[slot] = record(results[slot]!, term, tokens, i, text);
        }
      }
      for (const { slot, terms } of this.prefixFirst) {
        if (next[slot]! > i) continue;
        const term = terms.find((c) => matchesAt(c, tokens, i, text));
        if (term) next[slot] = record(results[slot]!, term, tokens, i, text);
      }
    }
    this.lastText = text;
    this.lastResults = results;
    return results;
  }
}

function record(out: PhraseMatch<unknown>[], term: CompiledTerm<unknown>, tokens: readonly Token[], i: number, text: string): number {
  const first = tokens[i]!;
  const last = tokens[i + term.words.length - 1]!;
  out.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), entry: term.entry });
  return i + term.words.length;
}

function matchesAt(term: CompiledTerm<unknown>, tokens: readonly Token[], i: number, text: string): boolean {
  if (i + term.words.length > tokens.length) return false;
  for (let k = 0; k < term.words.length; k++) {
    const token = tokens[i + k]!;
    const word = term.words[k]!;
    if (term.prefix[k] ? !token.word.startsWith(word) : token.word !== word) return false;
    if (k > 0 && !GAP.test(text.slice(tokens[i + k - 1]!.end, token.start))) return false;
  }
  return true;
}

/**
 * The terms of some entries, found in text. Matchers that share a scanner are
 * matched together in one pass over each text; the returned arrays are shared
 * and must not be modified.
 */
export class PhraseMatcher<T> {
  private readonly scanner: PhraseScanner;
  private readonly slot: number;

  constructor(entries: readonly ({ terms: readonly string[] } & T)[], scanner: PhraseScanner = new PhraseScanner()) {
    this.scanner = scanner;
    this.slot = scanner.register(entries);
  }

  find(text: string): readonly PhraseMatch<T>[] {
    return this.scanner.scan(text)[this.slot] as PhraseMatch<T>[];
  }

  test(text: string): boolean {
    return this.find(text).length > 0;
  }
}

/** The word sequences a term stands for: as written, and with hyphenated parts joined. */
function variants(term: string): string[][] {
  const words: string[] = [];
  const source = term.trim();
  const pieces = source.split(/\s+/);
  const out: string[][] = [];
  for (const piece of pieces) {
    const parts = piece.match(/[^-\u2010-\u2013]+/g) ?? [];
    for (const part of parts) {
      const tokens = normalizeWord(part).match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*\+?\*?|%|:|\*/gu) ?? [];
      words.push(...tokens);
    }
  }
  out.push(words);
  if (/[-\u2010-\u2013]/.test(source)) {
    const joined = normalizeWord(source).split(/\s+/).map((p) => p.replace(/[-\u2010-\u2013]/g, ''));
    out.push(joined.flatMap((p) => p.match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*\+?\*?|%|:/gu) ?? []));
  }
  return out;
}
