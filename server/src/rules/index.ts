// The rule registry: every check the product makes, in the order they are
// documented. Adding a rule means adding a file here and a page in docs/rules/.

import { absoluteLanguage } from './absoluteLanguage.js';
import { citationMismatch } from './citationMismatch.js';
import { evidenceMismatch } from './evidenceMismatch.js';
import { hype } from './hype.js';
import { missingCitation } from './missingCitation.js';
import { overstatedEvidence } from './overstatedEvidence.js';
import type { RuleDefinition } from './rule.js';
import { safetyOverclaim } from './safetyOverclaim.js';
import { unqualifiedEfficacy } from './unqualifiedEfficacy.js';

export const RULES: readonly RuleDefinition[] = [hype, unqualifiedEfficacy, absoluteLanguage, safetyOverclaim, overstatedEvidence, missingCitation, evidenceMismatch, citationMismatch];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function ruleById(id: string): RuleDefinition | undefined {
  return RULES.find((r) => r.id === id);
}
