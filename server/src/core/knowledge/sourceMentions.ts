// Which pack source a piece of text names: a heading that repeats a study's
// title (seed articles often head each blurb with the paper's title), a
// reference-list entry, a footnote, an author-year pair or a trial name.
// EvidenceIndex.sourceForCitation does the matching; this adds the heading
// case, where the text is the title itself or its start, with typographic
// dashes and spacing normalised.

import type { EvidenceIndex } from './evidenceIndex.js';
import type { PackSource } from './evidencePack.js';

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
