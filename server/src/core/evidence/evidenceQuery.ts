// What a sentence asks of the evidence: which pack interventions and
// conditions it names, which outcome it is about (response is not remission)
// and whether it is about safety. Cards, "Add source" and the pack rewording
// all start from this query, so they agree on what a sentence is about.

import type { Knowledge } from '../knowledge/knowledge.js';
import type { Measure } from '../knowledge/evidencePack.js';
import { matcherFor, type LexiconEntry } from '../knowledge/lexicons.js';
import type { PhraseMatcher } from '../text/phrases.js';
import type { ClaimAnalysis } from '../types.js';

export interface EvidenceQuery {
  /** Pack intervention ids, the most specific first (as named in the sentence). */
  interventionIds: string[];
  /** Pack condition ids named in the sentence. */
  conditionIds: string[];
  /** Outcome measures the sentence talks about, in the order they occur. */
  outcomes: Measure[];
  /** The sentence is about side effects, risks or safety. */
  aboutSafety: boolean;
  /** Pack record ids a rule tied to the claim (diagnostic data.evidenceIds). */
  evidenceIds: string[];
}

/** Per knowledge set: pack condition aliases and the outcome-word matcher, compiled once. */
class QueryTerms {
  readonly conditionByAlias = new Map<string, string>();
  readonly interventionIds: Set<string>;
  readonly outcomes: PhraseMatcher<LexiconEntry>;

  constructor(knowledge: Knowledge) {
    for (const pack of knowledge.packs) {
      for (const c of pack.conditions) for (const alias of [c.name, ...c.aliases]) this.conditionByAlias.set(normalize(alias), c.id);
    }
    this.interventionIds = new Set(knowledge.packs.flatMap((p) => p.interventions.map((i) => i.id)));
    this.outcomes = matcherFor(knowledge.lexicons['outcome-measures']);
  }
}

const termsCache = new WeakMap<Knowledge, QueryTerms>();

function termsFor(knowledge: Knowledge): QueryTerms {
  let terms = termsCache.get(knowledge);
  if (!terms) termsCache.set(knowledge, (terms = new QueryTerms(knowledge)));
  return terms;
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\u2010-\u2015-]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Pack condition ids for condition words the claim analysis found ("TRD", "treatment-resistant depression"). */
export function conditionIdsFor(knowledge: Knowledge, conditionWords: readonly string[]): string[] {
  const terms = termsFor(knowledge);
  return unique(conditionWords.map((w) => terms.conditionByAlias.get(normalize(w))).filter((id): id is string => !!id));
}

/** The outcome measures a sentence talks about; response and remission become their suicidal-ideation forms when the sentence is about suicidal ideation. */
export function outcomesIn(knowledge: Knowledge, text: string, conditionIds: readonly string[]): { outcomes: Measure[]; aboutSafety: boolean } {
  const found = termsFor(knowledge).outcomes.find(text).map((m) => m.entry.category as Measure);
  const aboutSafety = found.includes('adverse-event');
  const suicidal = conditionIds.includes('suicidal-ideation');
  const outcomes = found.map((m) => (suicidal && m === 'response' ? 'si-response' : suicidal && m === 'remission' ? 'si-remission' : m));
  return { outcomes: unique(outcomes), aboutSafety };
}

/** The query for a sentence from its claim analysis (a flagged claim, a hovered sentence, a rule's own sentence). */
export function queryForClaim(knowledge: Knowledge, analysis: Pick<ClaimAnalysis, 'text' | 'interventions' | 'conditions'>, options: { evidenceIds?: readonly string[]; ruleId?: string } = {}): EvidenceQuery {
  const terms = termsFor(knowledge);
  const interventionIds = unique(analysis.interventions.map((i) => i.id).filter((id) => terms.interventionIds.has(id)));
  const conditionIds = conditionIdsFor(knowledge, analysis.conditions);
  const { outcomes, aboutSafety } = outcomesIn(knowledge, analysis.text, conditionIds);
  return {
    interventionIds,
    conditionIds,
    outcomes,
    aboutSafety: aboutSafety || options.ruleId === 'safety-overclaim',
    evidenceIds: [...(options.evidenceIds ?? [])],
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
