// npm run bench: full-analysis throughput (median MB/s) and peak memory on
// generated articles of 100 KB, 1 MB and 10 MB, with write-good and
// markdownlint measured in the same run as reference, and the Markdown parse
// alone (the block parse the analysis starts from, with its inline reading):
// no full analysis can be faster than that. Each tool and size runs
// in its own processes: one times repeated runs, one makes a single analysis,
// so its peak RSS belongs to that analysis alone.

import { spawnSync } from 'node:child_process';
import { generateArticle } from './articles.js';

const SIZES = [100_000, 1_000_000, 10_000_000];
const TOOLS = ['health-claims', 'markdown-parse', 'write-good', 'markdownlint'] as const;
type Tool = (typeof TOOLS)[number];

async function runner(tool: Tool): Promise<(text: string) => unknown> {
  switch (tool) {
    case 'health-claims': {
      const { Checker } = await import('../../server/src/core/checker.js');
      const { buildKnowledge } = await import('../../server/src/core/knowledge/knowledge.js');
      // One checker, as the CLI uses for all its files; without a documentKey it keeps no cache between checks.
      const checker = new Checker(buildKnowledge());
      return (text) => checker.check(text);
    }
    case 'markdown-parse': {
      const { parseMarkdown } = await import('../../server/src/core/markdown/proseBlocks.js');
      return (text) => parseMarkdown(text);
    }
    case 'write-good': {
      const writeGood = require('write-good') as (text: string) => unknown[];
      return (text) => writeGood(text);
    }
    case 'markdownlint': {
      const { lint } = (await import('markdownlint/sync' as string)) as { lint: (o: object) => unknown };
      return (text) => lint({ strings: { doc: text } });
    }
  }
}

/**
 * `runs` timed analyses of the same text after a warm-up. With one run the process's peak RSS is that of a
 * single analysis; after several it is the high-water mark a long-running process (an editor's server) reaches.
 */
async function worker(tool: Tool, size: number, runs: number): Promise<void> {
  const text = generateArticle(size);
  const run = await runner(tool);
  run(generateArticle(20_000, 7)); // warm up the JIT on other text
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Start each run from a collected heap, not from the garbage of earlier runs.
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    run(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  process.stdout.write(JSON.stringify({ medianMs: median, mbPerS: text.length / 1e6 / (median / 1000), peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const only = process.argv.find((a) => a.startsWith('--tools='))?.slice(8).split(',');
  console.log('Full analysis of generated Markdown health articles (median of repeated runs; each cell in its own process, heap collected between runs).');
  console.log('Peak RSS: of one analysis in a fresh process, and after the repeated runs of the timing process.\n');
  console.log(`${'tool'.padEnd(15)}${'size'.padStart(8)}${'median ms'.padStart(12)}${'MB/s'.padStart(9)}${'peak RSS MB'.padStart(14)}${'after runs'.padStart(12)}`);
  for (const size of SIZES) {
    for (const tool of TOOLS) {
      if (only && !only.includes(tool)) continue;
      // markdownlint and write-good take minutes at 10 MB; the 1 MB figure is their reference.
      if (tool !== 'health-claims' && tool !== 'markdown-parse' && size > 1_000_000) continue;
      const runs = size >= 10_000_000 ? 3 : size >= 1_000_000 ? 5 : 15;
      const measure = (n: number) => spawnSync(process.execPath, ['--max-old-space-size=4096', '--expose-gc', __filename, '--worker', tool, String(size), String(n)], { encoding: 'utf8' });
      const timed = measure(runs);
      const single = measure(1);
      const failed = [timed, single].find((c) => c.status !== 0);
      if (failed) {
        rows.push(`${tool} ${size}: failed: ${failed.stderr.split('\n')[0]}`);
        continue;
      }
      type Result = { medianMs: number; mbPerS: number; peakRssMb: number };
      const r = JSON.parse(timed.stdout) as Result;
      const one = JSON.parse(single.stdout) as Result;
      const line = `${tool.padEnd(15)}${`${size / 1e6} MB`.padStart(8)}${r.medianMs.toFixed(1).padStart(12)}${r.mbPerS.toFixed(2).padStart(9)}${one.peakRssMb.toFixed(0).padStart(14)}${r.peakRssMb.toFixed(0).padStart(12)}`;
      console.log(line);
    }
  }
  for (const r of rows) console.log(r);
  console.log('\nmarkdown-parse: the Markdown parse alone (@lezer/markdown blocks and inline markup), the floor under any full analysis.');
  console.log('Targets: health-claims >= 10 MB/s, linear in size, peak RSS < 300 MB at 10 MB (one analysis).');

  // As you type, through the real protocol: the built language server over stdio.
  const { measureLatency } = await import('./latency.js');
  const r = await measureLatency();
  console.log(`\nLanguage server, ${r.size} B draft (${r.diagnostics} diagnostics), ${r.edits} single-paragraph edits, debounceMs 0`);
  console.log(`  server work per edit (change received -> diagnostics written): p50 ${r.workP50} ms, p95 ${r.workP95} ms (target p95 <= 15 ms)`);
  console.log(`  client round trip (didChange sent -> publishDiagnostics parsed): p50 ${r.p50} ms, p95 ${r.p95} ms`);
  console.log(`  whole-document check on open: ${r.open} ms`);
}

if (process.argv[2] === '--worker') void worker(process.argv[3] as Tool, Number(process.argv[4]), Number(process.argv[5]));
else void main();
