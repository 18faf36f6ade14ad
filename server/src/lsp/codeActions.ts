// Code actions for health-claims diagnostics: apply a suggested rewording,
// disable the rule for a line or for the file, and fix all (every preferred
// rewording at once). Pure functions over a TextDocument, no connection.
// A suggestion that cites a pack source (citeSourceId) gets its footnote here,
// numbered against the document as it is when the fix is asked for.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { DiagnosticData } from '../shared/diagnostics.js';
import type { Suggestion } from '../core/types.js';
import { replacementTitle } from '../rules/rule.js';
import type { EvidenceIndex } from '../core/knowledge/evidenceIndex.js';
import type { FootnoteCitation } from '../core/knowledge/footnoteCitation.js';
import { placeCitation } from '../core/evidence/citeSource.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.health-claims`;

export interface HealthDiagnostic extends Diagnostic {
  data?: DiagnosticData;
}

/** Whether an action of `kind` is wanted when the client asks for `only` kinds (hierarchical: "source" matches "source.fixAll.x"). */
export function kindRequested(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((k) => k === '' || kind === k || kind.startsWith(`${k}.`));
}

/** The data of a diagnostic still describes the document: the flagged text is where it was. */
function stillApplies(document: TextDocument, diagnostic: HealthDiagnostic): diagnostic is HealthDiagnostic & { data: DiagnosticData } {
  const data = diagnostic.data;
  return !!data && typeof data.text === 'string' && Array.isArray(data.suggestions) && document.getText(diagnostic.range) === data.text;
}

export function appendEdit(document: TextDocument, texts: readonly string[]): TextEdit | undefined {
  const additions = texts.map((t) => t.replace(/^\n+|\s+$/g, '')).filter(Boolean);
  if (!additions.length) return undefined;
  const text = document.getText();
  const end = document.positionAt(text.length);
  // Keep a blank line between the document and what is appended (e.g. footnote definitions).
  const lead = text.length === 0 ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return { range: { start: end, end }, newText: `${lead}${additions.join('\n\n')}\n` };
}

/**
 * The edits of one suggestion: the replacement, then (with `citeSourceId`) a
 * footnote reference after it or after `citeAfter`, and the footnote's
 * definition at the end of the document. `documentText` is the text the
 * footnote is numbered against: the document, plus what earlier fixes in the
 * same action append.
 */
function suggestionEdits(
  document: TextDocument,
  diagnostic: HealthDiagnostic & { data: DiagnosticData },
  suggestion: Suggestion,
  evidence: EvidenceIndex | undefined,
  documentText: string,
): { edits: TextEdit[]; appended: string[]; citation?: FootnoteCitation } | undefined {
  let replacement = suggestion.replacement;
  const edits: TextEdit[] = [];
  const appended = suggestion.appendToDocument ? [suggestion.appendToDocument] : [];
  let citation: FootnoteCitation | undefined;
  if (suggestion.citeSourceId) {
    // A fix that should cite a source the loaded packs do not have is not offered: it would leave the claim unsourced.
    const placed = placeCitation(documentText, document.offsetAt(diagnostic.range.end), suggestion, evidence);
    if (!placed) return undefined;
    citation = placed.footnote;
    if (placed.referenceAt !== undefined) {
      const at = document.positionAt(placed.referenceAt);
      edits.push({ range: { start: at, end: at }, newText: citation.reference });
    } else {
      replacement += citation.reference;
    }
    if (citation.definition) appended.push(citation.definition);
  }
  edits.unshift({ range: diagnostic.range, newText: replacement });
  return { edits, appended, citation };
}

/** Published diagnostics leave off a plain rewording's title; it is rebuilt from the flagged text. */
function titleOf(suggestion: Suggestion, diagnostic: HealthDiagnostic & { data: DiagnosticData }): string {
  return typeof suggestion.title === 'string' ? suggestion.title : replacementTitle(diagnostic.data.text, suggestion.replacement);
}

function suggestionAction(document: TextDocument, diagnostic: HealthDiagnostic & { data: DiagnosticData }, suggestion: Suggestion, evidence: EvidenceIndex | undefined): CodeAction | undefined {
  const result = suggestionEdits(document, diagnostic, suggestion, evidence, document.getText());
  if (!result) return undefined;
  const edits = result.edits;
  const append = appendEdit(document, result.appended);
  if (append) edits.push(append);
  const cite = result.citation;
  return {
    // The footnote number is known only now, so it is named here rather than in the core's title.
    title: cite ? `${titleOf(suggestion, diagnostic)} ${cite.existing ? `(reuses footnote ${cite.reference})` : `as footnote ${cite.reference}`}` : titleOf(suggestion, diagnostic),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: suggestion.preferred === true,
    edit: { changes: { [document.uri]: edits } },
  };
}

// ---------------------------------------------------------------- disable comments

const BLOCKQUOTE_AND_INDENT = /^(?:[ \t]*>[ \t]?)*[ \t]*/;
const BLOCK_START = /^(?:#{1,6}(?:\s|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|```|~~~|<!--|<\/?[a-zA-Z]|\|)/;
const THEMATIC_BREAK_OR_SETEXT = /^(?:(?:[-*_][ \t]*){3,}|=+[ \t]*)$/;

function lineText(lines: readonly string[], line: number): string {
  return (lines[line] ?? '').replace(/\r$/, '');
}

function stripContainers(line: string): { prefix: string; content: string } {
  const prefix = BLOCKQUOTE_AND_INDENT.exec(line)?.[0] ?? '';
  return { prefix, content: line.slice(prefix.length) };
}

function isTableRow(content: string): boolean {
  return /^\|.*\|\s*$/.test(content) || (content.includes('|') && /\S\s*\|\s*\S/.test(content));
}

/**
 * Whether `line` continues a paragraph that began on an earlier line
 * (including a "lazy" continuation without the blockquote or list indentation).
 * A comment inserted above such a line would split the paragraph, so the
 * end-of-line form is used instead. Table body rows are treated the same way,
 * since a comment line would end the table.
 */
export function continuesBlock(lines: readonly string[], line: number): boolean {
  if (line === 0) return false;
  const current = stripContainers(lineText(lines, line)).content;
  const previous = stripContainers(lineText(lines, line - 1)).content;
  if (!previous.trim() || !current.trim()) return false;
  if (isTableRow(current) && isTableRow(previous)) return true;
  if (BLOCK_START.test(current) || THEMATIC_BREAK_OR_SETEXT.test(current.trim())) return false;
  if (/^#{1,6}(?:\s|$)/.test(previous) || /^(?:```|~~~)/.test(previous) || /-->\s*$/.test(previous) || THEMATIC_BREAK_OR_SETEXT.test(previous.trim())) return false;
  return true;
}

const LIST_MARKER = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)/;

/**
 * The text to put before a comment line inserted above `line`: the line's
 * blockquote markers and indentation. For a list item that follows another
 * item, the comment is indented to the item's content column so it stays
 * inside the list (at the marker's column it would end the list).
 */
function commentPrefix(lines: readonly string[], line: number): string {
  const { prefix, content } = stripContainers(lineText(lines, line));
  const marker = LIST_MARKER.exec(content);
  if (!marker) return prefix;
  for (let i = line - 1; i >= 0; i--) {
    const prev = stripContainers(lineText(lines, i));
    if (!prev.content.trim()) continue;
    const prevIndent = prev.prefix.length - prev.prefix.replace(/[ \t]+$/, '').length;
    const isSibling = LIST_MARKER.test(prev.content) || prevIndent > prefix.length - prefix.replace(/[ \t]+$/, '').length;
    return isSibling ? prefix + ' '.repeat(marker[2]!.length + Math.min(marker[3]!.length, 4)) : prefix;
  }
  return prefix;
}

export function disableLineAction(document: TextDocument, diagnostic: HealthDiagnostic, ruleId: string): CodeAction {
  const lines = document.getText().split('\n');
  const line = diagnostic.range.start.line;
  const current = lineText(lines, line);
  let edit: TextEdit;
  if (continuesBlock(lines, line)) {
    // Two trailing spaces are a hard line break: put the comment before them.
    const at = /\S {2,}$/.test(current) ? current.replace(/ +$/, '').length : current.length;
    const spacer = at === 0 || current[at - 1] === ' ' ? '' : ' ';
    const position = { line, character: at };
    edit = { range: { start: position, end: position }, newText: `${spacer}<!-- health-claims-disable-line ${ruleId} -->` };
  } else {
    const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
    const at = { line, character: 0 };
    edit = { range: { start: at, end: at }, newText: `${commentPrefix(lines, line)}<!-- health-claims-disable-next-line ${ruleId} -->${eol}` };
  }
  return {
    title: `Disable health-claims ${ruleId} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [edit] } },
  };
}

/** Offset just after YAML (---) or TOML (+++) front matter, or 0. */
export function afterFrontMatter(text: string): number {
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const fence = open[1]!;
  const close = new RegExp(`^(?:${fence === '---' ? '---|\\.\\.\\.' : '\\+\\+\\+'})[ \\t]*(?:\\r?\\n|$)`, 'm');
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) return 0;
  return open[0].length + m.index + m[0].length;
}

export function disableFileAction(document: TextDocument, diagnostic: HealthDiagnostic, ruleId: string): CodeAction {
  const text = document.getText();
  const offset = afterFrontMatter(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const needsBreak = offset > 0 && offset === text.length && !text.endsWith('\n');
  const position = document.positionAt(offset);
  return {
    title: `Disable health-claims ${ruleId} for this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [{ range: { start: position, end: position }, newText: `${needsBreak ? eol : ''}<!-- health-claims-disable-file ${ruleId} -->${eol}` }] } },
  };
}

/** All quick fixes for one diagnostic. `evidence` resolves the sources suggestions cite. */
export function quickFixes(document: TextDocument, diagnostic: HealthDiagnostic, evidence?: EvidenceIndex): CodeAction[] {
  const actions: CodeAction[] = [];
  const ruleId = diagnostic.data?.ruleId ?? (typeof diagnostic.code === 'string' ? diagnostic.code : undefined);
  if (stillApplies(document, diagnostic)) {
    for (const suggestion of diagnostic.data.suggestions) {
      if (typeof suggestion?.replacement !== 'string') continue;
      const action = suggestionAction(document, diagnostic, suggestion, evidence);
      if (action) actions.push(action);
    }
  }
  if (ruleId && /^[a-z][a-z0-9-]*$/.test(ruleId) && diagnostic.range.start.line < document.lineCount) {
    actions.push(disableLineAction(document, diagnostic, ruleId));
    actions.push(disableFileAction(document, diagnostic, ruleId));
  }
  return actions;
}

/** One action applying every preferred rewording that still applies, skipping overlaps; cited sources are numbered in document order. */
export function fixAllAction(document: TextDocument, diagnostics: readonly HealthDiagnostic[], evidence?: EvidenceIndex): CodeAction | undefined {
  const candidates = diagnostics
    .filter((d) => stillApplies(document, d))
    .map((d) => ({ d: d as HealthDiagnostic & { data: DiagnosticData }, s: d.data!.suggestions.find((s) => s.preferred), start: document.offsetAt(d.range.start), end: document.offsetAt(d.range.end) }))
    .filter((c): c is typeof c & { s: Suggestion } => !!c.s)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const edits: TextEdit[] = [];
  const appended: string[] = [];
  const fixed: HealthDiagnostic[] = [];
  let lastEnd = -1;
  // Each new footnote definition joins the text the next one is numbered against.
  let numberedText = document.getText();
  for (const c of candidates) {
    const reach = c.end + (c.s.citeSourceId ? (c.s.citeAfter?.length ?? 0) : 0);
    if (c.start < lastEnd || (c.start === lastEnd && c.start === c.end)) continue;
    const result = suggestionEdits(document, c.d, c.s, evidence, numberedText);
    if (!result) continue;
    edits.push(...result.edits);
    appended.push(...result.appended);
    if (result.citation?.definition) numberedText += `\n${result.citation.definition}`;
    fixed.push(c.d);
    lastEnd = reach;
  }
  if (!edits.length) return undefined;
  const append = appendEdit(document, appended);
  if (append) edits.push(append);
  return {
    title: `Fix all health-claims problems with a preferred rewording (${fixed.length})`,
    kind: FIX_ALL_KIND,
    diagnostics: fixed,
    edit: { changes: { [document.uri]: edits } },
  };
}
