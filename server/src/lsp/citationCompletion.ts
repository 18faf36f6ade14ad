// Citation completion: right after "[^" or "[@" in Markdown prose, offer the
// evidence packs' checked sources. Accepting one inserts a footnote reference
// ("[^3]", the next free number, or the number of a footnote that already
// cites the source) and, for a new footnote, its definition at the end of the
// document. Never inside code.

import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { sourceCard } from '../core/evidence/evidenceCard.js';
import { sourceMenuLabel } from '../core/evidence/evidenceFixes.js';
import { isUsable, sourceShortName } from '../core/knowledge/evidenceIndex.js';
import type { PackSource } from '../core/knowledge/evidencePack.js';
import { footnoteCitation } from '../core/knowledge/footnoteCitation.js';
import type { Knowledge } from '../core/knowledge/knowledge.js';
import { parseMarkdown } from '../core/markdown/proseBlocks.js';
import { appendEdit } from './codeActions.js';
import { renderEvidenceCard } from './evidenceCardMarkdown.js';

export const CITATION_TRIGGER_CHARACTERS = ['[', '^', '@'];

/** "[^" or "[@", then what has been typed of the source's name. */
const CITATION_START = /\[([\^@])([^\]\s[]*)$/;
const SHORT_TITLE_WORDS = 6;

export function citationCompletions(document: TextDocument, position: Position, knowledge: Knowledge): CompletionItem[] {
  if (knowledge.evidence.isEmpty) return [];
  const text = document.getText();
  const offset = document.offsetAt(position);
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const typed = CITATION_START.exec(text.slice(lineStart, offset));
  if (!typed) return [];
  const start = offset - typed[0].length;
  if (inCode(text, start, lineStart)) return [];
  // Editors auto-close "[": replace the "]" after the cursor too, so the result is "[^3]", not "[^3]]".
  const end = text[offset] === ']' ? offset + 1 : offset;
  const range = { start: document.positionAt(start), end: document.positionAt(end) };
  const evidence = knowledge.evidence;
  const cites = (source: PackSource) => (footnote: string) => evidence.sourceForCitation(footnote) === source;
  return rankForDocument(evidence.allSources().filter(isUsable), text, knowledge).map((source, i) => {
    const footnote = footnoteCitation(text, source, cites(source));
    const append = footnote.definition ? appendEdit(document, [footnote.definition]) : undefined;
    const card = sourceCard(evidence, source.id);
    const label = `${sourceShortName(source)}: ${shortTitle(source)}`;
    return {
      label,
      kind: CompletionItemKind.Reference,
      detail: `${sourceMenuLabel(source).slice(sourceShortName(source).length).trim().replace(/^\(|\)$/g, '')}${footnote.existing ? ` · already footnote ${footnote.reference}` : ''}`,
      documentation: card ? { kind: MarkupKind.Markdown, value: renderEvidenceCard(card) } : undefined,
      filterText: `[${typed[1]}${label}`,
      sortText: String(i).padStart(4, '0'),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText: footnote.reference },
      additionalTextEdits: append ? [append] : [],
    };
  });
}

/** Inside a fenced or indented code block, front matter, or an inline code span on this line. */
function inCode(text: string, offset: number, lineStart: number): boolean {
  if (parseMarkdown(text).codeSpans.some((s) => s.start <= offset && offset < s.end)) return true;
  const backticks = text.slice(lineStart, offset).match(/`+/g) ?? [];
  return backticks.length % 2 === 1;
}

/** Sources about the treatments the document names first, then stronger designs and recent years. */
function rankForDocument(sources: PackSource[], text: string, knowledge: Knowledge): PackSource[] {
  const lower = text.toLowerCase();
  const named = new Set(
    knowledge.packs.flatMap((p) => p.interventions.filter((i) => [i.name, ...i.aliases].some((a) => lower.includes(a.toLowerCase()))).map((i) => i.id)),
  );
  const score = (s: PackSource) => (s.intervention && named.has(s.intervention) ? 1000 : 0) + (s.year ?? 0) / 10 + (s.verification === 'verified' ? 1 : 0);
  return [...sources].sort((a, b) => score(b) - score(a));
}

function shortTitle(source: PackSource): string {
  const title = source.title ?? (source.design ? `${source.design.replace(/-/g, ' ')}` : source.citation);
  const words = title.split(/\s+/);
  return words.length > SHORT_TITLE_WORDS ? `${words.slice(0, SHORT_TITLE_WORDS).join(' ')}…` : title;
}
