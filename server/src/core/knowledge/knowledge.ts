// Everything the checker knows, assembled once: validated lexicons (with a
// project's extra terms) and evidence packs. Built-in data is imported, so the
// core reads no files; adapters pass in workspace data they have read.

import type { InputProblem } from '../types.js';
import type { EvidencePack } from './evidencePack.js';
import { EvidenceIndex } from './evidenceIndex.js';
import { validateLexicons, withExtraTerms, type Lexicons } from './lexicons.js';
import { builtinLexiconData, builtinPacks } from './builtin.js';

export interface Knowledge {
  lexicons: Lexicons;
  packs: EvidencePack[];
  /** Look-ups over `packs`. */
  evidence: EvidenceIndex;
}

export interface KnowledgeOptions {
  extraTerms?: Partial<Record<string, string[]>>;
  /** Packs beyond the built-in ones (already validated by the adapter). */
  extraPacks?: EvidencePack[];
  /** Leave out the built-in evidence packs (generic checks only). */
  withoutBuiltinPacks?: boolean;
}

let builtin: { lexicons: Lexicons; packs: EvidencePack[]; problems: InputProblem[] } | undefined;

/** The built-in knowledge, validated once per process. Problems are returned, never thrown. */
export function builtinKnowledge(): { lexicons: Lexicons; packs: EvidencePack[]; problems: InputProblem[] } {
  if (!builtin) {
    const { lexicons, problems } = validateLexicons(builtinLexiconData, (id) => `data/lexicons/${id}.json`);
    const packs = builtinPacks();
    builtin = { lexicons, packs: packs.packs, problems: [...problems, ...packs.problems] };
  }
  return builtin;
}

export function buildKnowledge(options: KnowledgeOptions = {}): Knowledge {
  const base = builtinKnowledge();
  const packs = [...(options.withoutBuiltinPacks ? [] : base.packs), ...(options.extraPacks ?? [])];
  return { lexicons: withExtraTerms(base.lexicons, options.extraTerms), packs, evidence: new EvidenceIndex(packs) };
}
