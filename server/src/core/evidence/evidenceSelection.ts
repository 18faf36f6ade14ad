// Choosing the evidence that fits a sentence: the best finding for its
// intervention × condition × outcome, and the few sources most worth showing
// or citing. Only verified and secondary records are chosen; an unverified
// one is never offered as support.

import type { EvidenceIndex } from '../knowledge/evidenceIndex.js';
import { isUsable } from '../knowledge/evidenceIndex.js';
import type { Certainty, Measure, PackFinding, PackSource, StudyDesign } from '../knowledge/evidencePack.js';
import type { EvidenceQuery } from './evidenceQuery.js';

/** When a sentence names no outcome, the outcome readers most often mean by "it works". */
const DEFAULT_OUTCOMES: readonly Measure[] = ['response', 'remission', 'effect-size', 'onset', 'duration-of-benefit'];

const CERTAINTY_RANK: Record<Certainty, number> = { high: 3, moderate: 2, low: 1, 'very-low': 0 };

/** Stronger designs first when choosing which sources to show. */
const DESIGN_RANK: Partial<Record<StudyDesign, number>> = {
  'ipd-meta-analysis': 9,
  'meta-analysis': 8,
  'systematic-review': 7,
  'umbrella-review': 7,
  rct: 6,
  'crossover-rct': 5,
  guideline: 5,
  'regulatory-label': 5,
  'consensus-statement': 4,
  'open-label': 3,
  'retrospective-chart-review': 2,
  'case-series': 1,
};

/** The interventions to look up: those named, then their families ("IV ketamine" falls back to "ketamine"). */
export function interventionChain(evidence: EvidenceIndex, interventionIds: readonly string[]): string[] {
  const chain: string[] = [];
  for (const id of interventionIds) if (!chain.includes(id)) chain.push(id);
  for (const id of interventionIds) {
    const family = evidence.intervention(id)?.family;
    if (family && !chain.includes(family)) chain.push(family);
  }
  return chain;
}

/**
 * The named interventions, plus their family when it is the same molecule:
 * racemic ketamine's adverse effects apply to IV racemic ketamine, not to
 * R-ketamine or esketamine (which the pack links explicitly with alsoAppliesTo).
 */
export function sameMolecule(evidence: EvidenceIndex, named: readonly string[]): string[] {
  const ids = [...named];
  for (const id of named) {
    const intervention = evidence.intervention(id);
    const family = intervention?.family ? evidence.intervention(intervention.family) : undefined;
    if (family && intervention?.molecule && family.molecule === intervention.molecule && !ids.includes(family.id)) ids.push(family.id);
  }
  return ids;
}

/** Findings that fit the query, best first: named intervention over its family, exact condition over a broader one, the sentence's outcome, then certainty. */
export function rankFindings(evidence: EvidenceIndex, query: EvidenceQuery): PackFinding[] {
  const chain = interventionChain(evidence, query.interventionIds);
  const outcomes = query.outcomes.length ? query.outcomes : DEFAULT_OUTCOMES;
  const scored: { finding: PackFinding; score: number }[] = [];
  chain.forEach((interventionId, depth) => {
    for (const finding of evidence.findingsFor(interventionId)) {
      let score = (chain.length - depth) * 100;
      if (query.evidenceIds.includes(finding.id)) score += 1000;
      const conditionScore = conditionMatch(evidence, finding.condition, query.conditionIds);
      if (conditionScore < 0) continue;
      score += conditionScore * 40;
      const outcomeAt = outcomes.indexOf(finding.outcome);
      if (query.outcomes.length && outcomeAt < 0) score -= 200;
      score += outcomeAt >= 0 ? 30 - outcomeAt * 5 : 0;
      if (finding.range) score += 10;
      score += CERTAINTY_RANK[finding.certainty] * 3;
      scored.push({ finding, score });
    }
  });
  return scored.sort((a, b) => b.score - a.score).map((s) => s.finding);
}

/**
 * 2: the sentence names this condition; 1: the finding is about a broader or a
 * narrower one (a claim about "depression" and a finding in treatment-resistant
 * depression); 0: no condition named; -1: an unrelated condition.
 */
function conditionMatch(evidence: EvidenceIndex, findingCondition: string, named: readonly string[]): number {
  if (!named.length) return 0;
  if (named.includes(findingCondition)) return 2;
  if (named.some((c) => evidence.conditionAndBroader(c).includes(findingCondition) || evidence.conditionAndBroader(findingCondition).includes(c))) return 1;
  return -1;
}

export function bestFinding(evidence: EvidenceIndex, query: EvidenceQuery): PackFinding | undefined {
  return rankFindings(evidence, query)[0];
}

/** Usable sources worth showing for a query: the finding's preferred source, its other sources, then others on the same intervention and condition. */
export function relevantSources(evidence: EvidenceIndex, query: EvidenceQuery, finding: PackFinding | undefined, limit = 3): PackSource[] {
  const chosen: PackSource[] = [];
  const add = (source: PackSource | undefined) => {
    if (source && isUsable(source) && !chosen.includes(source)) chosen.push(source);
  };
  for (const id of query.evidenceIds) add(evidence.source(id));
  if (finding) {
    add(evidence.source(finding.preferredSource));
    rankSources(finding.sources.map((id) => evidence.source(id)).filter((s): s is PackSource => !!s), query).forEach(add);
  }
  if (chosen.length < limit) {
    // Other sources on the same drug only: studies of racemic ketamine do not back a claim about R-ketamine.
    const chain = sameMolecule(evidence, query.interventionIds);
    const candidates = evidence
      .allSources()
      .filter((s) => s.intervention && chain.includes(s.intervention) && s.species !== 'mouse' && s.species !== 'rat' && s.species !== 'cell')
      // A source that records no population condition is not ruled out by the sentence's condition.
      .filter((s) => !query.conditionIds.length || s.population?.condition === undefined || conditionMatch(evidence, s.population.condition, query.conditionIds) >= 0);
    rankSources(candidates, query).forEach(add);
  }
  return chosen.slice(0, limit);
}

function rankSources(sources: readonly PackSource[], query: EvidenceQuery): PackSource[] {
  const score = (s: PackSource) =>
    (s.intervention && query.interventionIds.includes(s.intervention) ? 20 : 0) +
    (s.outcomes?.some((o) => query.outcomes.includes(o.measure) && isUsable(o)) ? 15 : 0) +
    (DESIGN_RANK[s.design ?? 'commentary'] ?? 0) +
    (s.verification === 'verified' ? 2 : 0) +
    Math.min(3, Math.log10(s.n ?? 1));
  return [...sources].sort((a, b) => score(b) - score(a));
}

/**
 * Sources a document may cite for a sentence's claim. A sentence with a
 * percentage is matched to sources that report that figure (or a finding whose
 * range holds it); a figure the evidence does not support gets no source, since
 * citing a study for a number it does not report would mislead.
 */
export function citableSources(evidence: EvidenceIndex, query: EvidenceQuery, percents: readonly number[], limit = 3): PackSource[] {
  if (!query.interventionIds.length) return [];
  const findings = rankFindings(evidence, query);
  // 70% "remission" is not supported by a 70% response rate.
  const onOutcome = (measure: string) => !query.outcomes.length || (query.outcomes as string[]).includes(measure);
  // "Studies have found that X works" is best backed by a synthesis: among the relevant sources, reviews and larger designs first.
  if (!percents.length) {
    const candidates = relevantSources(evidence, query, findings[0], limit * 2);
    return candidates
      .map((source, order) => ({ source, order }))
      .sort((a, b) => (DESIGN_RANK[b.source.design ?? 'commentary'] ?? 0) - (DESIGN_RANK[a.source.design ?? 'commentary'] ?? 0) || a.order - b.order)
      .slice(0, limit)
      .map((c) => c.source);
  }
  const reporting = evidence
    .allSources()
    .filter((s) => isUsable(s) && s.intervention && sameMolecule(evidence, query.interventionIds).includes(s.intervention))
    .filter((s) => s.outcomes?.some((o) => isUsable(o) && o.verification !== 'inference' && o.unit === '%' && onOutcome(o.measure) && percents.some((p) => o.value !== undefined && Math.abs(o.value - p) <= 1)));
  const chosen = rankSources(reporting, query);
  // Sources that report the figure itself are the ones to cite.
  if (chosen.length) return chosen.slice(0, limit);
  const holding = findings.find((f) => f.range?.unit === '%' && onOutcome(f.outcome) && percents.every((p) => p >= f.range!.min - 0.5 && p <= f.range!.max + 0.5));
  // Only the finding's own sources: another study on the same treatment does not back this figure.
  const backing = holding ? [holding.preferredSource, ...holding.sources].map((id) => evidence.source(id)).filter((s): s is PackSource => !!s && isUsable(s)) : [];
  for (const s of backing) if (!chosen.includes(s)) chosen.push(s);
  return chosen.slice(0, limit);
}
