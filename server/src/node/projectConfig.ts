// Finding, reading and validating .health-claims.json for a file (Node only).
// The nearest file above the Markdown file applies; a broken one is reported
// with file, line and what to do, and checking goes on with the defaults.

import * as fs from 'node:fs';
import * as path from 'node:path';
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

export class ConfigResolver {
  private readonly byDirectory = new Map<string, LoadedConfig>();

  /** The configuration for a file in `directory`, searching upward. */
  forDirectory(directory: string): LoadedConfig {
    const dir = path.resolve(directory);
    const cached = this.byDirectory.get(dir);
    if (cached) return cached;
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    let loaded: LoadedConfig;
    if (fs.existsSync(candidate)) {
      let text: string;
      try {
        text = fs.readFileSync(candidate, 'utf8');
      } catch (error) {
        loaded = { file: candidate, config: {}, problems: [{ file: candidate, message: `The file cannot be read: ${(error as Error).message}.`, hint: 'Check its permissions.' }] };
        this.byDirectory.set(dir, loaded);
        return loaded;
      }
      loaded = parseConfigText(text, candidate);
    } else {
      const parent = path.dirname(dir);
      loaded = parent === dir ? { config: {}, problems: [] } : this.forDirectory(parent);
    }
    this.byDirectory.set(dir, loaded);
    return loaded;
  }
}

export function formatProblem(p: InputProblem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}: ${p.message} ${p.hint}`.trim();
}
