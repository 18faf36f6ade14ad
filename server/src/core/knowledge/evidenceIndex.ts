// Look-ups over every loaded evidence pack: by id, by intervention (with its
// alsoAppliesTo links) and by how a document cites a source. Rules, hover
// cards, quick fixes and completion all read the evidence through this one
// index, so "what counts as usable evidence" is decided in one place.

import type { EvidencePack, Measure, PackCondition, PackFinding, PackIntervention, PackRegulatory, PackSafety, PackSource, RecordVerification } from './evidencePack.js';

/** Only checked facts may be used to call a sentence wrong; unverified ones may still be shown, labelled. */
export function isUsable(record: { verification?: RecordVerification | 'inference' }): boolean {
  return record.verification !== 'unverified';
}

/** A link readers can follow: a verified DOI first, then PubMed, PubMed Central or the recorded URL. */
export function sourceLink(source: PackSource): string | undefined {
  if (source.doi) return `https://doi.org/${source.doi}`;
  if (source.pmid) return `https://pubmed.ncbi.nlm.nih.gov/${source.pmid}/`;
  if (source.pmcid) return `https://pmc.ncbi.nlm.nih.gov/articles/${source.pmcid}/`;
  return source.url;
}

/** "Anand 2023"; for a source recorded without an author, its trial name ("KetECT"). */
export function sourceShortName(source: PackSource): string {
  const name = source.firstAuthor ?? source.aliases?.[0] ?? source.citation.split(/[,.]/)[0]!.trim().replace(/^\[/, '');
  return source.year ? `${name} ${source.year}` : name;
}

export class EvidenceIndex {
  readonly packs: readonly EvidencePack[];
  private readonly sources = new Map<string, PackSource>();
  private readonly interventions = new Map<string, PackIntervention>();
  private readonly conditions = new Map<string, PackCondition>();
  private readonly findingsById = new Map<string, PackFinding>();
  private readonly sourceByDoi = new Map<string, PackSource>();

  constructor(packs: readonly EvidencePack[]) {
    this.packs = packs;
    for (const pack of packs) {
      for (const s of pack.sources) {
        this.sources.set(s.id, s);
        for (const doi of [s.doi, s.unverifiedDoi]) if (doi) this.sourceByDoi.set(doi.toLowerCase(), s);
      }
      for (const i of pack.interventions) this.interventions.set(i.id, i);
      for (const c of pack.conditions) this.conditions.set(c.id, c);
      for (const f of pack.findings ?? []) this.findingsById.set(f.id, f);
    }
  }

  get isEmpty(): boolean {
    return this.packs.length === 0;
  }

  source(id: string): PackSource | undefined {
    return this.sources.get(id);
  }

  intervention(id: string): PackIntervention | undefined {
    return this.interventions.get(id);
  }

  condition(id: string): PackCondition | undefined {
    return this.conditions.get(id);
  }

  finding(id: string): PackFinding | undefined {
    return this.findingsById.get(id);
  }

  allSources(): PackSource[] {
    return [...this.sources.values()];
  }

  /** The condition and every broader one it belongs to (treatment-resistant depression → major depression). */
  conditionAndBroader(id: string): string[] {
    const chain: string[] = [];
    for (let c = this.conditions.get(id); c && !chain.includes(c.id); c = c.broader ? this.conditions.get(c.broader) : undefined) chain.push(c.id);
    return chain.length ? chain : [id];
  }

  /** Findings about an intervention, optionally narrowed to a condition (or a broader one) and an outcome. */
  findingsFor(interventionId: string, filter: { condition?: string; outcome?: Measure } = {}): PackFinding[] {
    const conditions = filter.condition ? this.conditionAndBroader(filter.condition) : undefined;
    return this.packs.flatMap((p) =>
      (p.findings ?? []).filter(
        (f) => f.intervention === interventionId && (!conditions || conditions.includes(f.condition)) && (!filter.outcome || f.outcome === filter.outcome),
      ),
    );
  }

  regulatoryFor(interventionId: string): PackRegulatory[] {
    return this.packs.flatMap((p) => (p.regulatory ?? []).filter((r) => r.intervention === interventionId || r.alsoAppliesTo?.includes(interventionId)));
  }

  safetyFor(interventionId: string): PackSafety[] {
    return this.packs.flatMap((p) => (p.safety ?? []).filter((s) => s.intervention === interventionId || s.alsoAppliesTo?.includes(interventionId)));
  }

  /** The source a citation points at: a DOI anywhere in the text, else an "Author … Year" pair, else a source alias or title. */
  sourceForCitation(text: string): PackSource | undefined {
    // Footnotes and reference entries are looked up again for every sentence that cites them.
    const known = this.citationSources.get(text);
    if (known !== undefined) return known ?? undefined;
    if (this.citationSources.size >= 2000) this.citationSources.clear();
    const found = this.findSourceForCitation(text);
    this.citationSources.set(text, found ?? null);
    return found;
  }

  private readonly citationSources = new Map<string, PackSource | null>();

  private findSourceForCitation(text: string): PackSource | undefined {
    const doi = /\b10\.\d{4,9}\/[^\s"'<>)\]]+/.exec(text)?.[0]?.replace(/[.,;]+$/, '').toLowerCase();
    if (doi) {
      const byDoi = this.sourceByDoi.get(doi);
      if (byDoi) return byDoi;
    }
    const lower = text.toLowerCase();
    for (const s of this.sources.values()) {
      if (s.firstAuthor && s.year && hasWord(lower, s.firstAuthor.toLowerCase()) && hasWord(lower, String(s.year))) return s;
    }
    for (const s of this.sources.values()) {
      if (s.title && s.title.length > 20 && lower.includes(s.title.toLowerCase())) return s;
      if (s.aliases?.some((a) => lower.includes(a.toLowerCase()))) return s;
    }
    return undefined;
  }
}

/** A whole word or name in lower-cased text ("li" in "Li CT, 2016", not in "clinical"). */
function hasWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[i - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[i + word.length] ?? '')) return true;
  }
  return false;
}
