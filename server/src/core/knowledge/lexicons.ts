// Lexicons: the words rules and claim analysis match, loaded from data/ and
// validated against data/schema/lexicon.schema.json. A lexicon that fails
// validation is reported and left out; the rest keep working.

import lexiconSchema from '../../../../data/schema/lexicon.schema.json';
import { PhraseMatcher, type PhraseScanner } from '../text/phrases.js';
import type { InputProblem } from '../types.js';
import { validateValue } from './validate.js';

export interface LexiconEntry {
  terms: string[];
  category?: string;
  replacements?: string[];
  /** Shown to writers in messages and cards. */
  note?: string;
  /** How rules read the terms; for maintainers only. */
  matching?: string;
  source?: string;
}

export interface Lexicon {
  id: string;
  description: string;
  source: string;
  entries: LexiconEntry[];
}

export const LEXICON_IDS = [
  'hype', 'absolute-language', 'safety-overclaim', 'overstated-evidence', 'hedges', 'negation', 'attribution', 'claim-verbs',
  'interventions', 'references', 'conditions', 'populations', 'health-context', 'citations', 'outcome-measures', 'evidence-claims', 'reporting',
  'journals',
] as const;
export type LexiconId = (typeof LEXICON_IDS)[number];

export type Lexicons = Record<LexiconId, Lexicon>;

export function validateLexicons(raw: Record<string, unknown>, fileOf: (id: string) => string): { lexicons: Lexicons; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const lexicons = {} as Lexicons;
  for (const id of LEXICON_IDS) {
    const result = validateValue<Lexicon>(raw[id], lexiconSchema, fileOf(id), 'Correct the lexicon so it matches data/schema/lexicon.schema.json.');
    problems.push(...result.problems);
    lexicons[id] = result.value ?? { id, description: '', source: '', entries: [] };
  }
  return { lexicons, problems };
}

/** Add a project's extra terms (from .health-claims.json "terms") as one more entry. */
export function withExtraTerms(lexicons: Lexicons, extra: Partial<Record<string, string[]>> | undefined): Lexicons {
  if (!extra) return lexicons;
  const out = { ...lexicons };
  for (const [id, terms] of Object.entries(extra)) {
    if (!terms?.length || !(id in out)) continue;
    const base = out[id as LexiconId];
    const category = base.entries[0]?.category;
    out[id as LexiconId] = { ...base, entries: [...base.entries, { terms, category, note: 'Added in the project configuration.' }] };
  }
  return out;
}

/** A matcher over the entries of one lexicon, optionally only some categories. */
export function matcherFor(lexicon: Lexicon, categories?: readonly string[], scanner?: PhraseScanner): PhraseMatcher<LexiconEntry> {
  const entries = categories ? lexicon.entries.filter((e) => categories.includes(e.category ?? '')) : lexicon.entries;
  return new PhraseMatcher<LexiconEntry>(entries, scanner);
}
