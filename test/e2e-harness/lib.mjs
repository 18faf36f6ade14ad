// Shared by the e2e runner (run.mjs) and `npm run editor` (editor.mjs): build and
// package the extension, install the .vsix into a fresh profile, and run
// code-server (VS Code 1.99.3's server and workbench) on 127.0.0.1.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HARNESS = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HARNESS, '../..');
const CODE_SERVER_ENTRY = path.join(HARNESS, 'node_modules/code-server/out/node/entry.js');

export function log(message) {
  console.log(`[e2e] ${message}`);
}

/** Runs a command to completion; rejects with its output when it fails. */
export function run(command, args, { cwd = ROOT, env = process.env, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})${output ? `:\n${output}` : ''}`));
    });
  });
}

/** `npm run package` at the root; returns the path of the .vsix it wrote. */
export async function buildAndPackage() {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const vsix = path.join(ROOT, `${name}-${version}.vsix`);
  fs.rmSync(vsix, { force: true });
  await run('npm', ['run', '--silent', 'package'], { quiet: true });
  if (!fs.existsSync(vsix)) throw new Error(`npm run package did not write ${vsix}`);
  return vsix;
}

/**
 * A fresh profile under the system temp folder: user data, extensions, the
 * code-server config and XDG folders, so nothing is read from or written to
 * the home folder and no earlier session (hot exit, settings) leaks in.
 */
export function createProfile(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const profile = {
    dir,
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    config: path.join(dir, 'code-server.yaml'),
  };
  fs.mkdirSync(path.join(profile.userData, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensions, { recursive: true });
  fs.writeFileSync(profile.config, 'auth: none\ncert: false\n');
  fs.writeFileSync(
    path.join(profile.userData, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'security.workspace.trust.enabled': false,
        'window.restoreWindows': 'none',
        'files.hotExit': 'off',
      },
      null,
      2,
    ),
  );
  return profile;
}

function codeServerEnv(profile, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(profile.dir, 'xdg-config'),
    XDG_DATA_HOME: path.join(profile.dir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(profile.dir, 'xdg-cache'),
    // No extension gallery: the machine is offline and nothing should be fetched.
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

function profileArgs(profile) {
  return ['--config', profile.config, '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions];
}

/** Installs the .vsix into the profile the way a user would; returns the folder it was unpacked to. */
export async function installVsix(vsix, profile) {
  const output = await run(process.execPath, [CODE_SERVER_ENTRY, ...profileArgs(profile), '--install-extension', vsix], {
    env: codeServerEnv(profile),
    quiet: true,
  });
  const { publisher, name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const installed = path.join(profile.extensions, `${publisher}.${name}-${version}`);
  if (!fs.existsSync(path.join(installed, 'package.json'))) {
    throw new Error(`code-server --install-extension did not unpack the extension to ${installed}:\n${output}`);
  }
  return installed;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls /healthz (code-server has no readiness event) until it answers 200 or `timeoutMs` passes. */
async function waitForHealthz(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited (code ${child.exitCode}) before it was ready`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/**
 * Starts code-server on 127.0.0.1 with no auth, telemetry, update check or
 * gallery. Its output goes to `logFile`. Returns { url, port, stop }; stop()
 * ends its whole process group and resolves when it has exited.
 */
export async function startCodeServer({ profile, folder, logFile, env = {}, port, timeoutMs = 60_000 }) {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    CODE_SERVER_ENTRY,
    ...profileArgs(profile),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    folder,
  ];
  const out = fs.openSync(logFile, 'a');
  // Its own process group, so stop() also ends the extension host and the language server.
  const child = spawn(process.execPath, args, { env: codeServerEnv(profile, env), stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child.pid, 'SIGTERM');
      const killed = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(killed);
      signalGroup(child.pid, 'SIGKILL'); // anything left in the group
    })());
  try {
    await waitForHealthz(url, child, timeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}. Its log: ${logFile}\n${tail(logFile)}`);
  }
  return { url, port, pid: child.pid, stop };
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Runs `cleanup` once: on normal exit paths, on Ctrl+C / SIGTERM / SIGHUP, and
 * when the parent process goes away. (`npm run` runs us under `sh -c`, and a
 * SIGTERM sent to npm reaches neither; without this code-server would outlive it.)
 */
export function onShutdown(cleanup) {
  let done;
  const once = () => (done ??= Promise.resolve().then(cleanup));
  const stopNow = (why) => {
    log(`${why}: stopping`);
    void once().finally(() => process.exit(130));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => stopNow(signal));
  const parent = process.ppid;
  // No event tells a process that its parent died; process.ppid changes when it is re-parented.
  const watch = setInterval(() => {
    if (process.ppid !== parent) stopNow('the parent process exited');
  }, 1_000);
  watch.unref();
  return once;
}
