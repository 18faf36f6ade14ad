#!/usr/bin/env node
// health-claims: the command-line checker, a thin adapter over the analysis core.
//   health-claims check [paths or globs...] [--format stylish|json|sarif] [--max-warnings N]
//   health-claims explain "<sentence>" | --stdin [--jsonl]

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import fg from 'fast-glob';
import pkg from '../../../package.json';
import { toDiagnostics } from '../shared/diagnostics.js';
import { CheckerPool } from '../node/checkers.js';
import { formatProblem, isIgnoredByConfig, ProjectConfigs } from '../node/projectConfig.js';
import { WorkspacePacks } from '../node/workspacePacks.js';
import { formatJson, formatSarif, formatStylish, type FileReport } from './formatters.js';

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;
const MARKDOWN_EXTENSIONS = ['md', 'markdown'];

const USAGE = `Health Claims Checker ${pkg.version}: flags health claims that go beyond the evidence.

Usage:
  health-claims check [paths or globs...]   Check Markdown files (folders: every *.md, *.markdown)
      --format stylish|json|sarif            Output format (default: stylish)
      --max-warnings N                       Exit 1 only when there are more than N findings (default: 0; -1: never)
      --stdin-filename NAME                  With "-" as the path: the name to report for standard input
      --no-color                             Plain output
  health-claims explain "<sentence>"        Print the claim analysis of a sentence as JSON
      --stdin --jsonl                        One sentence per input line, one JSON object per output line
  health-claims --help | --version

Exit codes: 0 clean, 1 findings above the allowance, 2 usage or configuration error.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? EXIT_CLEAN : EXIT_USAGE;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${pkg.version}\n`);
    return EXIT_CLEAN;
  }
  if (command === 'check') return check(rest);
  if (command === 'explain') return explain(rest);
  throw new UsageError(`Unknown command "${command}". Use "check" or "explain".`);
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'stylish' },
    'max-warnings': { type: 'string', default: '0' },
    'stdin-filename': { type: 'string' },
    'no-color': { type: 'boolean', default: false },
  });
  const format = values.format as string;
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be stylish, json or sarif, not "${format}".`);
  const maxWarnings = Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings takes a whole number, not "${values['max-warnings']}".`);
  if (!positionals.length) throw new UsageError('Name the files or folders to check, or "-" for standard input.');

  const configs = new ProjectConfigs(() => undefined);
  const pool = new CheckerPool();
  const workspacePacks = new WorkspacePacks();
  const reportedPacks = new Set<string>();
  const reports: FileReport[] = [];
  const problems = [...pool.builtinProblems];
  const inputs: { file: string; read: () => string; dir: string }[] = [];

  for (const arg of positionals) {
    if (arg === '-') {
      const name = (values['stdin-filename'] as string | undefined) ?? '<stdin>';
      inputs.push({ file: name, read: () => fs.readFileSync(0, 'utf8'), dir: path.dirname(path.resolve(name)) });
      continue;
    }
    const files = expand(arg);
    if (!files.length) throw new UsageError(`No Markdown files match "${arg}".`);
    for (const file of files) inputs.push({ file, read: () => fs.readFileSync(file, 'utf8'), dir: path.dirname(path.resolve(file)) });
  }

  for (const input of inputs) {
    const loaded = configs.forDirectory(input.dir);
    for (const p of loaded.problems) if (!problems.includes(p)) problems.push(p);
    if (loaded.problems.length) continue;
    if (isIgnoredByConfig(input.file, loaded)) continue;
    const text = input.read();
    const packs = workspacePacks.forFile(path.resolve(input.file), loaded);
    // A broken pack is reported and left out; checking goes on with the built-in pack.
    for (const pack of packs) {
      if (reportedPacks.has(pack.file)) continue;
      reportedPacks.add(pack.file);
      for (const p of pack.problems) process.stderr.write(`health-claims: ${p.severity}: ${formatProblem(p)}\n`);
    }
    const result = pool.forConfig(loaded.config, packs).check(text, { rules: loaded.config.rules, includeImageAltText: loaded.config.includeImageAltText });
    reports.push({ file: input.file, diagnostics: toDiagnostics(text, result.findings) });
  }

  if (problems.length) {
    for (const p of problems) process.stderr.write(`health-claims: ${formatProblem(p)}\n`);
    return EXIT_USAGE;
  }

  const color = format === 'stylish' && !values['no-color'] && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const output = format === 'json' ? formatJson(reports) : format === 'sarif' ? formatSarif(reports, pkg.version) : formatStylish(reports, color);
  process.stdout.write(output + '\n');
  const counted = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity <= 3).length, 0);
  return maxWarnings >= 0 && counted > maxWarnings ? EXIT_FINDINGS : EXIT_CLEAN;
}

async function explain(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { stdin: { type: 'boolean', default: false }, jsonl: { type: 'boolean', default: false } });
  // The sentence is read as if it were in a draft in the current folder: that folder's configuration and team packs apply.
  const loaded = new ProjectConfigs(() => undefined).forDirectory(process.cwd());
  if (loaded.problems.length) {
    for (const p of loaded.problems) process.stderr.write(`health-claims: ${formatProblem(p)}\n`);
    return EXIT_USAGE;
  }
  const packs = new WorkspacePacks().forFile(path.join(process.cwd(), 'explain.md'), loaded);
  for (const pack of packs) for (const p of pack.problems) process.stderr.write(`health-claims: ${p.severity}: ${formatProblem(p)}\n`);
  const checker = new CheckerPool().forConfig(loaded.config, packs);
  const lines = values.stdin ? fs.readFileSync(0, 'utf8').split(/\r?\n/).filter((l) => l.trim()) : [positionals.join(' ')];
  if (!lines.length || !lines[0]!.trim()) throw new UsageError('Give a sentence to explain, or --stdin.');
  for (const line of lines) {
    const analyses = values.jsonl ? [checker.explain(line).reduce(mergeAnalyses)] : checker.explain(line);
    for (const a of analyses) process.stdout.write((values.jsonl ? JSON.stringify(a) : JSON.stringify(a, null, 2)) + '\n');
  }
  return EXIT_CLEAN;
}

/** With --jsonl each input line is one sentence: keep one object even if it reads as two. */
function mergeAnalyses<T extends { text: string }>(a: T, b: T): T {
  return { ...a, text: `${a.text} ${b.text}` };
}

function expand(arg: string): string[] {
  if (fs.existsSync(arg) && fs.statSync(arg).isDirectory()) {
    const pattern = `${fg.convertPathToPattern(arg.replace(/[\\/]+$/, ''))}/**/*.{${MARKDOWN_EXTENSIONS.join(',')}}`;
    return fg.sync(pattern, { ignore: ['**/node_modules/**'], dot: false }).sort();
  }
  if (fs.existsSync(arg)) return [arg];
  return fg.sync(arg, { ignore: ['**/node_modules/**'] }).filter((f) => MARKDOWN_EXTENSIONS.some((e) => f.endsWith(`.${e}`))).sort();
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>;

function parse(args: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[\w+\]: /, ''));
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`health-claims: ${error.message}\nRun "health-claims --help" for usage.\n`);
    } else {
      process.stderr.write(`health-claims: an internal error stopped the check: ${(error as Error)?.message ?? String(error)}\nPlease report this with the file that caused it.\n`);
    }
    process.exitCode = EXIT_USAGE;
  },
);
