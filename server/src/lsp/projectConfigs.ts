// .health-claims.json lookup for the language server. Like the CLI's
// ConfigResolver (nearest file above the Markdown file wins), but:
//  - a config file open in the editor is read from the editor's (unsaved) text,
//  - the cache can be dropped when any config file changes,
//  - it never throws: unreadable or broken files become problems.

import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_FILE_NAME, parseConfigText, type LoadedConfig } from '../node/projectConfig.js';

export const NO_CONFIG: LoadedConfig = Object.freeze({ config: {}, problems: [] }) as LoadedConfig;

export class ProjectConfigs {
  private byDirectory = new Map<string, LoadedConfig>();
  private byFile = new Map<string, LoadedConfig>();

  /** `openText(file)` returns the editor's text of a config file that is open, else undefined. */
  constructor(private readonly openText: (file: string) => string | undefined) {}

  invalidate(): void {
    this.byDirectory.clear();
    this.byFile.clear();
  }

  /** The configuration that applies to a Markdown file at `file` (absolute path). */
  forFile(file: string): LoadedConfig {
    return this.forDirectory(path.dirname(path.resolve(file)));
  }

  /** Read and validate one config file (open editor text first, else disk); undefined if it does not exist. */
  load(file: string): LoadedConfig | undefined {
    const resolved = path.resolve(file);
    const cached = this.byFile.get(resolved);
    if (cached) return cached;
    let text = this.openText(resolved);
    if (text === undefined) {
      try {
        if (!fs.existsSync(resolved)) return undefined;
        text = fs.readFileSync(resolved, 'utf8');
      } catch (error) {
        const loaded: LoadedConfig = {
          file: resolved,
          config: {},
          problems: [{ file: resolved, message: `The file cannot be read: ${(error as Error).message}.`, hint: 'Check its permissions.' }],
        };
        this.byFile.set(resolved, loaded);
        return loaded;
      }
    }
    let loaded: LoadedConfig;
    try {
      loaded = parseConfigText(text, resolved);
    } catch (error) {
      loaded = { file: resolved, config: {}, problems: [{ file: resolved, message: `The file could not be read as configuration: ${(error as Error).message}.`, hint: 'Fix the JSON.' }] };
    }
    // A broken file: report it, and check with the defaults (not a half-valid config).
    if (loaded.problems.length) loaded = { ...loaded, config: {} };
    this.byFile.set(resolved, loaded);
    return loaded;
  }

  private forDirectory(dir: string): LoadedConfig {
    const cached = this.byDirectory.get(dir);
    if (cached) return cached;
    const here = this.load(path.join(dir, CONFIG_FILE_NAME));
    const parent = path.dirname(dir);
    const loaded = here ?? (parent === dir ? NO_CONFIG : this.forDirectory(parent));
    this.byDirectory.set(dir, loaded);
    return loaded;
  }
}

export function isConfigFile(file: string): boolean {
  return path.basename(file) === CONFIG_FILE_NAME;
}

/** Whether the config's "ignore" globs exclude this Markdown file. */
export function isIgnoredByConfig(file: string, loaded: LoadedConfig): boolean {
  if (!loaded.file || !loaded.config.ignore?.length) return false;
  const relative = path.relative(path.dirname(loaded.file), path.resolve(file)).split(path.sep).join('/');
  try {
    return picomatch(loaded.config.ignore, { dot: true })(relative);
  } catch {
    return false;
  }
}
