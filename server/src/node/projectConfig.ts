// Finding, reading and validating .health-claims.json for a file (Node only).
// The nearest file above the Markdown file applies; a broken one is reported
// with file, line and what to do, and checking goes on with the defaults.

import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import configSchema from '../../../data/schema/config.schema.json';
import { validateJsonText } from '../core/knowledge/validate.js';
import type { InputProblem, SeveritySetting } from '../core/types.js';

export const CONFIG_FILE_NAME = '.health-claims.json';

export interface ProjectConfig {
  rules?: Partial<Record<string, SeveritySetting>>;
  terms?: Partial<Record<string, string[]>>;
  ignore?: string[];
  packs?: string[];
  includeImageAltText?: boolean;
}

export interface LoadedConfig {
  /** The config file, or undefined when none was found. */
  file?: string;
  config: ProjectConfig;
  problems: InputProblem[];
}

const CONFIG_HINT = `Fix the value, or delete it to use the default. Allowed settings are described in data/schema/config.schema.json.`;

export function parseConfigText(text: string, file: string): LoadedConfig {
  const result = validateJsonText<ProjectConfig>(text, configSchema, file, CONFIG_HINT);
  return { file, config: result.value ?? {}, problems: result.problems };
}

// One lookup for the CLI and the language server: the nearest file above the
// Markdown file wins; a config file open in an editor is read from its
// (unsaved) text; the cache can be dropped when a config file changes; it
// never throws: unreadable or broken files become problems, and a broken file
// means checking with the defaults, not with a half-valid config.
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

  /** The configuration for files in `dir`: the nearest config file at or above it. */
  forDirectory(directory: string): LoadedConfig {
    const dir = path.resolve(directory);
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

export function formatProblem(p: InputProblem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}: ${p.message} ${p.hint}`.trim();
}
