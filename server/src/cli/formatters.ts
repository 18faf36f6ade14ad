// Output formats of `health-claims check`: stylish (people), json (tools),
// sarif (code-scanning uploads, SARIF 2.1.0).

import type { PlainDiagnostic } from '../shared/diagnostics.js';
import type { Suggestion } from '../core/types.js';
import { RULES } from '../rules/index.js';
import { ruleDocsUrl } from '../rules/rule.js';

export interface FileReport {
  file: string;
  diagnostics: PlainDiagnostic[];
}

const SEVERITY_NAME = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;
const SARIF_LEVEL = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' } as const;

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(reports, null, 2);
}

export function formatStylish(reports: readonly FileReport[], color: boolean): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  const counts = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const report of reports) {
    if (!report.diagnostics.length) continue;
    lines.push(paint(4, report.file));
    for (const d of report.diagnostics) {
      counts[d.severity]++;
      const where = `${d.range.start.line + 1}:${d.range.start.character + 1}`.padEnd(8);
      const severity = SEVERITY_NAME[d.severity];
      const sev = paint(d.severity === 1 ? 31 : d.severity === 2 ? 33 : 36, severity.padEnd(8));
      lines.push(`  ${paint(2, where)}${sev}${d.message}  ${paint(2, d.code)}`);
      const fix = d.data.suggestions[0];
      if (fix) lines.push(`  ${' '.repeat(16)}${paint(32, `suggestion: ${suggestionText(fix)}`)}`);
    }
    lines.push('');
  }
  const total = counts[1] + counts[2] + counts[3] + counts[4];
  const files = reports.length;
  if (total === 0) lines.push(paint(32, `\u2714 No overclaims found in ${files} file${files === 1 ? '' : 's'}.`));
  else {
    const parts = [`${counts[1]} error${counts[1] === 1 ? '' : 's'}`, `${counts[2]} warning${counts[2] === 1 ? '' : 's'}`];
    if (counts[3] + counts[4]) parts.push(`${counts[3] + counts[4]} note${counts[3] + counts[4] === 1 ? '' : 's'}`);
    lines.push(paint(1, `\u2716 ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${files} file${files === 1 ? '' : 's'}`));
  }
  return lines.join('\n');
}

export function formatSarif(reports: readonly FileReport[], version: string): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'health-claims',
            fullName: 'Health Claims Checker',
            version,
            informationUri: 'https://github.com/health-claims/health-claims',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.title,
              shortDescription: { text: r.description },
              helpUri: ruleDocsUrl(r.id),
              defaultConfiguration: { level: r.defaultSeverity === 'error' ? 'error' : r.defaultSeverity === 'warning' ? 'warning' : 'note' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) =>
          report.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: ruleIndex.get(d.code) ?? -1,
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: report.file.split('\\').join('/') },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                    snippet: { text: d.data.text },
                  },
                },
              },
            ],
            ...(d.data.suggestions.length ? { properties: { suggestions: d.data.suggestions.map(suggestionText) } } : {}),
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

/** A rewording shows its new words; a fix that only adds a citation ("Add source: …") shows what it adds. */
function suggestionText(s: Suggestion): string {
  return (s.citeSourceId ? s.title : s.replacement).replace(/\s+/g, ' ');
}
