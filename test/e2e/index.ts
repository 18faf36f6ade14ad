// The end-to-end suite's entry point, in the shape @vscode/test-electron and
// VS Code's `extensionTestsPath` expect: run() resolves when every test passed.
// It runs inside the extension host, so tests use the real `vscode` API.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Activation must run first: it checks that opening a Markdown file is what activates the extension. */
const FIRST = 'activation.test.js';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort((a, b) => (a === FIRST ? -1 : b === FIRST ? 1 : a.localeCompare(b)));
  const grep = process.env.HEALTH_CLAIMS_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end test${failures === 1 ? '' : 's'} failed.`)) : resolve()));
  });
}
