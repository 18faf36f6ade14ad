// `npm run test:electron`: the same suite in desktop VS Code through
// @vscode/test-electron. It downloads VS Code 1.99.3 first, so it needs a
// machine with internet access; offline, use `npm run test:e2e` (code-server).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '../../..');

async function main(): Promise<void> {
  // Tests edit and restore the workspace; give them a copy so the repository is never touched.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'health-claims-electron-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(ROOT, 'test/e2e/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: '1.99.3',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', path.join(scratch, 'user-data')],
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`test:electron failed: ${error instanceof Error ? error.message : String(error)}\n(It downloads VS Code, so it needs internet access. Offline, run the same suite with: npm run test:e2e)`);
  process.exit(1);
});
