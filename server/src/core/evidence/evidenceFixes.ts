// Fixes backed by an evidence pack, built in the core so they travel in the
// diagnostic's data and the editor needs no state: "Add source" for a claim
// without a citation, and a rewording that states the pack's figure and
// population for an unqualified efficacy claim. Both cite their source with
// `citeSourceId`; the editor numbers the footnote when the fix is applied.

import type { SentenceFacts } from '../analysis/claimAnalyzer.js';
import type { PackSource } from '../knowledge/evidencePack.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Span, Suggestion } from '../types.js';
import { DESIGN_LABELS } from './evidenceCard.js';
import { sourceShortName } from '../knowledge/evidenceIndex.js';
import { queryForClaim } from './evidenceQuery.js';
import { citableSources, rankFindings } from './evidenceSelection.js';

const MAX_ADD_SOURCE = 3;
const MAX_TITLE_QUOTE = 80;

/** "Anand 2023 (RCT, n=403)": what a menu shows of a source. */
export function sourceMenuLabel(source: PackSource): string {
  const details = [source.design && DESIGN_LABELS[source.design], source.studies !== undefined && `${source.studies} studies`, source.n !== undefined && `n=${source.n}`].filter(Boolean);
  return details.length ? `${sourceShortName(source)} (${details.join(', ')})` : sourceShortName(source);
}

/**
 * "Add source" suggestions for a sentence that needs a citation: up to three
 * checked pack sources about its intervention, condition and outcome. The
 * flagged words stay as they are; the footnote reference goes after the
 * sentence (`citeAfter` is the rest of the sentence).
 */
export function addSourceSuggestions(knowledge: Knowledge, facts: SentenceFacts, flagged: Span): Suggestion[] {
  if (knowledge.evidence.isEmpty) return [];
  const query = queryForClaim(knowledge, facts.analysis);
  const percents = facts.numbers.filter((n) => n.kind === 'percent' && n.value !== undefined).map((n) => n.value!);
  const sources = citableSources(knowledge.evidence, query, percents, MAX_ADD_SOURCE);
  const at = facts.sentence.start;
  const replacement = facts.text.slice(flagged.start - at, flagged.end - at);
  const rest = facts.text.slice(flagged.end - at).replace(/\s+$/, '');
  return sources.map((source) => ({
    title: `Add source: ${sourceMenuLabel(source)}`,
    replacement,
    citeSourceId: source.id,
    ...(rest ? { citeAfter: rest } : {}),
  }));
}

/**
 * For an unqualified efficacy claim that is the whole sentence ("Ketamine cures
 * depression."): the pack finding's careful statement, with its figure and
 * population, citing the finding's preferred source. Only the statement's
 * first clause is used when it has several, since the preferred source backs
 * the first.
 */
export function packRewording(knowledge: Knowledge, facts: SentenceFacts, flagged: Span): Suggestion | undefined {
  if (knowledge.evidence.isEmpty) return undefined;
  const at = facts.sentence.start;
  const before = facts.text.slice(0, flagged.start - at);
  const after = facts.text.slice(flagged.end - at);
  // The statement is a sentence of its own: it can replace the claim only when the claim is the sentence.
  if (before.trim() || !/^\s*[.!]?\s*$/.test(after)) return undefined;
  const query = queryForClaim(knowledge, facts.analysis);
  if (!query.interventionIds.length) return undefined;
  const finding = rankFindings(knowledge.evidence, query).find((f) => f.range && knowledge.evidence.source(f.preferredSource));
  if (!finding) return undefined;
  const statement = finding.typicalStatement.split(/;\s+/)[0]!.replace(/[.\s]+$/, '');
  const source = knowledge.evidence.source(finding.preferredSource)!;
  const quoted = statement.length > MAX_TITLE_QUOTE ? `${statement.slice(0, MAX_TITLE_QUOTE - 1).replace(/\s+\S*$/, '')}…` : statement;
  return { title: `State what the evidence shows (${sourceShortName(source)}): "${quoted}"`, replacement: statement, citeSourceId: source.id };
}
