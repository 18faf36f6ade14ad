// Edit-to-diagnostics latency of the language server: the built server over
// stdio (debounceMs 0), a ~200 KB draft open, 200 single-paragraph incremental
// edits, each timed from sending didChange to receiving the publishDiagnostics
// for that version.
//   node out/test/bench/latency.js [--size BYTES] [--edits N]

import { performance } from 'node:perf_hooks';
import * as path from 'node:path';
import { LspHarness, positionAt, uriOf, FIXTURE_WORKSPACE } from '../protocol/harness.js';
import { generateArticle } from './articles.js';

export interface LatencyResult {
  /** The server's work per edit (change received to diagnostics written), ms: median and 95th percentile. */
  workP50: number;
  workP95: number;
  /** Round trip seen by the client (didChange sent to publishDiagnostics parsed), ms. */
  p50: number;
  p95: number;
  /** Number of timed edits. */
  edits: number;
  max: number;
  mean: number;
  /** Document size in bytes (UTF-16 code units) at the start. */
  size: number;
  /** Diagnostics published for the first version. */
  diagnostics: number;
  /** Time to the first diagnostics after didOpen (full analysis), ms. */
  open: number;
}

export interface LatencyOptions {
  size?: number;
  edits?: number;
}

function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Offsets of the ends of prose paragraphs (lines that are not headings, list items or blank). */
function paragraphEnds(text: string): number[] {
  const ends: number[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const end = at + line.length;
    if (line.trim() && !/^(?:#|[-*+] |\d+\. |\[\^)/.test(line)) ends.push(end);
    at = end + 1;
  }
  return ends;
}

const INSERTIONS = [' Ketamine cures depression for everyone.', ' Results varied between patients in the trial.', ' Our infusions have no side effects.', ' Some people may feel dizzy for an hour.'];

export async function measureLatency(options: LatencyOptions = {}): Promise<LatencyResult> {
  const size = options.size ?? 200_000;
  const count = options.edits ?? 200;
  let text = generateArticle(size);
  const uri = uriOf(path.join(FIXTURE_WORKSPACE, 'latency-draft.md'));
  const server = await LspHarness.start({ settings: { debounceMs: 0 }, env: { HEALTH_CLAIMS_TIMING: '1' } });
  try {
    const t0 = performance.now();
    const first = await server.open(uri, text);
    const open = performance.now() - t0;

    // Warm-up edits (JIT, caches) that are not timed.
    let version = 1;
    const ends = paragraphEnds(text);
    const edit = async (i: number): Promise<number> => {
      // Spread edits over the document; positions are recomputed on the current text.
      const currentEnds = paragraphEnds(text);
      const end = currentEnds[Math.floor(((i * 7919) % ends.length) * (currentEnds.length / ends.length))]!;
      const insertion = INSERTIONS[i % INSERTIONS.length]!;
      const position = positionAt(text, end);
      version++;
      const published = server.nextDiagnostics(uri, (p) => p.version === version, 30_000);
      const start = performance.now();
      await server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: insertion }] });
      await published;
      const elapsed = performance.now() - start;
      text = text.slice(0, end) + insertion + text.slice(end);
      return elapsed;
    };
    for (let i = 0; i < 10; i++) await edit(1000 + i);

    const times: number[] = [];
    const firstTimed = version + 1;
    for (let i = 0; i < count; i++) times.push(await edit(i));
    const sorted = [...times].sort((a, b) => a - b);
    // The server logs its timing just after publishing: wait for the last line.
    for (const deadline = Date.now() + 5000; serverWork(server.logs, firstTimed).length < count && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 5));
    const work = serverWork(server.logs, firstTimed).sort((a, b) => a - b);
    if (work.length !== count) throw new Error(`expected ${count} timing lines from the server, got ${work.length}`);
    return {
      workP50: round(percentile(work, 0.5)),
      workP95: round(percentile(work, 0.95)),
      p50: round(percentile(sorted, 0.5)),
      p95: round(percentile(sorted, 0.95)),
      edits: times.length,
      max: round(sorted[sorted.length - 1] ?? NaN),
      mean: round(times.reduce((a, b) => a + b, 0) / (times.length || 1)),
      size,
      diagnostics: first.diagnostics.length,
      open: round(open),
    };
  } finally {
    await server.stop();
  }
}

/** The server's "work" figures (HEALTH_CLAIMS_TIMING log lines) for versions from `fromVersion` on. */
function serverWork(logs: readonly string[], fromVersion: number): number[] {
  const out: number[] = [];
  for (const line of logs) {
    const m = / v(\d+): work ([\d.]+) ms/.exec(line);
    if (m && Number(m[1]) >= fromVersion) out.push(Number(m[2]));
  }
  return out;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? Number(args[i + 1]) : undefined;
  };
  measureLatency({ size: flag('--size'), edits: flag('--edits') }).then(
    (r) => {
      process.stdout.write(
        `Language server latency, ${r.size} B draft (${r.diagnostics} diagnostics), ${r.edits} single-paragraph edits, debounceMs 0\n` +
          `  server work per edit (change received -> diagnostics written): p50 ${r.workP50} ms, p95 ${r.workP95} ms (target p95 <= 15 ms)\n` +
          `  client round trip (didChange sent -> publishDiagnostics parsed): p50 ${r.p50} ms, p95 ${r.p95} ms, mean ${r.mean} ms, max ${r.max} ms\n` +
          `  didOpen -> first diagnostics: ${r.open} ms\n`,
      );
    },
    (error: unknown) => {
      process.stderr.write(`latency benchmark failed: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
