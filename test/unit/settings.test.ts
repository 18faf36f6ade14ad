// Settings are declared once (server/src/shared/settings.ts). package.json's
// contributes.configuration is generated from them; this fails when it is stale.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules/index.js';
import { configurationContribution, normalizeSettings, resolveRuleSettings, SETTINGS } from '../../server/src/shared/settings.js';

const ROOT = path.resolve(__dirname, '../../..');

function packageJson(): { contributes?: { configuration?: unknown } } {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes?: { configuration?: unknown } };
}

describe('settings', () => {
  it('package.json contributes.configuration is generated from settings.ts (run `npm run generate:settings` if this fails)', () => {
    assert.deepEqual(packageJson().contributes?.configuration, configurationContribution());
  });

  it('declares the documented settings', () => {
    assert.deepEqual(Object.keys(SETTINGS).sort(), ['healthClaims.debounceMs', 'healthClaims.enable', 'healthClaims.rules', 'healthClaims.run', 'healthClaims.trace.server']);
    for (const [id, s] of Object.entries(SETTINGS)) assert.ok(s.description ?? s.markdownDescription, `${id} has a description`);
  });

  it('declares every rule with its default severity', () => {
    const rules = SETTINGS['healthClaims.rules']!.properties!;
    assert.deepEqual(Object.keys(rules), RULES.map((r) => r.id));
    for (const rule of RULES) {
      assert.equal(rules[rule.id]!.default, rule.defaultSeverity, rule.id);
      assert.deepEqual(rules[rule.id]!.enum, ['off', 'hint', 'information', 'warning', 'error']);
    }
  });

  it('normalizes raw settings, falling back to defaults', () => {
    assert.deepEqual(normalizeSettings(undefined), { enable: true, run: 'onType', debounceMs: 200, rules: {}, trace: { server: 'off' } });
    assert.deepEqual(
      normalizeSettings({ enable: false, run: 'onSave', debounceMs: 0, rules: { hype: 'off', 'no-such-rule': 'error', 'absolute-language': 'loud' }, trace: { server: 'verbose' } }),
      { enable: false, run: 'onSave', debounceMs: 0, rules: { hype: 'off' }, trace: { server: 'verbose' } },
    );
    assert.equal(normalizeSettings({ debounceMs: -5 }).debounceMs, 200);
    assert.equal(normalizeSettings({ run: 'sometimes' }).run, 'onType');
  });

  it('lets an explicit editor setting win over the project file', () => {
    assert.deepEqual(resolveRuleSettings({ hype: 'error' }, { hype: 'off', 'absolute-language': 'hint' }), { hype: 'error', 'absolute-language': 'hint' });
    assert.deepEqual(resolveRuleSettings({}, undefined), {});
  });
});
