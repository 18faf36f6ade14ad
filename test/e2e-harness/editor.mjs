// `npm run editor`: try the extension in VS Code without setting anything up.
// Builds and packages the .vsix, installs it into a fresh profile, and serves
// VS Code (code-server) on 127.0.0.1 with examples/ open: no auth, no telemetry,
// no extension gallery. Ctrl+C (or SIGTERM) stops it and removes the profile.
//
// Environment: HEALTH_CLAIMS_EDITOR_PORT (default 8080; 0 picks a free port).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureHarnessDependencies } from './ensure-deps.mjs';
import { buildAndPackage, createProfile, freePort, installVsix, log, onShutdown, ROOT, startCodeServer } from './lib.mjs';

const requested = Number(process.env.HEALTH_CLAIMS_EDITOR_PORT ?? 8080);
const profile = createProfile('health-claims-editor-');
let server;
const cleanup = onShutdown(async () => {
  await server?.stop();
  fs.rmSync(profile.dir, { recursive: true, force: true });
});

try {
  ensureHarnessDependencies();
  log('building and packaging the extension');
  const vsix = await buildAndPackage();
  await installVsix(vsix, profile);
  log(`installed ${path.relative(ROOT, vsix)} into a fresh profile`);
  const logFile = path.join(profile.dir, 'code-server.log');
  server = await startCodeServer({ profile, folder: path.join(ROOT, 'examples'), logFile, port: requested || (await freePort()) });
  console.log(`\nHealth Claims Checker in VS Code: open ${server.url}/?folder=${path.join(ROOT, 'examples')}`);
  console.log('Open a draft in examples/ and hover an underlined claim. Press Ctrl+C to stop.\n');
  // Runs until a signal arrives; onShutdown stops code-server and exits.
  await new Promise(() => {});
} catch (error) {
  console.error(`[editor] could not start: ${error.message ?? error}`);
  await cleanup();
  process.exit(1);
}
