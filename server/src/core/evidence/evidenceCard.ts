// The content of an evidence card: for an intervention or a claim, the best
// finding, the two or three sources behind it, regulatory status and (for a
// safety claim) adverse effects; for a cited source, what that source is and
// found. Plain data: the language server renders it as Markdown, other
// front ends may render it differently.
//
// Only verified and secondary records are presented as findings; a cited
// source that is unverified gets a card that says so and shows none of its
// figures.

import type { EvidenceIndex } from '../knowledge/evidenceIndex.js';
import { isUsable, sourceLink, sourceShortName } from '../knowledge/evidenceIndex.js';
import type { Certainty, Measure, PackFinding, PackRegulatory, PackSafety, PackSource, RecordVerification, SourceOutcome, StudyDesign, Unit } from '../knowledge/evidencePack.js';
import { withoutPackNotes } from '../knowledge/footnoteCitation.js';
import type { EvidenceQuery } from './evidenceQuery.js';
import { bestFinding, relevantSources, sameMolecule } from './evidenceSelection.js';

export interface CardFinding {
  id: string;
  /** The pack's careful one-sentence summary, with figure and population. */
  statement: string;
  outcome: string;
  /** "26–70.8%", when the finding has a range. */
  range?: string;
  timepoint?: string;
  certainty: Certainty;
  /** The first caveat (one sentence). */
  caveat?: string;
  /** The finding rests on secondary records only. */
  secondary: boolean;
}

export interface CardSource {
  id: string;
  /** "Anand 2023". */
  name: string;
  title?: string;
  /** "RCT", "meta-analysis"… */
  design?: string;
  n?: number;
  /** Number of studies pooled, for reviews. */
  studies?: number;
  population?: string;
  /** Key numbers with their time points: "55.4% response at end of the 3-week treatment phase (vs 41.2%)". */
  numbers: string[];
  caveat?: string;
  link?: string;
  verification: RecordVerification;
  /** Animal or cell evidence, which says nothing yet about people. */
  nonHuman: boolean;
}

export interface CardRegulatory {
  jurisdiction: string;
  agency?: string;
  status: PackRegulatory['status'];
  indication: string;
  /** When the status began (an approval date). */
  date?: string;
  /** When a status that can change was last checked. */
  asOf?: string;
  secondary: boolean;
}

export interface CardSafety {
  kind: PackSafety['kind'];
  text: string;
  secondary: boolean;
}

export interface EvidenceCard {
  kind: 'intervention' | 'source';
  /** Intervention name, or the source's short name. */
  title: string;
  /** Condition names the card is narrowed to. */
  conditions: string[];
  finding?: CardFinding;
  sources: CardSource[];
  safety: CardSafety[];
  regulatory: CardRegulatory[];
}

const MAX_SOURCES = 3;
/** With adverse effects on the card, fewer sources keep it short. */
const MAX_SOURCES_WITH_SAFETY = 2;
const MAX_SAFETY = 4;
const MAX_REGULATORY = 3;
const MAX_NUMBERS = 2;
const MAX_POPULATION_CHARS = 90;
const MAX_CAVEAT_CHARS = 160;

export const DESIGN_LABELS: Record<StudyDesign, string> = {
  rct: 'RCT',
  'crossover-rct': 'crossover RCT',
  'open-label': 'open-label study',
  'case-series': 'case series',
  'retrospective-chart-review': 'retrospective chart review',
  'systematic-review': 'systematic review',
  'meta-analysis': 'meta-analysis',
  'ipd-meta-analysis': 'individual-patient meta-analysis',
  'narrative-review': 'narrative review',
  'umbrella-review': 'overview of reviews',
  guideline: 'guideline',
  'consensus-statement': 'consensus statement',
  'regulatory-label': 'drug label',
  animal: 'animal study',
  'in-vitro': 'laboratory (cell) study',
  'ethics-review': 'ethics review',
  'press-release': 'press release',
  'news-report': 'news report',
  commentary: 'commentary',
  interview: 'interview',
};

export const MEASURE_LABELS: Record<Measure, string> = {
  response: 'response',
  remission: 'remission',
  'si-remission': 'remission of suicidal ideation',
  'si-response': 'suicidal-ideation response',
  'effect-size': 'effect size',
  'relapse-time': 'time to relapse',
  'duration-of-benefit': 'duration of benefit',
  onset: 'onset of effect',
  dropout: 'dropouts',
  'adverse-event': 'adverse events',
  'mean-change': 'mean change',
  'odds-ratio': 'odds ratio',
  'sessions-received': 'given',
  'sessions-to-response': 'before response',
};

/** The card for an intervention mention or a flagged claim; undefined when no pack knows the intervention. */
export function interventionCard(evidence: EvidenceIndex, query: EvidenceQuery): EvidenceCard | undefined {
  const first = query.interventionIds.map((id) => evidence.intervention(id)).find((i) => !!i);
  if (!first) return undefined;
  // A claim about safety only ("no side effects") is answered by the safety facts and their sources, not by an efficacy finding.
  const safetyOnly = query.aboutSafety && query.outcomes.every((o) => o === 'adverse-event');
  const sameDrug = sameMolecule(evidence, query.interventionIds);
  const safety = query.aboutSafety ? safetyFor(evidence, sameDrug) : [];
  const finding = safetyOnly ? undefined : bestFinding(evidence, query);
  const sources = safetyOnly
    ? safetySources(evidence, sameDrug)
    : relevantSources(evidence, { ...query, outcomes: finding ? [finding.outcome] : query.outcomes }, finding, query.aboutSafety ? MAX_SOURCES_WITH_SAFETY : MAX_SOURCES);
  return {
    kind: 'intervention',
    title: first.name,
    conditions: query.conditionIds.map((id) => evidence.condition(id)?.name ?? id),
    finding: finding && cardFinding(finding),
    sources: sources.map((s) => cardSource(s, finding ? [finding.outcome] : query.outcomes)),
    safety: safety.map(({ sources: _sources, ...rest }) => rest),
    // A status is per product; the pack's alsoAppliesTo says which forms share it.
    regulatory: regulatoryFor(evidence, query.interventionIds, query.conditionIds),
  };
}

/** The card for a cited source (a footnote, author-year or DOI that matches a pack source). */
export function sourceCard(evidence: EvidenceIndex, sourceId: string): EvidenceCard | undefined {
  const source = evidence.source(sourceId);
  if (!source) return undefined;
  const condition = source.population?.condition ? evidence.condition(source.population.condition)?.name : undefined;
  return {
    kind: 'source',
    title: sourceShortName(source),
    conditions: condition ? [condition] : [],
    sources: [cardSource(source, [])],
    safety: [],
    regulatory: [],
  };
}

function cardFinding(f: PackFinding): CardFinding {
  return {
    id: f.id,
    statement: f.typicalStatement,
    outcome: MEASURE_LABELS[f.outcome],
    range: f.range ? formatRange(f.range.min, f.range.max, f.range.unit) : undefined,
    timepoint: f.timepoint,
    certainty: f.certainty,
    caveat: f.caveats[0] && clip(withoutPackNotes(f.caveats[0]), MAX_CAVEAT_CHARS),
    secondary: f.verification === 'secondary',
  };
}

function cardSource(s: PackSource, outcomes: readonly Measure[]): CardSource {
  const usable = isUsable(s);
  return {
    id: s.id,
    name: sourceShortName(s),
    title: s.title,
    design: s.design && DESIGN_LABELS[s.design],
    n: s.n,
    studies: s.studies,
    population: s.population?.description && clip(firstSentence(withoutPackNotes(s.population.description)), MAX_POPULATION_CHARS),
    // An unverified record's figures are never shown: they could be read as fact.
    numbers: usable ? keyNumbers(s.outcomes ?? [], outcomes) : [],
    caveat: s.caveats?.[0] && clip(withoutPackNotes(s.caveats[0]), MAX_CAVEAT_CHARS),
    link: usable ? sourceLink(s) : undefined,
    verification: s.verification ?? 'unverified',
    nonHuman: s.species === 'mouse' || s.species === 'rat' || s.species === 'cell',
  };
}

/** Up to two checked numbers, those on the asked-for outcomes first. */
function keyNumbers(outcomes: readonly SourceOutcome[], wanted: readonly Measure[]): string[] {
  const checked = outcomes.filter((o) => o.verification === 'verified' || o.verification === 'secondary');
  const ranked = [...checked.filter((o) => wanted.includes(o.measure)), ...checked.filter((o) => !wanted.includes(o.measure))];
  return ranked.slice(0, MAX_NUMBERS).map(formatOutcome).filter((t): t is string => !!t);
}

function formatOutcome(o: SourceOutcome): string | undefined {
  const value = o.value !== undefined ? formatValue(o.value, o.unit) : o.min !== undefined && o.max !== undefined ? formatRange(o.min, o.max, o.unit) : undefined;
  if (!value) return undefined;
  // "OR 9.87" says it is an odds ratio; "55.4%" needs "response".
  // "mean 18 sessions given", "median 3 sessions before response among responders": say whom and how a figure counts.
  const statistic = o.statistic === 'mean' || o.statistic === 'median' ? `${o.statistic} ` : '';
  const parts = [o.measure === 'odds-ratio' ? value : `${statistic}${value} ${MEASURE_LABELS[o.measure]}${o.among === 'responders' ? ' among responders' : ''}`];
  if (o.timepoint) parts.push(/^(?:at|after|within|by|over|during|on|in|from|up to|before|until)\b/i.test(o.timepoint) ? o.timepoint : `at ${o.timepoint}`);
  let text = parts.join(' ');
  if (o.comparatorValue !== undefined) text += ` (vs ${formatValue(o.comparatorValue, o.unit)})`;
  if (o.verification === 'secondary') text += ' (secondary record)';
  return text;
}

const EFFECT_UNITS: Partial<Record<Unit, string>> = { g: 'g =', d: 'd =', smd: 'SMD', or: 'OR', beta: 'β' };

export function formatValue(value: number, unit: Unit): string {
  const effect = EFFECT_UNITS[unit];
  if (effect) return `${effect} ${trim(value)}`;
  if (unit === '%') return `${trim(value)}%`;
  // "1 week", not "1 weeks".
  return `${trim(value)} ${Math.abs(value) === 1 && unit.endsWith('s') ? unit.slice(0, -1) : unit}`;
}

export function formatRange(min: number, max: number, unit: Unit): string {
  if (min === max) return formatValue(min, unit);
  const effect = EFFECT_UNITS[unit];
  if (effect) return `${effect} ${trim(min)}–${trim(max)}`;
  return unit === '%' ? `${trim(min)}–${trim(max)}%` : `${trim(min)}–${trim(max)} ${unit}`;
}

function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function regulatoryFor(evidence: EvidenceIndex, chain: readonly string[], conditionIds: readonly string[]): CardRegulatory[] {
  const seen = new Set<string>();
  const records = chain.flatMap((id) => evidence.regulatoryFor(id)).filter((r) => isUsable(r) && !seen.has(r.id) && seen.add(r.id));
  const conditions = new Set(conditionIds.flatMap((c) => evidence.conditionAndBroader(c)));
  // Records for the sentence's condition first, and approvals for other uses (anaesthesia) last.
  const rank = (r: PackRegulatory) => (r.condition && conditions.has(r.condition) ? 2 : 0) + (r.status === 'approved-other-indication' ? 0 : 1);
  const relevant = [...records].sort((a, b) => rank(b) - rank(a));
  return relevant.slice(0, MAX_REGULATORY).map((r) => ({
    jurisdiction: r.jurisdiction,
    agency: r.agency,
    status: r.status,
    indication: r.indication,
    date: r.date,
    asOf: r.asOf,
    secondary: r.verification === 'secondary',
  }));
}

/** The checked sources behind the intervention's safety facts, systematic reviews and labels first. */
function safetySources(evidence: EvidenceIndex, interventionIds: readonly string[]): PackSource[] {
  const ids = safetyFor(evidence, interventionIds).flatMap((s) => s.sources);
  const sources = [...new Set(ids)].map((id) => evidence.source(id)).filter((s): s is PackSource => !!s && isUsable(s));
  const rank = (s: PackSource) => (s.design === 'systematic-review' || s.design === 'meta-analysis' ? 2 : s.design === 'regulatory-label' ? 1 : 0);
  return sources.sort((a, b) => rank(b) - rank(a)).slice(0, MAX_SOURCES_WITH_SAFETY);
}

function safetyFor(evidence: EvidenceIndex, chain: readonly string[]): (CardSafety & { sources: string[] })[] {
  const seen = new Set<string>();
  const order: Record<PackSafety['kind'], number> = { 'adverse-effect': 0, warning: 1, contraindication: 2 };
  return chain
    .flatMap((id) => evidence.safetyFor(id))
    .filter((s) => isUsable(s) && !seen.has(s.id) && seen.add(s.id))
    .sort((a, b) => order[a.kind] - order[b.kind])
    .slice(0, MAX_SAFETY)
    .map((s) => ({ kind: s.kind, text: s.text, secondary: s.verification === 'secondary', sources: s.sources }));
}

function firstSentence(text: string): string {
  return /^.*?[.;](?=\s|$)/.exec(text)?.[0]?.replace(/[.;]$/, '') ?? text;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
