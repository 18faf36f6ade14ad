// Writes package.json's contributes.configuration from the one declaration of
// the settings, server/src/shared/settings.ts (compiled: run after `tsc -b`).
//   node scripts/generate-settings.mjs          write package.json if stale
//   node scripts/generate-settings.mjs --check  exit 1 if package.json is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let settings;
try {
  settings = require(join(root, 'out/server/src/shared/settings.js'));
} catch (error) {
  console.error(`generate-settings: build first (tsc -b): ${error.message}`);
  process.exit(2);
}

const file = join(root, 'package.json');
const text = readFileSync(file, 'utf8');
const pkg = JSON.parse(text);
const generated = settings.configurationContribution();
const stale = JSON.stringify(pkg.contributes?.configuration) !== JSON.stringify(generated);

if (process.argv.includes('--check')) {
  if (stale) {
    console.error('package.json contributes.configuration is stale: run `npm run generate:settings`.');
    process.exit(1);
  }
  process.exit(0);
}
if (stale) {
  pkg.contributes = { ...(pkg.contributes ?? {}), configuration: generated };
  writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
  console.log('generate-settings: updated contributes.configuration in package.json');
}
