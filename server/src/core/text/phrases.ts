// Compiles lexicon terms into one case-insensitive regular expression per
// lexicon. Term syntax: words separated by spaces; a hyphen between words also
// matches a space or nothing ("game-changer", "game changer", "gamechanger");
// a trailing "*" on a word matches any word ending ("revolutioni*").
// Between words any run of white space matches, because markup is blanked to
// spaces ("magic *bullet*" reads "magic  bullet ").

export interface PhraseMatch<T> {
  start: number;
  end: number;
  text: string;
  entry: T;
}

export class PhraseMatcher<T> {
  private readonly regex: RegExp | null;
  private readonly exact = new Map<string, T>();
  private readonly wildcard: { prefix: RegExp; entry: T }[] = [];

  constructor(entries: readonly { terms: readonly string[] }[] & readonly T[]) {
    const sources: string[] = [];
    for (const entry of entries) {
      for (const term of entry.terms) {
        const source = termToRegex(term);
        sources.push(source);
        if (term.includes('*')) this.wildcard.push({ prefix: new RegExp(`^(?:${source})$`, 'i'), entry });
        else {
          const key = normalize(term);
          if (!this.exact.has(key)) this.exact.set(key, entry);
          const joined = key.replace(/ /g, '');
          if (!this.exact.has(joined)) this.exact.set(joined, entry);
        }
      }
    }
    // Longest first, so "cure-all" wins over "cure".
    sources.sort((a, b) => b.length - a.length);
    this.regex = sources.length ? new RegExp(`(?<![\\w'\u2019])(?:${sources.join('|')})(?![\\w])`, 'giu') : null;
  }

  find(text: string): PhraseMatch<T>[] {
    if (!this.regex) return [];
    const out: PhraseMatch<T>[] = [];
    this.regex.lastIndex = 0;
    for (let m = this.regex.exec(text); m; m = this.regex.exec(text)) {
      const entry = this.lookup(m[0]);
      if (entry !== undefined) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], entry });
    }
    return out;
  }

  test(text: string): boolean {
    if (!this.regex) return false;
    this.regex.lastIndex = 0;
    return this.regex.test(text);
  }

  private lookup(matched: string): T | undefined {
    const key = normalize(matched);
    const hit = this.exact.get(key) ?? this.exact.get(key.replace(/ /g, ''));
    if (hit !== undefined) return hit;
    return this.wildcard.find((w) => w.prefix.test(matched))?.entry;
  }
}

export function normalize(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\s\-\u2010-\u2013]+/g, ' ').trim();
}

function termToRegex(term: string): string {
  return term
    .trim()
    .split(/(\s+|-)/)
    .map((part) => {
      if (/^\s+$/.test(part)) return '\\s+';
      if (part === '-') return '[\\s\\-\u2010-\u2013]*';
      return part
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/'/g, "['\u2019]")
        .replace(/\*/g, "[\\w'\u2019]*");
    })
    .join('');
}
