// The analysis core's entry point: Markdown text in, findings out. It knows
// nothing of files, processes or the Language Server Protocol.
//
// Work is cached per prose block: a block whose text (and the treatment an
// "it" in it would refer to) is unchanged reuses its earlier findings, so an
// edit re-analyses only the paragraph it touched.

import { ClaimAnalyzer, hasAuthorYearCitation, isSourceCitation, type SentenceFacts, type Topic } from './analysis/claimAnalyzer.js';
import type { DocumentContext } from './documentContext.js';
import type { Knowledge } from './knowledge/knowledge.js';
import { matcherFor, type LexiconEntry } from './knowledge/lexicons.js';
import type { PhraseMatcher } from './text/phrases.js';
import { readDirectives, type DirectiveProblem } from './markdown/directives.js';
import { changeBetween, parseMarkdown, unchangedOrigin, type InlineRecord } from './markdown/proseBlocks.js';
import type { Tree } from '@lezer/common';
import { splitSentences } from './text/sentences.js';
import { referenceAnnotationStart } from './text/referenceAnnotation.js';
import { namesInBlock, namesKey, readDocumentNames } from './text/documentNames.js';
import type { ClaimAnalysis, Finding, ProseBlock, Severity, SeveritySetting, Span } from './types.js';
import { RULES } from '../rules/index.js';
import type { RuleDefinition, SentenceCheck } from '../rules/rule.js';

// "McInnes LA, …", "van Tulleken C, …", "Šrámek P, …": a surname (with any particle) and initials.
const REFERENCE_ENTRY = /^\s*(?:\d+\.\s*)?(?:(?:van|von|de|der|den|da|di|du|del|della|le|la)\s+)*\p{Lu}[\p{L}'\-]+,? (?:\p{Lu}{1,3}|\p{Lu}\.(?: ?\p{Lu}\.)*)[,.]/u;

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

export class Checker {
  private readonly analyzer: ClaimAnalyzer;
  private readonly checks: { rule: RuleDefinition; check: SentenceCheck }[];
  /** The rules that read the writer's note after a reference entry's citation. */
  private readonly annotationChecks: { rule: RuleDefinition; check: SentenceCheck }[];
  private readonly referenceTrailers: PhraseMatcher<LexiconEntry>;
  private readonly scholarlyHosts: string[];
  private readonly sourceNames: PhraseMatcher<LexiconEntry>;
  private readonly studyLinkText: PhraseMatcher<LexiconEntry>;
  private readonly referenceHeadings: PhraseMatcher<LexiconEntry>;
  /** What the last check of each editor document left, so the next one redoes only what changed. */
  private readonly documents = new Map<string, DocumentState>();

  constructor(readonly knowledge: Knowledge) {
    this.analyzer = new ClaimAnalyzer(knowledge);
    this.checks = RULES.map((rule) => ({ rule, check: rule.create(knowledge, this.analyzer) }));
    this.annotationChecks = this.checks.filter((c) => c.rule.readsReferenceAnnotations);
    this.referenceTrailers = matcherFor(knowledge.lexicons.citations, ['reference-trailer']);
    this.scholarlyHosts = knowledge.lexicons.citations.entries.filter((e) => e.category === 'scholarly-host').flatMap((e) => e.terms);
    this.sourceNames = matcherFor(knowledge.lexicons.citations, ['journal', 'study-reference']);
    this.studyLinkText = matcherFor(knowledge.lexicons.citations, ['study-link-text']);
    this.referenceHeadings = matcherFor(knowledge.lexicons.citations, ['reference-list-heading']);
  }

  check(source: string, settings: CheckSettings = {}): CheckResult {
    // Caches pay off only for a document that will be checked again (an editor's); a one-off check keeps nothing.
    // What is reused is found by position: a block wholly before or after the edited region is unchanged.
    const kept = settings.documentKey !== undefined ? this.documents.get(settings.documentKey) : undefined;
    const change = kept ? changeBetween(kept.source, source) : undefined;
    const reuse = <T extends { to: number; key: string }>(entries: Map<number, T> | undefined, from: number, to: number, key: string): T | undefined => {
      if (!entries || !change) return undefined;
      const origin = unchangedOrigin(change, from, to);
      const entry = origin === undefined ? undefined : entries.get(origin);
      return entry && entry.to - origin! === to - from && entry.key === key ? entry : undefined;
    };
    const parsed = parseMarkdown(source, {
      includeImageAltText: settings.includeImageAltText,
      keepForReuse: settings.documentKey !== undefined,
      isScholarlyLink: (url) => this.isScholarly(url),
      previous: kept && change ? { tree: kept.tree, change } : undefined,
      reuseInline: kept ? (from, to, key) => reuse(kept.inline, from, to, key)?.result : undefined,
    });
    const next: DocumentState | undefined =
      settings.documentKey !== undefined ? { source, tree: parsed.tree!, blocks: new Map(), inline: new Map(parsed.inline.map((r) => [r.from, r])), names: new Map() } : undefined;
    if (next) this.documents.set(settings.documentKey!, next);
    const suppressions = readDirectives(source, parsed.codeSpans, RULES.map((r) => r.id));
    const severities = new Map(RULES.map((r) => [r.id, resolveSeverity(r, settings.rules)] as const));
    const findings: Finding[] = [];
    let topic: Topic = {};
    let sentenceCount = 0;
    const references = readReferenceList(source, parsed.blocks);
    const listed = this.referenceSectionEntries(parsed.blocks);
    const bibliography = readBibliography(parsed.blocks, listed);
    // An editor document re-reads only the blocks whose prose changed: a kept block's prose is the same string as before.
    const namesByProse = new Map<string, readonly string[]>();
    const names = readDocumentNames(parsed.blocks, (prose) => {
      let found = kept?.names.get(prose) ?? namesByProse.get(prose);
      if (!found) found = namesInBlock(prose);
      if (next) namesByProse.set(prose, found);
      return found;
    });
    if (next) next.names = namesByProse;
    // Rules may read footnotes, the reference lists and the document's names: a block's kept findings hold only while they are unchanged.
    const sourcesKey = next
      ? fingerprint(
          [...parsed.footnotes.entries()].map(([k, v]) => `${k}:${v.text}`).join('\n') +
            [...references.entries()].map(([k, v]) => `${k}:${v.text}`).join('\n') +
            bibliography.map((e) => e.text).join('\n') +
            '\u0000' +
            namesKey(names),
        )
      : '';

    // A lead-in that cites its source and ends in a colon ("In the trial, the authors reported:[^1]") covers the list under it.
    let leadInCited = false;
    for (const block of parsed.blocks) {
      if (block.kind === 'footnote-definition') continue;
      const raw = source.slice(block.start, block.end);
      const underCitedLeadIn = !!block.listItem && leadInCited;
      if (!block.listItem) leadInCited = block.kind === 'paragraph' && /:\s*$/.test(block.prose) && citesInLastSentence(block);
      // Beyond its text, a block's findings depend on what "it" refers to and on the document's footnotes, reference list and names.
      const listedEntry = listed.has(block);
      const key = next ? `${block.kind}${block.columnHeader ? '^' : ''}${listedEntry ? '+' : ''}${underCitedLeadIn ? ':' : ''}\u0000${topic.intervention?.id ?? ''}\u0000${topic.packIntervention?.id ?? ''}\u0000${topic.source ?? ''}${topic.sourceFromHeading ? '#' : ''}\u0000${sourcesKey}` : '';
      let result = reuse(kept?.blocks, block.start, block.end, key)?.result;
      if (!result) result = this.checkBlock(block, raw, topic, parsed.footnotes, references, bibliography, names, listedEntry, underCitedLeadIn);
      next?.blocks.set(block.start, { to: block.end, key, result });
      topic = result.topic;
      sentenceCount += result.sentences;
      const shift = block.start;
      for (const f of result.findings) {
        const severity = severities.get(f.ruleId);
        if (!severity) continue;
        const start = f.start + shift;
        if (suppressions.isSuppressed(f.ruleId, start)) continue;
        // Spelled out rather than spread: this runs for every finding on every keystroke.
        findings.push({
          ruleId: f.ruleId,
          severity,
          start,
          end: f.end + shift,
          message: f.message,
          text: f.text,
          suggestions: f.suggestions,
          evidenceIds: f.evidenceIds,
          sentence: { start: f.sentence.start + shift, end: f.sentence.end + shift },
          analysis: f.analysis,
        });
      }
    }
    findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
    return { findings, directiveProblems: suppressions.problems, sentenceCount };
  }

  /** Drop what is kept for a document (call when an editor closes it). */
  forget(documentKey: string): void {
    this.documents.delete(documentKey);
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

  private checkBlock(
    block: ProseBlock,
    raw: string,
    topicIn: Topic,
    footnotes: DocumentContext['footnotes'],
    references: DocumentContext['references'],
    bibliography: DocumentContext['bibliography'],
    names: DocumentContext['names'],
    listedEntry: boolean,
    underCitedLeadIn = false,
  ): BlockResult {
    // Findings are stored relative to the block so the cached result can move with the block.
    const shift = block.start;
    const local: ProseBlock = { ...block, start: 0, end: block.end - shift, citations: block.citations.map((c) => ({ ...c, start: c.start - shift, end: c.end - shift })) };
    // A link whose own text names a study ("a [2019 trial](…)") is a source readers can follow, whatever site hosts it.
    for (const c of local.citations) if (c.kind === 'link' && !c.scholarly && this.studyLinkText.test(local.prose.slice(c.start, c.end))) c.scholarly = true;
    const sentences = splitSentences(local);
    // Paragraph-wide facts, once per block rather than once per sentence.
    const sources = local.citations.filter(isSourceCitation);
    const sourceNames = this.sourceNames;
    let namesSource: boolean | undefined;
    const context: DocumentContext = {
      knowledge: this.knowledge,
      footnotes,
      references,
      bibliography,
      names,
      block: local,
      referenceEntry: listedEntry || REFERENCE_ENTRY.test(local.prose),
      paragraphCited: sources.length > 0 || underCitedLeadIn,
      citedFrom: (start) => underCitedLeadIn || sources.some((c) => c.end > start),
      // Read only when a rule asks: most sentences are settled before it matters.
      get paragraphNamesSource() {
        return (namesSource ??= sourceNames.test(local.prose));
      },
    };
    const findings: Omit<Finding, 'severity'>[] = [];
    let topic = topicIn;
    sentences.forEach((sentence, i) => {
      const citationEnd = sentences[i + 1]?.start ?? local.end;
      const facts = this.analyzer.analyze(sentence, local.citations, citationEnd, topic);
      topic = this.analyzer.nextTopic(facts, topic);
      // A reference entry names a source ("A miracle cure? A randomised trial. 2021."): its title is the source's words, not the writer's claim.
      if (context.referenceEntry) return;
      for (const { rule, check } of this.checks) {
        for (const hit of check(facts, context)) findings.push(toFinding(rule.id, hit, facts, local, raw));
      }
    });
    if (context.referenceEntry) this.checkAnnotation(local, raw, context, topic, findings);
    return { findings, topic, sentences: sentences.length };
  }

  /**
   * The writer's own note after a reference entry's citation ("… 2013;74(4):250-256. Randomized, placebo-controlled.")
   * is a claim about the source, read only by the rules that ask for it. The citation before it (authors, title,
   * journal) is blanked, so a title is never read as a claim.
   */
  private checkAnnotation(local: ProseBlock, raw: string, context: DocumentContext, topic: Topic, findings: Omit<Finding, 'severity'>[]): void {
    if (!this.annotationChecks.length) return;
    const from = referenceAnnotationStart(local.prose, this.referenceTrailers);
    if (from === undefined) return;
    const note: ProseBlock = { ...local, prose: ' '.repeat(from) + local.prose.slice(from), citations: local.citations.filter((c) => c.start >= from) };
    const noteContext: DocumentContext = { ...context, block: note, annotatedEntry: local.prose.slice(0, from).trim() };
    for (const sentence of splitSentences(note)) {
      const facts = this.analyzer.analyze(sentence, note.citations, note.end, topic);
      for (const { rule, check } of this.annotationChecks) {
        for (const hit of check(facts, noteContext)) findings.push(toFinding(rule.id, hit, facts, local, raw));
      }
    }
  }

  /**
   * Paragraphs with a year under a heading such as "References" or "Sources", up to the next heading: entries of the
   * document's reference list, whoever their author ("Hush Health. Eight-week outcomes… 2024.").
   */
  private referenceSectionEntries(blocks: readonly ProseBlock[]): Set<ProseBlock> {
    const entries = new Set<ProseBlock>();
    let inList = false;
    for (const block of blocks) {
      if (block.kind === 'heading') {
        const heading = block.prose.trim();
        inList = this.referenceHeadings.find(heading).some((m) => m.start === 0 && m.end === heading.replace(/[\s:.]+$/, '').length);
      } else if (inList && block.kind === 'paragraph' && YEAR_IN_TEXT.test(block.prose)) entries.add(block);
    }
    return entries;
  }

  private isScholarly(url: string): boolean {
    const host = /^(?:[a-z][\w+.-]*:)?\/\/([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase() ?? url.toLowerCase();
    return this.scholarlyHosts.some((h) => host === h || host.endsWith(`.${h}`));
  }
}

interface DocumentState {
  source: string;
  tree: Tree;
  /** Each block's findings, by the block's start offset. */
  blocks: Map<number, { to: number; key: string; result: BlockResult }>;
  /** Each block's inline reading, by the block's start offset. */
  inline: Map<number, InlineRecord>;
  /** The names each block's prose uses, by the prose. */
  names: Map<string, readonly string[]>;
}

function toFinding(ruleId: string, hit: ReturnType<SentenceCheck>[number], facts: SentenceFacts, block: ProseBlock, raw: string): Omit<Finding, 'severity'> {
  const text = raw.slice(hit.start, hit.end);
  // A range with markup inside ("magic *bullet*") cannot be replaced without breaking the markup: offer no rewording there.
  const hasMarkup = text !== block.prose.slice(hit.start, hit.end);
  // Rules see the prose view (markup blanked); a fix checks the source, which has the same length.
  return {
    ruleId,
    start: hit.start,
    end: hit.end,
    message: hit.message,
    text,
    suggestions: hasMarkup ? [] : hit.suggestions.map((s) => (s.citeAfter ? { ...s, citeAfter: raw.slice(hit.end, hit.end + s.citeAfter.length) } : s)),
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

/** Reference entries without a number ("Buijze GA, … (2016). …" in a list, or any entry under a "References" heading), which author-year citations point at. */
function readBibliography(blocks: readonly ProseBlock[], listed: ReadonlySet<ProseBlock>): { text: string }[] {
  return blocks.filter((b) => listed.has(b) || (b.kind === 'paragraph' && REFERENCE_ENTRY.test(b.prose) && YEAR_IN_TEXT.test(b.prose))).map((b) => ({ text: b.prose.trim() }));
}

/** Whether the block's last sentence (the lead-in itself, not an earlier one) cites a source. */
function citesInLastSentence(block: ProseBlock): boolean {
  let last = 0;
  for (const m of block.prose.matchAll(/[.!?]["')\]\u201d\u2019]*\s+(?=\S)/g)) last = m.index + m[0].length;
  return block.citations.some((c) => isSourceCitation(c) && c.start - block.start >= last) || hasAuthorYearCitation(block.prose.slice(last));
}

const YEAR_IN_TEXT = /\b(?:19|20)\d\d\b/;

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
