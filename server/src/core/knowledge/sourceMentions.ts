// Which pack source a piece of text names: a heading that repeats a study's
// title (seed articles often head each blurb with the paper's title), a
// reference-list entry, a footnote, an author-year pair or a trial name.
// EvidenceIndex.sourceForCitation does the matching; this adds the heading
// case, where the text is the title itself or its start, with typographic
// dashes and spacing normalised.

import type { EvidenceIndex } from './evidenceIndex.js';
import type { PackSource } from './evidencePack.js';
import type { PhraseMatcher } from '../text/phrases.js';

const MIN_TITLE_PREFIX = 25;

export function normalizeTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s*([()-])\s*/g, '$1')
    .replace(/[^\p{L}\p{N}()'\- ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The source a heading (or any title-like text) names: its full title, the start of its title, or an alias. */
export function sourceForTitle(index: EvidenceIndex, text: string): PackSource | undefined {
  const direct = index.sourceForCitation(text);
  if (direct) return direct;
  const wanted = normalizeTitle(text);
  if (wanted.length < MIN_TITLE_PREFIX) return undefined;
  return normalizedTitles(index).find((t) => t.title.startsWith(wanted))?.source;
}

const titlesByIndex = new WeakMap<EvidenceIndex, { title: string; source: PackSource }[]>();

/** Every source's title and aliases long enough to be matched by their start, normalised once per index. */
function normalizedTitles(index: EvidenceIndex): { title: string; source: PackSource }[] {
  let titles = titlesByIndex.get(index);
  if (!titles) {
    titles = index
      .allSources()
      .flatMap((source) => [source.title, ...(source.aliases ?? [])].filter((t): t is string => !!t && t.length >= MIN_TITLE_PREFIX).map((t) => ({ title: normalizeTitle(t), source })));
    titlesByIndex.set(index, titles);
  }
  return titles;
}

/** "Holmes (2003)", "van Dijk (2019a)": one capitalised surname (not an acronym in capitals) with a year in brackets. */
const SURNAME_YEAR = /(?<![\p{L}\p{N}'\u2019\-])((?:(?:van|von|de|der|den|da|di|du|del|della|le|la)\s+)*\p{Lu}\p{Ll}[\p{L}'\u2019\-]*)\s?\(((?:19|20)\d\d)[a-z]?\)/gu;

export interface SurnameYear {
  /** Offsets in the text searched. */
  start: number;
  end: number;
  author: string;
  year: string;
}

/**
 * Narrative author-year citations with a single author and no "et al." ("The strongest support comes from Holmes
 * (2003)"), which the analyzer's author-year pattern leaves out. `notAuthors` holds the capitalised words that stand
 * before a bracketed year without being a name ("in March (2003)", "Updated (2024)").
 */
export function surnameYears(text: string, notAuthors: PhraseMatcher<unknown>): SurnameYear[] {
  if (!/\((?:19|20)\d\d/.test(text)) return [];
  const out: SurnameYear[] = [];
  for (const m of text.matchAll(SURNAME_YEAR)) {
    const author = m[1]!;
    const surname = author.split(/\s+/).pop()!;
    if (notAuthors.find(surname).some((w) => w.start === 0 && w.end === surname.length)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, author, year: m[2]! });
  }
  return out;
}
