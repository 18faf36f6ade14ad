// Fixture documents with inline expectations, as markdownlint's tests do:
// a line that should be flagged ends with <!-- expect: rule-a,rule-b -->;
// every other line should have no finding.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../../server/src/core/lineIndex.js';
import { placeCitation } from '../../server/src/core/evidence/citeSource.js';
import type { EvidenceIndex } from '../../server/src/core/knowledge/evidenceIndex.js';
import type { Finding, Suggestion } from '../../server/src/core/types.js';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
const EXPECT = /<!--\s*expect:\s*([\w\s,-]+?)\s*-->/;

export function fixturePath(...parts: string[]): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', ...parts);
}

/** Line number (1-based) -> sorted rule ids, for expectations and for actual findings. */
export function expectedByLine(text: string): Map<number, string> {
  const out = new Map<number, string>();
  text.split('\n').forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (m) out.set(i + 1, m[1]!.split(/[\s,]+/).filter(Boolean).sort().join(','));
  });
  return out;
}

export function actualByLine(text: string, findings: readonly Finding[]): Map<number, string> {
  const lines = new LineIndex(text);
  const grouped = new Map<number, Set<string>>();
  for (const f of findings) {
    const line = lines.positionAt(f.start).line + 1;
    if (!grouped.has(line)) grouped.set(line, new Set());
    grouped.get(line)!.add(f.ruleId);
  }
  return new Map([...grouped].map(([line, ids]) => [line, [...ids].sort().join(',')]));
}

export function readFixture(...parts: string[]): string {
  return fs.readFileSync(fixturePath(...parts), 'utf8');
}

export function applyReplacement(text: string, f: Finding, replacement: string): string {
  return text.slice(0, f.start) + replacement + text.slice(f.end);
}

/** Apply a suggestion as an editor does: the replacement, and for a cited source its footnote reference and definition. */
export function applySuggestion(text: string, f: Finding, s: Suggestion, evidence: EvidenceIndex): string {
  const placed = placeCitation(text, f.end, s, evidence);
  if (!placed) return applyReplacement(text, f, s.replacement);
  const { footnote, referenceAt } = placed;
  let out = referenceAt === undefined ? applyReplacement(text, f, s.replacement + footnote.reference) : text.slice(0, referenceAt) + footnote.reference + text.slice(referenceAt);
  if (referenceAt !== undefined) out = applyReplacement(out, f, s.replacement);
  if (footnote.definition) out = `${out.replace(/\s*$/, '')}\n\n${footnote.definition}\n`;
  return out;
}
