// Matches lexicon terms in text by words, not by one big regular expression:
// the text is split into word tokens once (shared by every lexicon that looks
// at the same sentence), and from each token one walk down a word trie finds
// the terms that start there. Leftmost-longest, non-overlapping matches.
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

/** A term ends here: the matcher (slot) it belongs to and the entry it stands for. */
interface TermEnd {
  slot: number;
  entry: unknown;
}

/**
 * One node of a word trie shared by every registered matcher: a scan walks it
 * from each token, so the cost per token is a map lookup or two, however many
 * matchers and terms start with that word.
 */
class TrieNode {
  // Every node has the same fields (set in the constructor), so the walk's property reads stay monomorphic.
  next: Map<string, TrieNode> | undefined = undefined;
  /** Edges for words written with a trailing "*": any word with that beginning. */
  prefixed: { start: string; node: TrieNode }[] | undefined = undefined;
  /** At most one per slot: the first entry registered with these words. */
  ends: TermEnd[] | undefined = undefined;
}

/** A character that may stand between the words of a term. */
const GAP_CHAR = /[\s\-\u2010-\u2015'"\u2018\u2019\u201c\u201d.]/;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const LETTER = /^\p{L}$/u;

interface Tokens {
  starts: number[];
  ends: number[];
  words: string[];
  /** Per token: only gap characters stand between it and the token before. */
  joined: boolean[];
}

/**
 * Word tokens: runs of letters and digits, with "'s"-style endings and a trailing "+" ("18+"), and the symbols "%" and ":".
 * A loop over character codes rather than a regular expression: this runs on every sentence, and allocates only the words.
 */
export function tokenize(text: string): Tokens {
  const tokens: Tokens = { starts: [], ends: [], words: [], joined: [] };
  // Lower-case the sentence once rather than each word, unless that changes its length (a few Unicode letters do).
  let lower = text.toLowerCase();
  const normalized = lower.length === text.length;
  if (!normalized) lower = text;
  else if (lower.includes('\u2019')) lower = lower.replace(/\u2019/g, "'");
  const n = lower.length;
  let previousEnd = -1;
  let i = 0;
  while (i < n) {
    const code = lower.charCodeAt(i);
    let end: number;
    if (code === 37 || code === 58) end = i + 1; // "%", ":"
    else {
      let width = wordCharWidth(lower, i, false);
      if (!width) {
        i++;
        continue;
      }
      end = i + width;
      while (end < n && (width = wordCharWidth(lower, end, false))) end += width;
      // An apostrophe followed by letters stays in the word ("don't", "patient's").
      while (end + 1 < n && (lower[end] === "'" || lower[end] === '\u2019') && (width = wordCharWidth(lower, end + 1, true))) {
        end += 1 + width;
        while (end < n && (width = wordCharWidth(lower, end, true))) end += width;
      }
      if (lower[end] === '+') end++;
    }
    let joined = previousEnd >= 0;
    for (let k = previousEnd; joined && k < i; k++) joined = text[k] === ' ' || GAP_CHAR.test(text[k]!);
    const word = lower.slice(i, end);
    tokens.starts.push(i);
    tokens.ends.push(end);
    tokens.words.push(normalized ? word : normalizeWord(word));
    tokens.joined.push(joined);
    previousEnd = i = end;
  }
  return tokens;
}

/** How many UTF-16 units the letter (or, unless `lettersOnly`, digit) at `i` takes: 0 when there is none. */
function wordCharWidth(text: string, i: number, lettersOnly: boolean): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (!lettersOnly && code >= 48 && code <= 57) ? 1 : 0;
  const point = text.codePointAt(i)!;
  const width = point > 0xffff ? 2 : 1;
  return (lettersOnly ? LETTER : LETTER_OR_NUMBER).test(text.slice(i, i + width)) ? width : 0;
}

function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

const NO_MATCHES: readonly PhraseMatch<unknown>[] = Object.freeze([]);

/** How many texts each scanner keeps results for, and how many tokenized texts all scanners share. */
const RECENT_SCANS = 4;
const RECENT_TOKENS = 8;
const recentTokenTexts: (string | undefined)[] = new Array(RECENT_TOKENS).fill(undefined);
const recentTokens: Tokens[] = new Array(RECENT_TOKENS);
let recentTokensNext = 0;

/** The tokens of a text, shared by the scanners that read the same sentence (each has its own word trie). */
function tokensOf(text: string): Tokens {
  const recent = recentTokenTexts.indexOf(text);
  if (recent >= 0) return recentTokens[recent]!;
  const tokens = tokenize(text);
  recentTokenTexts[recentTokensNext] = text;
  recentTokens[recentTokensNext] = tokens;
  recentTokensNext = (recentTokensNext + 1) % RECENT_TOKENS;
  return tokens;
}

/**
 * Runs many matchers over the same text in one pass: the text is tokenized
 * once, and from each token one walk down a word trie finds the longest term
 * of every matcher that starts there. Results for the last few texts are kept,
 * so every matcher that asks about the same sentence gets them for free.
 */
export class PhraseScanner {
  private readonly root = new TrieNode();
  private slots = 0;
  /** Results for the last few texts: rules scan a sentence and its parts in turn, often more than once. */
  private readonly recentTexts: (string | undefined)[] = new Array(RECENT_SCANS).fill(undefined);
  private readonly recentResults: (readonly (readonly PhraseMatch<unknown>[])[])[] = new Array(RECENT_SCANS).fill([]);
  private recentNext = 0;
  /** Results for texts read again and again (footnotes, reference entries), when the scanner is made to remember them. */
  private readonly remembered = new Map<string, (readonly PhraseMatch<unknown>[])[]>();

  /** `remember`: how many texts besides the last to keep results for; beyond it the memory starts afresh. */
  constructor(private readonly remember = 0) {}

  /** Adds a matcher's entries; returns its slot in scan results. */
  register(entries: readonly { terms: readonly string[] }[]): number {
    const slot = this.slots++;
    for (const entry of entries) {
      for (const term of entry.terms) {
        for (const words of variants(term)) {
          if (!words.length) continue;
          let node = this.root;
          for (const word of words) node = child(node, word);
          node.ends ??= [];
          if (!node.ends.some((e) => e.slot === slot)) node.ends.push({ slot, entry });
        }
      }
    }
    this.recentTexts.fill(undefined);
    this.remembered.clear();
    return slot;
  }

  /** Leftmost-longest, non-overlapping matches of every registered matcher, by slot. */
  scan(text: string): readonly (readonly PhraseMatch<unknown>[])[] {
    const recent = this.recentTexts.indexOf(text);
    if (recent >= 0) return this.recentResults[recent]!;
    const known = this.remember ? this.remembered.get(text) : undefined;
    if (known) return known;
    const tokens = tokensOf(text);
    const slots = this.slots;
    if (this.next.length !== slots) this.resize(slots);
    const { next, bestEnd, bestEntry, foundSlots } = this;
    next.fill(0);
    const results: (readonly PhraseMatch<unknown>[])[] = new Array(slots).fill(NO_MATCHES);
    const { root } = this;
    for (let i = 0; i < tokens.words.length; i++) {
      // Most words start no term: one map lookup settles them.
      const word = tokens.words[i]!;
      const first = root.next?.get(word);
      if (!first && !root.prefixed) continue;
      this.foundCount = 0;
      if (first) this.visit(first, i, tokens);
      if (root.prefixed) for (const p of root.prefixed) if (word.startsWith(p.start)) this.visit(p.node, i, tokens);
      for (let f = 0; f < this.foundCount; f++) {
        const slot = foundSlots[f]!;
        const last = bestEnd[slot]!;
        bestEnd[slot] = -1;
        if (next[slot]! > i) continue;
        let out = results[slot]!;
        if (out === NO_MATCHES) results[slot] = out = [];
        const start = tokens.starts[i]!;
        const end = tokens.ends[last]!;
        (out as PhraseMatch<unknown>[]).push({ start, end, text: text.slice(start, end), entry: bestEntry[slot] });
        next[slot] = last + 1;
      }
    }
    this.recentTexts[this.recentNext] = text;
    this.recentResults[this.recentNext] = results;
    this.recentNext = (this.recentNext + 1) % RECENT_SCANS;
    if (this.remember) {
      if (this.remembered.size >= this.remember) this.remembered.clear();
      this.remembered.set(text, results);
    }
    return results;
  }

  // Scratch space for scan, kept between sentences. Per slot: the first token a new match may start at
  // (matches of one matcher never overlap), and the longest term found from the current token (its last token and entry).
  private next = new Int32Array(0);
  private bestEnd = new Int32Array(0);
  private bestEntry: unknown[] = [];
  /** The slots with a term from the current token: `foundSlots[0..foundCount)`. */
  private foundSlots = new Int32Array(0);
  private foundCount = 0;

  private resize(slots: number): void {
    this.next = new Int32Array(slots);
    this.bestEnd = new Int32Array(slots).fill(-1);
    this.bestEntry = new Array<unknown>(slots);
    this.foundSlots = new Int32Array(slots);
  }

  /** Walks down from `node`, which the tokens up to `last` led to, noting every term that ends on the way. */
  private visit(node: TrieNode, last: number, tokens: Tokens): void {
    if (node.ends) {
      const { bestEnd, bestEntry } = this;
      for (const { slot, entry } of node.ends) {
        if (bestEnd[slot]! < 0) this.foundSlots[this.foundCount++] = slot;
        // Deeper nodes are visited later, so a longer term replaces a shorter one; equal lengths keep the first.
        if (last > bestEnd[slot]!) {
          bestEnd[slot] = last;
          bestEntry[slot] = entry;
        }
      }
    }
    const k = last + 1;
    if (k >= tokens.words.length || !tokens.joined[k]) return;
    const word = tokens.words[k]!;
    const exact = node.next?.get(word);
    if (exact) this.visit(exact, k, tokens);
    if (node.prefixed) for (const p of node.prefixed) if (word.startsWith(p.start)) this.visit(p.node, k, tokens);
  }
}

function child(node: TrieNode, word: string): TrieNode {
  if (word.endsWith('*')) {
    const start = word.slice(0, -1);
    node.prefixed ??= [];
    let edge = node.prefixed.find((p) => p.start === start);
    if (!edge) node.prefixed.push((edge = { start, node: new TrieNode() }));
    return edge.node;
  }
  node.next ??= new Map();
  let target = node.next.get(word);
  if (!target) node.next.set(word, (target = new TrieNode()));
  return target;
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
