// The analysis core's entry point: Markdown text in, findings out. It knows
// nothing of files, processes or the Language Server Protocol.
//
// Work is cached per prose block: a block whose text (and the treatment an
// "it" in it would refer to) is unchanged reuses its earlier findings, so an
// edit re-analyses only the paragraph it touched.

import { ClaimAnalyzer, isSourceCitation, type SentenceFacts, type Topic } from './analysis/claimAnalyzer.js';
import type { DocumentContext } from './documentContext.js';
import type { Knowledge } from './knowledge/knowledge.js';
import { matcherFor, type LexiconEntry } from './knowledge/lexicons.js';
import type { PhraseMatcher } from './text/phrases.js';
import { readDirectives, type DirectiveProblem } from './markdown/directives.js';
import { parseMarkdown, type InlineResult } from './markdown/proseBlocks.js';
import type { Tree } from '@lezer/common';
import { splitSentences } from './text/sentences.js';
import type { ClaimAnalysis, Finding, ProseBlock, Severity, SeveritySetting, Span } from './types.js';
import { RULES } from '../rules/index.js';
import type { RuleDefinition, SentenceCheck } from '../rules/rule.js';

export type RuleSettings = Partial<Record<string, SeveritySetting>>;

export interface CheckSettings {
  rules?: RuleSettings;
  includeImageAltText?: boolean;
  /**
   * A stable name for the document (an editor's URI). With it, the next check of
   * the same document re-parses only the region that changed.
   */
  documentKey?: string;
}

export interface CheckResult {
  findings: Finding[];
  /** Directives that name rules that do not exist. */
  directiveProblems: DirectiveProblem[];
  sentenceCount: number;
}

interface BlockResult {
  findings: Omit<Finding, 'severity'>[];
  topic: Topic;
  sentences: number;
}

const CACHE_LIMIT = 50_000;

export class Checker {
  private readonly analyzer: ClaimAnalyzer;
  private readonly checks: { rule: RuleDefinition; check: SentenceCheck }[];
  private readonly scholarlyHosts: string[];
  private readonly sourceNames: PhraseMatcher<LexiconEntry>;
  private cache = new Map<string, BlockResult>();
  private inlineCache = new Map<string, InlineResult>();
  private readonly lastParse = new Map<string, { source: string; tree: Tree }>();

  constructor(readonly knowledge: Knowledge) {
    this.analyzer = new ClaimAnalyzer(knowledge);
    this.checks = RULES.map((rule) => ({ rule, check: rule.create(knowledge, this.analyzer) }));
    this.scholarlyHosts = knowledge.lexicons.citations.entries.filter((e) => e.category === 'scholarly-host').flatMap((e) => e.terms);
    this.sourceNames = matcherFor(knowledge.lexicons.citations, ['journal', 'study-reference']);
  }

  check(source: string, settings: CheckSettings = {}): CheckResult {
    const previous = settings.documentKey !== undefined ? this.lastParse.get(settings.documentKey) : undefined;
    const inlineCache = new Map<string, InlineResult>();
    const parsed = parseMarkdown(source, {
      includeImageAltText: settings.includeImageAltText,
      isScholarlyLink: (url) => this.isScholarly(url),
      previous,
      inlineCache: new ReadThroughCache(this.inlineCache, inlineCache),
    });
    this.inlineCache = inlineCache;
    if (settings.documentKey !== undefined) this.lastParse.set(settings.documentKey, { source, tree: parsed.tree });
    const suppressions = readDirectives(source, parsed.codeSpans, RULES.map((r) => r.id));
    const severities = new Map(RULES.map((r) => [r.id, resolveSeverity(r, settings.rules)] as const));
    const findings: Finding[] = [];
    let topic: Topic = {};
    let sentenceCount = 0;
    const nextCache = new Map<string, BlockResult>();
    const references = readReferenceList(source, parsed.blocks);
    // Rules may read footnotes and the reference list: a block's cached findings hold only while they are unchanged.
    const sourcesKey = fingerprint([...parsed.footnotes.entries()].map(([k, v]) => `${k}:${v.text}`).join('\n') + [...references.entries()].map(([k, v]) => `${k}:${v.text}`).join('\n'));

    for (const block of parsed.blocks) {
      if (block.kind === 'footnote-definition') continue;
      const raw = source.slice(block.start, block.end);
      const key = `${block.kind}\u0000${topic.intervention?.id ?? ''}\u0000${topic.packIntervention?.id ?? ''}\u0000${topic.source ?? ''}${topic.sourceFromHeading ? '#' : ''}\u0000${sourcesKey}\u0000${raw}`;
      let result = this.cache.get(key) ?? nextCache.get(key);
      if (!result) result = this.checkBlock(block, raw, topic, parsed.footnotes, references);
      nextCache.set(key, result);
      topic = result.topic;
      sentenceCount += result.sentences;
      const shift = block.start;
      for (const f of result.findings) {
        const severity = severities.get(f.ruleId);
        if (!severity) continue;
        const start = f.start + shift;
        if (suppressions.isSuppressed(f.ruleId, start)) continue;
        findings.push({ ...f, severity, start, end: f.end + shift, sentence: { start: f.sentence.start + shift, end: f.sentence.end + shift } });
      }
    }
    this.cache = nextCache.size > CACHE_LIMIT ? new Map() : nextCache;
    findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
    return { findings, directiveProblems: suppressions.problems, sentenceCount };
  }

  /** Drop what is kept for a document (call when an editor closes it). */
  forget(documentKey: string): void {
    this.lastParse.delete(documentKey);
  }

  /** Claim analysis of plain sentences (no Markdown), for `health-claims explain`. */
  explain(text: string): ClaimAnalysis[] {
    const block: ProseBlock = { start: 0, end: text.length, kind: 'paragraph', prose: text, citations: [] };
    let topic: Topic = {};
    return splitSentences(block).map((sentence) => {
      const facts = this.analyzer.analyze(sentence, [], sentence.end, topic);
      topic = this.analyzer.nextTopic(facts, topic);
      return facts.analysis;
    });
  }

  private checkBlock(block: ProseBlock, raw: string, topicIn: Topic, footnotes: DocumentContext['footnotes'], references: DocumentContext['references']): BlockResult {
    // Findings are stored relative to the block so the cached result can move with the block.
    const shift = block.start;
    const local: ProseBlock = { ...block, start: 0, end: block.end - shift, citations: block.citations.map((c) => ({ ...c, start: c.start - shift, end: c.end - shift })) };
    const sentences = splitSentences(local);
    // Paragraph-wide facts, once per block rather than once per sentence.
    const context: DocumentContext = {
      knowledge: this.knowledge,
      footnotes,
      references,
      block: local,
      paragraphCited: local.citations.some(isSourceCitation),
      paragraphNamesSource: this.sourceNames.test(local.prose),
    };
    const findings: Omit<Finding, 'severity'>[] = [];
    let topic = topicIn;
    sentences.forEach((sentence, i) => {
      const citationEnd = sentences[i + 1]?.start ?? local.end;
      const facts = this.analyzer.analyze(sentence, local.citations, citationEnd, topic);
      topic = this.analyzer.nextTopic(facts, topic);
      for (const { rule, check } of this.checks) {
        for (const hit of check(facts, context)) findings.push(toFinding(rule.id, hit, facts, local, raw));
      }
    });
    return { findings, topic, sentences: sentences.length };
  }

  private isScholarly(url: string): boolean {
    const host = /^(?:[a-z][\w+.-]*:)?\/\/([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase() ?? url.toLowerCase();
    return this.scholarlyHosts.some((h) => host === h || host.endsWith(`.${h}`));
  }
}

function toFinding(ruleId: string, hit: ReturnType<SentenceCheck>[number], facts: SentenceFacts, block: ProseBlock, raw: string): Omit<Finding, 'severity'> {
  const text = raw.slice(hit.start, hit.end);
  // A range with markup inside ("magic *bullet*") cannot be replaced without breaking the markup: offer no rewording there.
  const hasMarkup = text !== block.prose.slice(hit.start, hit.end);
  return {
    ruleId,
    start: hit.start,
    end: hit.end,
    message: hit.message,
    text,
    suggestions: hasMarkup ? [] : hit.suggestions,
    evidenceIds: hit.evidenceIds ?? [],
    sentence: { start: facts.sentence.start, end: facts.sentence.end } as Span,
    analysis: facts.analysis,
  };
}

/**
 * The document's numbered reference list: "7. McInnes LA, … 2022." or "[1] McInnes LA, …" entries,
 * keyed by number, so a "[7]" marker can be traced to the entry it points at.
 */
function readReferenceList(source: string, blocks: readonly ProseBlock[]): Map<string, { text: string }> {
  const references = new Map<string, { text: string }>();
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    const lineStart = source.lastIndexOf('\n', block.start - 1) + 1;
    const marker = /^\s*(\d{1,3})[.)]\s*$/.exec(source.slice(lineStart, block.start)) ?? /^\s*\[(\d{1,3})\]\s+/.exec(source.slice(block.start, block.end));
    if (!marker || !/\b(?:19|20)\d\d\b/.test(block.prose)) continue;
    if (!references.has(marker[1]!)) references.set(marker[1]!, { text: block.prose.trim() });
  }
  return references;
}

/** A short, stable digest (FNV-1a) for cache keys. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

function resolveSeverity(rule: RuleDefinition, settings: RuleSettings | undefined): Severity | undefined {
  const setting = settings?.[rule.id] ?? rule.defaultSeverity;
  return setting === 'off' ? undefined : setting;
}

/** Reads from the previous generation, writes to the next: entries not used in a check are dropped after it. */
class ReadThroughCache<V> extends Map<string, V> {
  constructor(private readonly older: Map<string, V>, private readonly newer: Map<string, V>) {
    super();
  }

  override get(key: string): V | undefined {
    const value = this.newer.get(key) ?? this.older.get(key);
    if (value !== undefined) this.newer.set(key, value);
    return value;
  }

  override set(key: string, value: V): this {
    this.newer.set(key, value);
    return this;
  }
}
