// npm run eval: sentence-level precision and recall of every rule on the
// labelled corpus (test/corpus) and its held-out part (test/corpus/holdout).
//
// Each labelled sentence is located in its Markdown document; a rule "flags"
// a sentence when one of its findings starts inside it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Checker } from '../../server/src/core/checker.js';
import { buildKnowledge } from '../../server/src/core/knowledge/knowledge.js';
import { RULE_IDS } from '../../server/src/rules/index.js';

interface Label {
  sentence: string;
  labels: string[];
  note?: string;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface EvalResult {
  perRule: Map<string, Counts>;
  overall: Counts;
  sentences: number;
  unlocated: number;
  errors: string[];
}

const ROOT = path.resolve(__dirname, '../../..');
// EVAL_SHOW=<rule id> prints that rule's false positives and misses in the tuning corpus
// (never the held-out part: reading its sentences would make it a tuning set).
const showRule = process.env.EVAL_SHOW;

export function evaluate(corpusDir: string, checker: Checker, show = false): EvalResult {
  const perRule = new Map<string, Counts>(RULE_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  const errors: string[] = [];
  let sentences = 0;
  let unlocated = 0;
  const docsDir = path.join(corpusDir, 'docs');
  if (!fs.existsSync(docsDir)) return { perRule, overall, sentences, unlocated, errors };
  for (const name of fs.readdirSync(docsDir).filter((f) => f.endsWith('.md')).sort()) {
    const labelFile = path.join(corpusDir, 'labels', name.replace(/\.md$/, '.jsonl'));
    if (!fs.existsSync(labelFile)) continue;
    const text = fs.readFileSync(path.join(docsDir, name), 'utf8');
    const labels: Label[] = fs.readFileSync(labelFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Label);
    const findings = checker.check(text).findings;
    let cursor = 0;
    for (const label of labels) {
      let start = text.indexOf(label.sentence, cursor);
      if (start === -1) start = text.indexOf(label.sentence);
      if (start === -1) {
        unlocated++;
        errors.push(`${name}: sentence not found: ${label.sentence.slice(0, 60)}`);
        continue;
      }
      const end = start + label.sentence.length;
      cursor = end;
      sentences++;
      const predicted = new Set(findings.filter((f) => f.start >= start && f.start < end).map((f) => f.ruleId));
      const expected = new Set(label.labels);
      for (const id of RULE_IDS) {
        const c = perRule.get(id)!;
        if (show && showRule === id && predicted.has(id) !== expected.has(id)) {
          console.log(`${predicted.has(id) ? 'FP' : 'FN'} ${name}: ${label.sentence}${label.note ? `  [${label.note}]` : ''}`);
        }
        if (predicted.has(id) && expected.has(id)) c.tp++;
        else if (predicted.has(id)) c.fp++;
        else if (expected.has(id)) c.fn++;
      }
      const relevant = (s: Set<string>) => [...s].some((id) => RULE_IDS.includes(id));
      if (relevant(predicted) && relevant(expected)) overall.tp++;
      else if (relevant(predicted)) overall.fp++;
      else if (relevant(expected)) overall.fn++;
    }
  }
  return { perRule, overall, sentences, unlocated, errors };
}

const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);
export const precision = (c: Counts) => ratio(c.tp, c.tp + c.fp);
export const recall = (c: Counts) => ratio(c.tp, c.tp + c.fn);

function table(title: string, r: EvalResult): string {
  const fmt = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(2).padStart(5));
  const rows = [`${title}: ${r.sentences} labelled sentences${r.unlocated ? ` (${r.unlocated} not found in their document)` : ''}`, `  ${'rule'.padEnd(22)} precision  recall   tp   fp   fn`];
  for (const [id, c] of r.perRule) rows.push(`  ${id.padEnd(22)} ${fmt(precision(c))}     ${fmt(recall(c))}  ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}`);
  const o = r.overall;
  rows.push(`  ${'overall (flag vs clean)'.padEnd(22)} ${fmt(precision(o))}     ${fmt(recall(o))}  ${String(o.tp).padStart(4)} ${String(o.fp).padStart(4)} ${String(o.fn).padStart(4)}`);
  return rows.join('\n');
}

if (require.main === module) {
  const checker = new Checker(buildKnowledge());
  const verbose = process.argv.includes('--verbose');
  for (const [title, dir] of [['Corpus', 'test/corpus'], ['Held-out', 'test/corpus/holdout']] as const) {
    const result = evaluate(path.join(ROOT, dir), checker, title === 'Corpus');
    console.log(table(title, result));
    if (verbose) for (const e of result.errors) console.log(`  ! ${e}`);
    console.log('');
  }
  console.log('Targets: precision >= 0.90 and recall >= 0.85 per rule and overall.');
}
