// Findings -> LSP-shaped diagnostics (plain objects, no protocol library), so
// the CLI's JSON output and the language server publish the same thing.

import { LineIndex } from '../core/lineIndex.js';
import type { ClaimAnalysis, Finding, Severity, Suggestion } from '../core/types.js';
import { ruleDocsUrl } from '../rules/rule.js';

export const DIAGNOSTIC_SOURCE = 'health-claims';

export interface DiagnosticData {
  ruleId: string;
  /** The flagged source text: a fix applies only while the document still has it. */
  text: string;
  suggestions: Suggestion[];
  evidenceIds: string[];
  analysis: ClaimAnalysis;
}

export interface PlainDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 1 | 2 | 3 | 4;
  code: string;
  codeDescription: { href: string };
  source: string;
  message: string;
  data: DiagnosticData;
}

const SEVERITY_NUMBER: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };

export function toDiagnostics(text: string, findings: readonly Finding[], lines = new LineIndex(text)): PlainDiagnostic[] {
  return findings.map((f) => ({
    range: { start: lines.positionAt(f.start), end: lines.positionAt(f.end) },
    severity: SEVERITY_NUMBER[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    data: { ruleId: f.ruleId, text: f.text, suggestions: f.suggestions, evidenceIds: f.evidenceIds, analysis: f.analysis },
  }));
}
