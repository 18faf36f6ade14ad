// The command-line checker as users run it: the built bin, real files, exit codes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../support/fixtures.js';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function run(args: string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? REPO_ROOT, input: options.input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'health-claims-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const FLAGGED = '# Draft\n\nKetamine is a magic bullet for depression.\n';
const CLEAN = '# Draft\n\nKetamine may help some adults with treatment-resistant depression.\n';

describe('health-claims check', () => {
  it('exits 0 on a clean file and 1 when there are findings', () => {
    const dir = workspace({ 'clean.md': CLEAN, 'flagged.md': FLAGGED });
    assert.equal(run(['check', path.join(dir, 'clean.md')]).code, 0);
    const flagged = run(['check', path.join(dir, 'flagged.md'), '--no-color']);
    assert.equal(flagged.code, 1);
    assert.match(flagged.stdout, /3:15\s+warning\s+.*magic bullet.*hype/);
  });

  it('--max-warnings sets the allowance', () => {
    const dir = workspace({ 'flagged.md': FLAGGED });
    assert.equal(run(['check', dir, '--max-warnings', '1']).code, 0);
    assert.equal(run(['check', dir, '--max-warnings', '0']).code, 1);
  });

  it('--format json prints one entry per file, clean ones included, with LSP diagnostics', () => {
    const dir = workspace({ 'a/clean.md': CLEAN, 'b/flagged.markdown': FLAGGED, 'notes.txt': FLAGGED });
    const out = run(['check', dir, '--format', 'json']);
    const reports = JSON.parse(out.stdout) as { file: string; diagnostics: any[] }[];
    assert.deepEqual(reports.map((r) => path.relative(dir, r.file)).sort(), [path.join('a', 'clean.md'), path.join('b', 'flagged.markdown')]);
    const flagged = reports.find((r) => r.file.endsWith('flagged.markdown'))!;
    assert.equal(reports.find((r) => r.file.endsWith('clean.md'))!.diagnostics.length, 0);
    const d = flagged.diagnostics[0];
    assert.deepEqual(d.range, { start: { line: 2, character: 14 }, end: { line: 2, character: 26 } });
    assert.equal(d.severity, 2);
    assert.equal(d.code, 'hype');
    assert.equal(d.source, 'health-claims');
    assert.equal(d.data.text, 'magic bullet');
    assert.ok(d.data.suggestions.length > 0);
  });

  it('--format sarif has the fields code scanning requires', () => {
    const dir = workspace({ 'flagged.md': FLAGGED });
    const sarif = JSON.parse(run(['check', dir, '--format', 'sarif']).stdout);
    assert.equal(sarif.version, '2.1.0');
    const runEntry = sarif.runs[0];
    assert.equal(runEntry.tool.driver.name, 'health-claims');
    assert.ok(runEntry.tool.driver.rules.some((r: any) => r.id === 'hype' && r.helpUri));
    const result = runEntry.results[0];
    assert.equal(result.ruleId, 'hype');
    assert.equal(result.level, 'warning');
    assert.ok(result.message.text.length > 0);
    assert.equal(result.locations[0].physicalLocation.region.startLine, 3);
    assert.equal(result.locations[0].physicalLocation.region.startColumn, 15);
  });

  it('reads standard input with "-" and names it with --stdin-filename', () => {
    const out = run(['check', '-', '--stdin-filename', 'draft.md', '--format', 'json'], { input: FLAGGED });
    const reports = JSON.parse(out.stdout);
    assert.equal(reports[0].file, 'draft.md');
    assert.equal(reports[0].diagnostics[0].code, 'hype');
  });

  it('a broken .health-claims.json exits 2 with the file, line and problem, not a stack trace', () => {
    const dir = workspace({ '.health-claims.json': '{\n  "rules": {\n    "hype": "loud"\n  }\n}\n', 'draft.md': FLAGGED });
    const out = run(['check', dir]);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /\.health-claims\.json:3:5: \/rules\/hype must be one of: "off", "hint", "information", "warning", "error"/);
    assert.doesNotMatch(out.stderr, /at .*\.js:\d+/);
  });

  it('invalid JSON in the config is reported with its position', () => {
    const dir = workspace({ '.health-claims.json': '{ "rules": { "hype": "off", } }', 'draft.md': FLAGGED });
    const out = run(['check', dir]);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /\.health-claims\.json:1:\d+: This is not valid JSON/);
  });

  it('the config turns rules off, changes severity, adds terms and ignores paths', () => {
    const dir = workspace({
      '.health-claims.json': JSON.stringify({ rules: { hype: 'error', 'unqualified-efficacy': 'off' }, terms: { hype: ['jaw-dropping'] }, ignore: ['drafts/old/**'] }),
      'draft.md': '# D\n\nKetamine cures depression. The results are jaw-dropping for depression.\n',
      'drafts/old/x.md': FLAGGED,
    });
    const reports = JSON.parse(run(['check', dir, '--format', 'json']).stdout);
    assert.equal(reports.length, 1);
    assert.deepEqual(reports[0].diagnostics.map((d: any) => [d.code, d.severity, d.data.text]), [['hype', 1, 'jaw-dropping']]);
  });

  it('usage errors exit 2 with a hint', () => {
    const bad = run(['check', '--format', 'xml', 'README.md']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format must be stylish, json or sarif/);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run(['check', 'no-such-dir-anywhere']).code, 2);
  });

describe('health-claims check with workspace evidence packs', () => {
  // A team pack needs none of the built-in pack's fact-sheet bookkeeping (provenance, factsheetRef, dates) or empty sections.
  const teamPack = {
    id: 'team-psilocybin',
    title: 'Psilocybin (team pack)',
    version: '1.0.0',
    interventions: [{ id: 'psilocybin', name: 'Psilocybin', aliases: ['psilocybin'], kind: 'drug', route: 'oral', family: 'psilocybin' }],
    conditions: [{ id: 'team-depression', name: 'Depression', aliases: ['depression'] }],
    sources: [{ id: 'team-goodwin-2022', citation: 'Goodwin GM, et al. N Engl J Med. 2022.', firstAuthor: 'Goodwin', year: 2022, design: 'rct', intervention: 'psilocybin', verification: 'verified' }],
  };
  const DRAFT = 'Research has shown that psilocybin relieves depression.\n';

  it('loads the team\'s packs from .health-claims/packs/ and offers their sources', () => {
    const dir = workspace({ 'draft.md': DRAFT, '.health-claims/packs/team.json': JSON.stringify(teamPack) });
    const result = run(['check', path.join(dir, 'draft.md'), '--format=json']);
    assert.equal(result.stderr, '');
    const [file] = JSON.parse(result.stdout) as { diagnostics: { code: string; data: { suggestions: { citeSourceId?: string }[] } }[] }[];
    const missing = file!.diagnostics.find((d) => d.code === 'missing-citation');
    assert.deepEqual(missing?.data.suggestions.map((s) => s.citeSourceId), ['team-goodwin-2022']);
  });

  it('reports a broken pack listed in .health-claims.json with file, line and fix, and still checks', () => {
    const broken = JSON.stringify({ ...teamPack, version: 'one' }, null, 2);
    const dir = workspace({ 'draft.md': FLAGGED, 'packs/team.json': broken, '.health-claims.json': JSON.stringify({ packs: ['packs/team.json'] }) });
    const result = run(['check', path.join(dir, 'draft.md'), '--no-color']);
    const line = broken.split('\n').findIndex((l) => l.includes('"version"')) + 1;
    assert.match(result.stderr, new RegExp(`error: .*team\\.json:${line}:\\d+: /version must match pattern`));
    assert.match(result.stderr, /not loaded; the built-in pack and the other checks go on/);
    assert.equal(result.code, 1, 'the findings still count');
    assert.match(result.stdout, /magic bullet/);
  });

  it('explain reads a sentence with the team\'s packs of the current folder', () => {
    const pack = { ...teamPack, interventions: [...teamPack.interventions, { id: 'team-zuranolone', name: 'Zuranolone', aliases: ['Zurzuvae'], kind: 'drug', route: 'oral', family: 'team-zuranolone' }] };
    const dir = workspace({ '.health-claims/packs/team.json': JSON.stringify(pack) });
    const result = run(['explain', 'Zurzuvae cures depression.'], { cwd: dir });
    assert.equal(result.stderr, '');
    assert.deepEqual(JSON.parse(result.stdout).interventions.map((i: { id: string }) => i.id), ['team-zuranolone']);
    assert.deepEqual(JSON.parse(run(['explain', 'Zurzuvae cures depression.']).stdout).interventions, [], 'elsewhere the name is unknown');
  });
});
});

describe('health-claims explain', () => {
  it('prints the claim analysis of a sentence', () => {
    const out = run(['explain', 'Ketamine cures depression.']);
    const a = JSON.parse(out.stdout);
    assert.equal(a.claimStrength, 'direct-causal');
    assert.equal(a.hedged, false);
    assert.deepEqual(a.interventions.map((i: any) => i.text), ['Ketamine']);
  });

  it('--stdin --jsonl gives one object per input line', () => {
    const out = run(['explain', '--stdin', '--jsonl'], { input: 'It is not a magic bullet.\nKetamine may help some patients (Anand et al., 2023).\n' });
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 2);
    assert.equal(lines[0].negated, true);
    assert.equal(lines[1].hedged, true);
    assert.deepEqual(lines[1].hedgeCues.sort(), ['may help', 'some patients']);
    assert.equal(lines[1].cited, true);
  });
});
