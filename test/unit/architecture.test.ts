// Invariants from ARCHITECTURE.md that the compiler cannot check.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { REPO_ROOT } from '../support/fixtures.js';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

it('the analysis core and the rules import neither Node built-ins nor the LSP libraries', () => {
  const forbidden = /from\s+['"](?:node:|fs['"]|path['"]|os['"]|child_process|vscode-languageserver|vscode-languageclient|vscode['"])/;
  const offenders = [...sources(path.join(REPO_ROOT, 'server/src/core')), ...sources(path.join(REPO_ROOT, 'server/src/rules'))]
    .filter((file) => forbidden.test(fs.readFileSync(file, 'utf8')))
    .map((file) => path.relative(REPO_ROOT, file));
  assert.deepEqual(offenders, []);
});

it('every rule has a documentation page', () => {
  const { RULE_IDS } = require('../../server/src/rules/index.js') as { RULE_IDS: string[] };
  const missing = RULE_IDS.filter((id) => !fs.existsSync(path.join(REPO_ROOT, 'docs', 'rules', `${id}.md`)));
  assert.deepEqual(missing, []);
});
