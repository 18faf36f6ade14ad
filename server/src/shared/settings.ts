// The editor settings of Health Claims Checker, declared once. The language
// server reads and normalises them from here, `scripts/generate-settings.mjs`
// writes package.json's `contributes.configuration` from here, and
// test/unit/settings.test.ts fails when package.json is stale.

import type { SeveritySetting } from '../core/types.js';
import { RULES } from '../rules/index.js';

export const SETTINGS_SECTION = 'healthClaims';

export type RunMode = 'onType' | 'onSave';
export type TraceSetting = 'off' | 'messages' | 'verbose';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

export interface HealthClaimsSettings {
  enable: boolean;
  run: RunMode;
  debounceMs: number;
  /**
   * Only the rules the user set explicitly. Defaults are NOT filled in here,
   * so that a project's .health-claims.json can still set a rule the user left
   * alone (see resolveRuleSettings).
   */
  rules: Partial<Record<string, SeveritySetting>>;
  trace: { server: TraceSetting };
}

export const DEFAULT_SETTINGS: Readonly<HealthClaimsSettings> = Object.freeze<HealthClaimsSettings>({
  enable: true,
  run: 'onType',
  debounceMs: 200,
  rules: {},
  trace: { server: 'off' },
});

/** A JSON-Schema-ish declaration, the subset VS Code's configuration contribution uses. */
export interface SettingDeclaration {
  type: 'boolean' | 'string' | 'number' | 'object';
  default: unknown;
  description?: string;
  markdownDescription?: string;
  enum?: readonly string[];
  enumDescriptions?: readonly string[];
  minimum?: number;
  maximum?: number;
  scope?: 'application' | 'machine' | 'window' | 'resource' | 'language-overridable' | 'machine-overridable';
  properties?: Record<string, SettingDeclaration>;
  additionalProperties?: boolean | SettingDeclaration;
  order?: number;
}

const SEVERITY_DESCRIPTIONS = [
  'Do not run this rule.',
  'Show as a hint (faint dots, not in the Problems panel count).',
  'Show as information.',
  'Show as a warning.',
  'Show as an error.',
];

function ruleSeverityDeclaration(description: string, defaultSeverity: SeveritySetting): SettingDeclaration {
  return {
    type: 'string',
    enum: SEVERITY_SETTINGS,
    enumDescriptions: SEVERITY_DESCRIPTIONS,
    default: defaultSeverity,
    description: `${description} Default: ${defaultSeverity}.`,
  };
}

/** Every setting, keyed by its full id, in the order the settings UI shows them. */
export const SETTINGS: Readonly<Record<string, SettingDeclaration>> = {
  'healthClaims.enable': {
    type: 'boolean',
    default: DEFAULT_SETTINGS.enable,
    description: 'Check Markdown files for health claims that go beyond the evidence.',
    scope: 'resource',
    order: 0,
  },
  'healthClaims.run': {
    type: 'string',
    enum: ['onType', 'onSave'],
    enumDescriptions: ['Check while you type (after a short pause, see Debounce Ms).', 'Check when the file is opened and each time it is saved.'],
    default: DEFAULT_SETTINGS.run,
    description: 'When to check an open file.',
    scope: 'resource',
    order: 1,
  },
  'healthClaims.debounceMs': {
    type: 'number',
    default: DEFAULT_SETTINGS.debounceMs,
    minimum: 0,
    maximum: 10000,
    description: 'With run "onType": how long to wait after the last keystroke before checking, in milliseconds. 0 checks at once.',
    scope: 'resource',
    order: 2,
  },
  'healthClaims.rules': {
    type: 'object',
    // The default is empty on purpose: a rule the user has not set here keeps
    // the severity from the project's .health-claims.json, or the rule's
    // built-in default (shown per property below).
    default: {},
    markdownDescription:
      'Severity per rule (`off`, `hint`, `information`, `warning`, `error`). A rule set here overrides the project\'s `.health-claims.json`; a rule not set here keeps the project\'s setting or its built-in default.',
    properties: Object.fromEntries(RULES.map((rule) => [rule.id, ruleSeverityDeclaration(`${rule.title}: ${rule.description}`, rule.defaultSeverity)])),
    additionalProperties: false,
    scope: 'resource',
    order: 3,
  },
  'healthClaims.trace.server': {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: DEFAULT_SETTINGS.trace.server,
    description: 'Log the messages between VS Code and the Health Claims language server to the "Health Claims" output channel.',
    scope: 'window',
    order: 4,
  },
};

/** package.json's `contributes.configuration`, generated from SETTINGS. */
export function configurationContribution(): { title: string; properties: Record<string, SettingDeclaration> } {
  return { title: 'Health Claims', properties: JSON.parse(JSON.stringify(SETTINGS)) as Record<string, SettingDeclaration> };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Raw settings (from workspace/configuration, initializationOptions or a
 * didChangeConfiguration payload) -> complete, valid settings. Invalid values
 * fall back to the default; unknown rules and severities are dropped.
 */
export function normalizeSettings(raw: unknown): HealthClaimsSettings {
  const input = isRecord(raw) ? raw : {};
  const rules: Partial<Record<string, SeveritySetting>> = {};
  if (isRecord(input.rules)) {
    for (const rule of RULES) {
      const value = input.rules[rule.id];
      if (typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value)) rules[rule.id] = value as SeveritySetting;
    }
  }
  const debounce = input.debounceMs;
  const trace = isRecord(input.trace) ? input.trace.server : undefined;
  return {
    enable: typeof input.enable === 'boolean' ? input.enable : DEFAULT_SETTINGS.enable,
    run: input.run === 'onSave' || input.run === 'onType' ? input.run : DEFAULT_SETTINGS.run,
    debounceMs: typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 10000) : DEFAULT_SETTINGS.debounceMs,
    rules,
    trace: { server: trace === 'messages' || trace === 'verbose' || trace === 'off' ? trace : DEFAULT_SETTINGS.trace.server },
  };
}

/**
 * The severities a check uses. Precedence, highest first:
 *   1. the user's explicit editor setting (healthClaims.rules),
 *   2. the project's .health-claims.json "rules",
 *   3. the rule's built-in default (applied by the Checker).
 * The editor setting wins because it is the person at the keyboard choosing,
 * for themselves, how loud a rule should be; the project file sets the team's
 * default. Settings are per resource, so a workspace's .vscode/settings.json
 * can still pin a severity for everyone who opens it.
 */
export function resolveRuleSettings(
  user: Partial<Record<string, SeveritySetting>>,
  project: Partial<Record<string, SeveritySetting>> | undefined,
): Partial<Record<string, SeveritySetting>> {
  return { ...(project ?? {}), ...user };
}
