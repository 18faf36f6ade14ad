// Installs the harness's own dependencies (code-server, playwright-core) from
// its lockfile when they are missing, with the settings code-server's install
// needs. The machine itself is prepared by setup-machine.sh (Chromium, ripgrep,
// build tools); this script says so when something is missing.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const HARNESS = path.dirname(fileURLToPath(import.meta.url));
const lock = JSON.parse(fs.readFileSync(path.join(HARNESS, 'package-lock.json'), 'utf8'));

function installedVersion(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(HARNESS, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Checks the machine and installs the harness's npm dependencies if they are missing or stale; throws if it cannot. */
export function ensureHarnessDependencies() {
  for (const tool of [process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', '/usr/bin/rg']) {
    if (!fs.existsSync(tool)) throw new Error(`${tool} is missing. Prepare the machine first (Debian, as root): bash test/e2e-harness/setup-machine.sh`);
  }
  const stale = Object.keys(lock.packages[''].dependencies).filter((name) => installedVersion(name) !== lock.packages[`node_modules/${name}`]?.version);
  if (!stale.length) return;
  console.log(`[e2e] installing the harness dependencies (${stale.join(', ')}) into test/e2e-harness/node_modules`);
  // @vscode/ripgrep (under code-server) would download rg; seeding its cache makes it use Debian's.
  const seed = spawnSync('bash', [path.join(HARNESS, 'setup-machine.sh'), '--seed-ripgrep-only'], { stdio: 'inherit' });
  if (seed.status !== 0) throw new Error('seeding the ripgrep cache failed');
  const result = spawnSync('npm', ['ci', '--prefix', HARNESS, '--no-audit', '--no-fund'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      // code-server's postinstall refuses to run as root without unsafe_perm; node-pty's calls
      // `npx node-gyp` (needs yes); argon2 and kerberos build against the system's Node headers.
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      npm_config_nodedir: '/usr',
    },
  });
  if (result.status !== 0) throw new Error('npm ci in test/e2e-harness failed; is the machine prepared (bash test/e2e-harness/setup-machine.sh)?');
}

// Run directly (node ensure-deps.mjs): install only.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureHarnessDependencies();
  } catch (error) {
    console.error(`[e2e] ${error.message}`);
    process.exit(1);
  }
}
