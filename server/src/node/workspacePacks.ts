// A team's own evidence packs (Node only): every *.json in the nearest
// .health-claims/packs/ folder above a Markdown file, plus the files listed in
// the applicable .health-claims.json "packs". Each is checked against the
// evidence-pack schema and its references; a pack with schema problems is left
// out (and its problems reported in it), so the built-in pack and the generic
// checks always go on. The caller decides whether the workspace is trusted.

import * as fs from 'node:fs';
import * as path from 'node:path';
import evidencePackSchema from '../../../data/schema/evidence-pack.schema.json';
import type { EvidencePack } from '../core/knowledge/evidencePack.js';
import { builtinKnowledge } from '../core/knowledge/knowledge.js';
import { packReferenceProblems } from '../core/knowledge/packReferences.js';
import { locatePointer, validateJsonText } from '../core/knowledge/validate.js';
import type { InputProblem } from '../core/types.js';
import type { LoadedConfig } from './projectConfig.js';

export const PACKS_FOLDER = path.join('.health-claims', 'packs');

export interface LoadedPack {
  file: string;
  /** The pack, when it passed the schema (it may still have reference problems). */
  pack?: EvidencePack;
  /** Schema problems (the pack is left out) and reference problems (it is loaded; the broken references are not used). */
  problems: (InputProblem & { severity: 'error' | 'warning' })[];
  /** Changes each time the file is read again, so checkers built on an older version are replaced. */
  version: number;
}

/**
 * Team packs follow the built-in pack's schema without the bookkeeping that ties the
 * built-in pack to its checked fact sheet (fact-sheet references, provenance notes,
 * dates), and may leave out sections they have nothing for.
 */
const OPTIONAL_FOR_TEAMS = { pack: ['updated', 'description', 'provenance', 'conditions', 'findings', 'regulatory', 'safety'], source: ['factsheetRef'] };
const teamPackSchema = relaxedSchema(evidencePackSchema as unknown as PackSchema);

interface PackSchema {
  required: string[];
  definitions: Record<string, { required?: string[] }>;
}

function relaxedSchema(schema: PackSchema): PackSchema {
  const relaxed = structuredClone(schema);
  relaxed.required = relaxed.required.filter((k) => !OPTIONAL_FOR_TEAMS.pack.includes(k));
  const source = relaxed.definitions.source!;
  source.required = source.required?.filter((k) => !OPTIONAL_FOR_TEAMS.source.includes(k));
  return relaxed;
}

const SCHEMA_HINT = 'Correct the pack so it matches data/schema/evidence-pack.schema.json (see data/packs/README.md). Until then it is not loaded; the built-in pack and the other checks go on.';

export function isWorkspacePackFile(file: string): boolean {
  return file.endsWith('.json') && path.dirname(path.resolve(file)).endsWith(PACKS_FOLDER);
}

export class WorkspacePacks {
  private readonly byFile = new Map<string, LoadedPack>();
  private readonly folderByDirectory = new Map<string, string | undefined>();
  private readonly listings = new Map<string, string[]>();
  private nextVersion = 1;

  /** Forget what was read: all of it, or one changed file. */
  invalidate(file?: string): void {
    this.folderByDirectory.clear();
    this.listings.clear();
    if (file) this.byFile.delete(path.resolve(file));
    else this.byFile.clear();
  }

  /** Packs already read (to clear their problems when they go away). */
  get loadedFiles(): string[] {
    return [...this.byFile.keys()];
  }

  /** The workspace packs that apply to a Markdown file (absolute path) under its project configuration. */
  forFile(markdownFile: string, config: LoadedConfig): LoadedPack[] {
    const files = new Set<string>();
    const folder = this.packsFolderAbove(path.dirname(path.resolve(markdownFile)));
    if (folder) for (const name of this.listing(folder)) files.add(path.join(folder, name));
    if (config.file) for (const listed of config.config.packs ?? []) files.add(path.resolve(path.dirname(config.file), listed));
    return [...files].map((file) => this.load(file));
  }

  load(file: string): LoadedPack {
    const resolved = path.resolve(file);
    const cached = this.byFile.get(resolved);
    if (cached) return cached;
    const loaded = readPack(resolved, this.nextVersion++);
    this.byFile.set(resolved, loaded);
    return loaded;
  }

  private listing(folder: string): string[] {
    let names = this.listings.get(folder);
    if (!names) this.listings.set(folder, (names = safeReaddir(folder).filter((n) => n.endsWith('.json')).sort()));
    return names;
  }

  private packsFolderAbove(directory: string): string | undefined {
    if (this.folderByDirectory.has(directory)) return this.folderByDirectory.get(directory);
    const here = path.join(directory, PACKS_FOLDER);
    const parent = path.dirname(directory);
    const found = isDirectory(here) ? here : parent === directory ? undefined : this.packsFolderAbove(parent);
    this.folderByDirectory.set(directory, found);
    return found;
  }
}

function readPack(file: string, version: number): LoadedPack {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      file,
      version,
      problems: [
        {
          file,
          severity: 'error',
          message: missing ? 'This evidence pack does not exist.' : `This evidence pack cannot be read: ${(error as Error).message}.`,
          hint: missing ? 'Create it, or remove it from "packs" in .health-claims.json.' : 'Check its permissions.',
        },
      ],
    };
  }
  const result = validateJsonText<EvidencePack>(text, teamPackSchema, file, SCHEMA_HINT);
  if (!result.value) return { file, version, problems: result.problems.map((p) => ({ ...p, severity: 'error' as const })) };
  const pack: EvidencePack = { ...result.value, conditions: result.value.conditions ?? [], findings: result.value.findings ?? [], regulatory: result.value.regulatory ?? [], safety: result.value.safety ?? [] };
  const references = packReferenceProblems(pack, builtinKnowledge().packs).map((p) => ({
    file,
    path: p.path,
    ...(locatePointer(text, p.path) ?? {}),
    message: p.message,
    hint: `${p.hint} The pack is loaded; this reference is not used.`,
    severity: 'warning' as const,
  }));
  return { file, version, pack, problems: references };
}

function safeReaddir(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
