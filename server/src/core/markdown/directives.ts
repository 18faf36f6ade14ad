// Inline directives in HTML comments:
//   <!-- health-claims-disable-next-line [rule ...] -->
//   <!-- health-claims-disable-line [rule ...] -->   (on the same line)
//   <!-- health-claims-disable [rule ...] --> ... <!-- health-claims-enable [rule ...] -->
//   <!-- health-claims-disable-file [rule ...] -->
// No rule ids means every rule. Comments inside code are ignored.

import type { Span } from '../types.js';

const DIRECTIVE = /<!--\s*health-claims-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/g;

export interface DirectiveProblem extends Span {
  message: string;
}

export interface Suppressions {
  isSuppressed(ruleId: string, offset: number): boolean;
  problems: DirectiveProblem[];
}

interface Region {
  rules: Set<string> | 'all';
  from: number;
  to: number;
}

export function readDirectives(source: string, codeSpans: readonly Span[], knownRules: readonly string[]): Suppressions {
  const regions: Region[] = [];
  const problems: DirectiveProblem[] = [];
  const open = new Map<string, number>(); // rule id or '*' -> offset where disabling began
  const lineStart = (offset: number) => source.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset: number) => {
    const i = source.indexOf('\n', offset);
    return i === -1 ? source.length : i;
  };

  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(source); m; m = DIRECTIVE.exec(source)) {
    const at = m.index;
    if (codeSpans.some((c) => c.start <= at && at < c.end)) continue;
    const kind = m[1]!;
    const ids = m[2]!.split(/[\s,]+/).filter(Boolean);
    const unknown = ids.filter((id) => !knownRules.includes(id));
    if (unknown.length) {
      problems.push({ start: at, end: at + m[0].length, message: `Unknown rule ${unknown.map((u) => `"${u}"`).join(', ')} in this directive. Known rules: ${knownRules.join(', ')}.` });
    }
    const rules: Set<string> | 'all' = ids.length ? new Set(ids) : 'all';
    const end = at + m[0].length;
    switch (kind) {
      case 'disable-next-line': {
        const next = lineEnd(end) + 1;
        regions.push({ rules, from: next, to: lineEnd(next) });
        break;
      }
      case 'disable-line':
        regions.push({ rules, from: lineStart(at), to: lineEnd(at) });
        break;
      case 'disable-file':
        regions.push({ rules, from: 0, to: source.length });
        break;
      case 'disable':
        for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, end);
        break;
      case 'enable':
        for (const id of ids.length ? ids : [...open.keys()]) {
          const from = open.get(id);
          if (from === undefined) continue;
          regions.push({ rules: id === '*' ? 'all' : new Set([id]), from, to: at });
          open.delete(id);
        }
        break;
    }
  }
  for (const [id, from] of open) regions.push({ rules: id === '*' ? 'all' : new Set([id]), from, to: source.length });

  return {
    problems,
    isSuppressed: (ruleId, offset) => regions.some((r) => r.from <= offset && offset <= r.to && (r.rules === 'all' || r.rules.has(ruleId))),
  };
}
