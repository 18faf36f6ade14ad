// What evidence a place in a document points at: a pack intervention named
// there (with the condition and outcome its sentence is about), or a citation
// of a pack source (a footnote reference or definition, an author-year
// citation, a DOI link, a trial name). Editors use it for hover cards.

import { ClaimAnalyzer } from '../analysis/claimAnalyzer.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { parseMarkdown } from '../markdown/proseBlocks.js';
import { splitSentences } from '../text/sentences.js';
import type { CitationMarker, ProseBlock, Span } from '../types.js';
import { outcomesIn, conditionIdsFor, type EvidenceQuery } from './evidenceQuery.js';

export type EvidenceTarget =
  | (Span & { kind: 'intervention'; query: EvidenceQuery })
  | (Span & { kind: 'source'; sourceId: string });

const analyzers = new WeakMap<Knowledge, ClaimAnalyzer>();

function analyzerFor(knowledge: Knowledge): ClaimAnalyzer {
  let analyzer = analyzers.get(knowledge);
  if (!analyzer) analyzers.set(knowledge, (analyzer = new ClaimAnalyzer(knowledge)));
  return analyzer;
}

function containsOffset(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The evidence target at `offset` in a Markdown source, if any. */
export function evidenceTargetAt(knowledge: Knowledge, source: string, offset: number): EvidenceTarget | undefined {
  if (knowledge.evidence.isEmpty) return undefined;
  const parsed = parseMarkdown(source);
  const block = parsed.blocks.find((b) => containsOffset(b, offset));
  if (!block) return undefined;
  const evidence = knowledge.evidence;

  if (block.kind === 'footnote-definition') {
    const cited = evidence.sourceForCitation(source.slice(block.start, block.end));
    return cited ? { kind: 'source', start: block.start, end: block.end, sourceId: cited.id } : undefined;
  }
  const marker = block.citations.find((c) => containsOffset(c, offset));
  if (marker) {
    const cited = citedSource(knowledge, source, marker, parsed.footnotes);
    if (cited) return { kind: 'source', start: marker.start, end: marker.end, sourceId: cited };
  }
  return mentionAt(knowledge, block, offset);
}

function citedSource(knowledge: Knowledge, source: string, marker: CitationMarker, footnotes: ReadonlyMap<string, { text: string }>): string | undefined {
  if (marker.kind === 'named-study') return knowledge.evidence.source(marker.label)?.id;
  const text = marker.kind === 'footnote' ? footnotes.get(marker.label)?.text : source.slice(marker.start, marker.end);
  return text ? knowledge.evidence.sourceForCitation(text)?.id : undefined;
}

/** A pack intervention or a citation in the sentence at `offset` (sentences are analysed without the document's topic: a name is needed). */
function mentionAt(knowledge: Knowledge, block: ProseBlock, offset: number): EvidenceTarget | undefined {
  const shift = block.start;
  const local: ProseBlock = { ...block, start: 0, end: block.end - shift, citations: block.citations.map((c) => ({ ...c, start: c.start - shift, end: c.end - shift })) };
  const sentences = splitSentences(local);
  const index = sentences.findIndex((s) => containsOffset(s, offset - shift));
  const sentence = sentences[index];
  if (!sentence) return undefined;
  const analyzer = analyzerFor(knowledge);
  const facts = analyzer.analyze(sentence, local.citations, sentences[index + 1]?.start ?? local.end, {});
  const at = offset - shift;
  const cited = facts.citations.find((c) => containsOffset(c, at) && (c.kind === 'author-year' || c.kind === 'named-study'));
  if (cited) {
    const id = cited.kind === 'named-study' ? cited.label : knowledge.evidence.sourceForCitation(cited.label)?.id;
    if (id) return { kind: 'source', start: cited.start + shift, end: cited.end + shift, sourceId: id };
  }
  const mention = facts.interventions.find((i) => containsOffset(i, at) && knowledge.evidence.intervention(i.id));
  if (!mention) return undefined;
  const conditionIds = conditionIdsFor(knowledge, facts.conditions.map((c) => c.cue));
  const { outcomes, aboutSafety } = outcomesIn(knowledge, facts.text, conditionIds);
  return {
    kind: 'intervention',
    start: mention.start + shift,
    end: mention.end + shift,
    query: { interventionIds: [mention.id], conditionIds, outcomes, aboutSafety, evidenceIds: [] },
  };
}
