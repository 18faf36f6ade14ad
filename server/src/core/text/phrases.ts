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

let lastText = '';
let lastTokens: Token[] = [];

function tokenize(text: string): Token[] {
  if (text === lastText) return lastTokens;
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) tokens.push({ start: m.index, end: m.index + m[0].length, word: normalizeWord(m[0]) });
  lastText = text;
  lastTokens = tokens;
  return tokens;
}

function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/\u2019/g, "'");
}

export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, CompiledTerm<T>[]>();
  private readonly prefixFirst: CompiledTerm<T>[] = [];
  private readonly empty: boolean;

  constructor(entries: readonly ({ terms: readonly string[] } & T)[]) {
    let count = 0;
    for (const entry of entries) {
      for (const term of entry.terms) {
        for (const words of variants(term)) {
          const compiled: CompiledTerm<T> = { words: words.map((w) => w.replace(/\*$/, '')), prefix: words.map((w) => w.endsWith('*')), entry };
          if (!compiled.words.length) continue;
          count++;
          if (compiled.prefix[0]) this.prefixFirst.push(compiled);
          else {
            const list = this.byFirstWord.get(compiled.words[0]!) ?? [];
            if (!list.some((c) => c.words.join(' ') === compiled.words.join(' '))) list.push(compiled);
            this.byFirstWord.set(compiled.words[0]!, list);
          }
        }
      }
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.empty = count === 0;
  }

  find(text: string): PhraseMatch<T>[] {
    if (this.empty) return [];
    const tokens = tokenize(text);
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const candidates = this.byFirstWord.get(token.word);
      let matched: CompiledTerm<T> | undefined;
      if (candidates) matched = candidates.find((c) => this.matchesAt(c, tokens, i, text));
      if (!matched && this.prefixFirst.length) matched = this.prefixFirst.find((c) => this.matchesAt(c, tokens, i, text));
      if (!matched) continue;
      const last = tokens[i + matched.words.length - 1]!;
      out.push({ start: token.start, end: last.end, text: text.slice(token.start, last.end), entry: matched.entry });
      i += matched.words.length - 1;
    }
    return out;
  }

  test(text: string): boolean {
    return this.find(text).length > 0;
  }

  private matchesAt(term: CompiledTerm<T>, tokens: readonly Token[], i: number, text: string): boolean {
    if (i + term.words.length > tokens.length) return false;
    for (let k = 0; k < term.words.length; k++) {
      const token = tokens[i + k]!;
      const word = term.words[k]!;
      if (term.prefix[k] ? !token.word.startsWith(word) : token.word !== word) return false;
      if (k > 0 && !GAP.test(text.slice(tokens[i + k - 1]!.end, token.start))) return false;
    }
    return true;
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
