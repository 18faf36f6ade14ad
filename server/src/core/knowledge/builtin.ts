// The data shipped with the checker. JSON is imported (and bundled), so this
// module works in Node, in the language server and in a browser worker alike.

import absoluteLanguage from '../../../../data/lexicons/absolute-language.json';
import attribution from '../../../../data/lexicons/attribution.json';
import citations from '../../../../data/lexicons/citations.json';
import claimVerbs from '../../../../data/lexicons/claim-verbs.json';
import conditions from '../../../../data/lexicons/conditions.json';
import evidenceClaims from '../../../../data/lexicons/evidence-claims.json';
import healthContext from '../../../../data/lexicons/health-context.json';
import hedges from '../../../../data/lexicons/hedges.json';
import hype from '../../../../data/lexicons/hype.json';
import interventions from '../../../../data/lexicons/interventions.json';
import journals from '../../../../data/lexicons/journals.json';
import negation from '../../../../data/lexicons/negation.json';
import outcomeMeasures from '../../../../data/lexicons/outcome-measures.json';
import overstatedEvidence from '../../../../data/lexicons/overstated-evidence.json';
import populations from '../../../../data/lexicons/populations.json';
import references from '../../../../data/lexicons/references.json';
import reporting from '../../../../data/lexicons/reporting.json';
import safetyOverclaim from '../../../../data/lexicons/safety-overclaim.json';
import ketamineDepression from '../../../../data/packs/ketamine-depression.json';
import evidencePackSchema from '../../../../data/schema/evidence-pack.schema.json';
import type { InputProblem } from '../types.js';
import type { EvidencePack } from './evidencePack.js';
import { validateValue } from './validate.js';

export const builtinLexiconData: Record<string, unknown> = {
  hype,
  'absolute-language': absoluteLanguage,
  'safety-overclaim': safetyOverclaim,
  'overstated-evidence': overstatedEvidence,
  hedges,
  negation,
  attribution,
  'claim-verbs': claimVerbs,
  interventions,
  references,
  reporting,
  conditions,
  populations,
  'health-context': healthContext,
  citations,
  'outcome-measures': outcomeMeasures,
  'evidence-claims': evidenceClaims,
  journals,
};

const BUILTIN_PACKS: Record<string, unknown> = { 'data/packs/ketamine-depression.json': ketamineDepression };

/** The shipped evidence packs; one that fails its schema is reported and left out, and the generic checks go on. */
export function builtinPacks(): { packs: EvidencePack[]; problems: InputProblem[] } {
  const packs: EvidencePack[] = [];
  const problems: InputProblem[] = [];
  for (const [file, json] of Object.entries(BUILTIN_PACKS)) {
    const result = validateValue<EvidencePack>(json, evidencePackSchema, file, 'Correct the pack so it matches data/schema/evidence-pack.schema.json.');
    if (result.value) packs.push(result.value);
    problems.push(...result.problems);
  }
  return { packs, problems };
}
