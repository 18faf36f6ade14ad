// The shape every rule has. A rule is created once per knowledge set (so it
// can compile its lexicon) and then checks one analysed sentence at a time.

import type { ClaimAnalyzer, SentenceFacts } from '../core/analysis/claimAnalyzer.js';
import type { Knowledge } from '../core/knowledge/knowledge.js';
import type { DocumentContext } from '../core/documentContext.js';
import type { Severity, Suggestion } from '../core/types.js';

export interface RuleHit {
  start: number;
  end: number;
  message: string;
  suggestions: Suggestion[];
  evidenceIds?: string[];
}

export type SentenceCheck = (facts: SentenceFacts, document: DocumentContext) => RuleHit[];

export interface RuleDefinition {
  /** Stable id: the diagnostic code and the key in settings. */
  id: string;
  title: string;
  /** One line for settings UIs and the rules table. */
  description: string;
  defaultSeverity: Severity;
  /** Whether the rule needs an evidence pack to say anything. */
  needsEvidence?: boolean;
  /**
   * Whether the rule also reads the writer's note after a reference entry's citation ("… 2013;74(4):250-256.
   * Randomized, placebo-controlled."), with `annotatedEntry` set in its document context. Titles are never read.
   */
  readsReferenceAnnotations?: boolean;
  create(knowledge: Knowledge, analyzer: ClaimAnalyzer): SentenceCheck;
}

export const RULE_DOCS_BASE = 'https://github.com/health-claims/health-claims/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

/** The title of a plain word-for-word rewording; the language server leaves it off the wire and rebuilds it. */
export function replacementTitle(text: string, replacement: string): string {
  return `Replace "${text}" with "${replacement}"`;
}
