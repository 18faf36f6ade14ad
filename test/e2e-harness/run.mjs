// `npm run test:e2e`: the end-to-end tests against the packaged extension.
//  0. installs the harness's own npm dependencies if missing (ensure-deps.mjs);
//  1. builds and packages the .vsix (npm run package);
//  2. installs it with `code-server --install-extension` into a fresh profile;
//  3. starts code-server (VS Code 1.99.3) on 127.0.0.1;
//  4. opens the workbench in headless Chromium with the `payload` URL parameter,
//     so the Mocha suite (out/test/e2e/index.js) runs in the real extension host
//     against the installed extension, and takes its exit code;
//  5. runs the UI test (ui.mjs) in the same Chromium, with screenshots;
//  6. always stops Chromium and code-server, and exits non-zero on any failure.
// Output (logs, screenshots) goes to test-results/e2e/.
//
// Environment: HEALTH_CLAIMS_E2E_GREP (only tests whose title matches),
// HEALTH_CLAIMS_E2E_TIMEOUT_MS (the suite's time limit, default 300000),
// HEALTH_CLAIMS_E2E_SKIP_UI=1, HEALTH_CLAIMS_E2E_KEEP_PROFILE=1 (keep the temp profile).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { buildAndPackage, createProfile, installVsix, log, onShutdown, ROOT, startCodeServer } from './lib.mjs';
import { ensureHarnessDependencies } from './ensure-deps.mjs';
import { runUiTest } from './ui.mjs';

const RESULTS = path.join(ROOT, 'test-results/e2e');
const SUITE_TIMEOUT_MS = Number(process.env.HEALTH_CLAIMS_E2E_TIMEOUT_MS ?? 300_000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the networking flags Chromium keeps calling hosts an offline machine cannot reach.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function copyWorkspace(profile, name) {
  const target = path.join(profile.dir, name);
  fs.cpSync(path.join(ROOT, 'test/e2e/workspace'), target, { recursive: true });
  return target;
}

/** Opens the workbench with the payload that makes it run the suite; resolves with the suite's exit code. */
async function runSuite(context, server, installed, workspace, extensionHostLog) {
  const page = await context.newPage();
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(installed)],
    ['extensionTestsPath', remote(path.join(ROOT, 'out/test/e2e/index.js'))],
    ['skipWelcome', 'true'],
  ];
  let finish;
  const exitCode = new Promise((resolve) => (finish = resolve));
  // The extension host's console (Mocha's reporter among it) and the suite's result.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // Console arguments as console.log got them: a format string ("%s (%dms)") and its values.
    const line = format(...(Array.isArray(args) ? args : [args]));
    fs.appendFileSync(extensionHostLog, `[${type}] ${line}\n`);
    if (type !== 'trace' && type !== 'debug') process.stdout.write(`  ${line.replace(/\n/g, '\n  ')}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  page.on('pageerror', (error) => fs.appendFileSync(extensionHostLog, `[page error] ${error.message}\n`));
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => {
      log(`the suite did not finish within ${SUITE_TIMEOUT_MS} ms (HEALTH_CLAIMS_E2E_TIMEOUT_MS)`);
      resolve(124);
    }, SUITE_TIMEOUT_MS);
  });
  const code = await Promise.race([exitCode, timeout]);
  clearTimeout(timer);
  await page.screenshot({ path: path.join(RESULTS, 'suite-end.png') }).catch(() => undefined);
  await page.close().catch(() => undefined);
  return code;
}

async function main() {
  const started = Date.now();
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const profile = createProfile('health-claims-e2e-');
  let server;
  let context;
  const cleanup = onShutdown(async () => {
    await context?.close().catch(() => undefined);
    await server?.stop();
    if (!process.env.HEALTH_CLAIMS_E2E_KEEP_PROFILE) fs.rmSync(profile.dir, { recursive: true, force: true });
  });

  let failed = false;
  try {
    ensureHarnessDependencies();
    // Imported here: the line above may have just installed it.
    const { chromium } = await import('playwright-core');
    log('building and packaging the extension');
    const vsix = await buildAndPackage();
    log(`packaged ${path.relative(ROOT, vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB)`);
    const installed = await installVsix(vsix, profile);
    log(`installed into a fresh profile: ${installed}`);

    const suiteWorkspace = copyWorkspace(profile, 'workspace');
    server = await startCodeServer({
      profile,
      folder: suiteWorkspace,
      logFile: path.join(RESULTS, 'code-server.log'),
      // Read by the suite (the extension host inherits code-server's environment).
      env: {
        HEALTH_CLAIMS_E2E_INSTALLED_EXTENSION: installed,
        ...(process.env.HEALTH_CLAIMS_E2E_GREP ? { HEALTH_CLAIMS_E2E_GREP: process.env.HEALTH_CLAIMS_E2E_GREP } : {}),
      },
    });
    log(`code-server is up at ${server.url}`);

    context = await chromium.launchPersistentContext(path.join(profile.dir, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 960 },
    });

    log('running the suite in the extension host');
    const suiteStarted = Date.now();
    const code = await runSuite(context, server, installed, suiteWorkspace, path.join(RESULTS, 'extension-host.log'));
    log(`suite finished with exit code ${code} in ${((Date.now() - suiteStarted) / 1000).toFixed(1)} s`);
    if (code !== 0) failed = true;

    if (!process.env.HEALTH_CLAIMS_E2E_SKIP_UI) {
      log('running the UI test');
      const uiStarted = Date.now();
      try {
        await runUiTest(context, server, copyWorkspace(profile, 'ui-workspace'), RESULTS);
        log(`UI test passed in ${((Date.now() - uiStarted) / 1000).toFixed(1)} s; screenshots in ${path.relative(ROOT, RESULTS)}/`);
      } catch (error) {
        failed = true;
        log(`UI test FAILED: ${error.stack ?? error}`);
      }
    }
  } catch (error) {
    failed = true;
    log(`FAILED: ${error.stack ?? error}`);
  } finally {
    await cleanup();
  }
  log(`${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s (logs: ${path.relative(ROOT, RESULTS)}/)`);
  process.exit(failed ? 1 : 0);
}

await main();
