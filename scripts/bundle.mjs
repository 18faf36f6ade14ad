// Bundles the CLI, the language server and the VS Code client into dist/,
// so the packaged extension and the `bin` entries carry no node_modules.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning', mainFields: ['module', 'main'] };
const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js'},
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js'},
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
];
await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map((e) => build({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external ?? [] })),
);
