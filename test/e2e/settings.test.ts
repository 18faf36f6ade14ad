// Settings and the project's .health-claims.json, changed while a draft is open.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT, DRAFT_FINDINGS, without } from './drafts.js';
import { codeOf, diagnosticAt, fileInWorkspace, openInEditor, restoreWorkspace, setRules, waitForDiagnostics, waitForFindings } from './helpers.js';

const encoder = new TextEncoder();

suite('settings and project configuration', () => {
  teardown(restoreWorkspace);

  test('healthClaims.rules: a changed severity and a rule turned off take effect at once', async () => {
    const { document } = await openInEditor(DRAFT);
    await waitForFindings(document, DRAFT_FINDINGS, 'the findings of the draft');

    await setRules({ hype: 'off', 'safety-overclaim': 'hint', 'absolute-language': 'error' });
    await waitForFindings(document, without(DRAFT_FINDINGS, 'hype: magic bullet'), 'hype to be turned off');
    const updated = await waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => codeOf(d) === 'safety-overclaim' && d.severity === vscode.DiagnosticSeverity.Hint),
      'safety-overclaim as a hint',
    );
    assert.ok(!updated.some((d) => codeOf(d) === 'hype'), 'hype stays off');
    assert.equal(diagnosticAt(updated, document, 'safety-overclaim', 'no side effects').severity, vscode.DiagnosticSeverity.Hint);
    for (const d of updated.filter((x) => codeOf(x) === 'absolute-language')) assert.equal(d.severity, vscode.DiagnosticSeverity.Error);

    await setRules(undefined);
    const restored = await waitForFindings(document, DRAFT_FINDINGS, 'the defaults to come back');
    assert.equal(diagnosticAt(restored, document, 'safety-overclaim', 'no side effects').severity, vscode.DiagnosticSeverity.Error);
  });

  test('a broken .health-claims.json is reported at its line, and checking goes on with the defaults', async () => {
    const { document } = await openInEditor(DRAFT);
    await waitForFindings(document, DRAFT_FINDINGS, 'the findings of the draft');
    const config = fileInWorkspace('.health-claims.json');

    // A valid file applies (hype off) ...
    await vscode.workspace.fs.writeFile(config, encoder.encode('{\n  "rules": { "hype": "off" }\n}\n'));
    await waitForFindings(document, without(DRAFT_FINDINGS, 'hype: magic bullet'), 'the project file to turn hype off');

    // ... a broken one (a missing comma on line 4) is reported on the file, and the draft falls back to the defaults.
    await vscode.workspace.fs.writeFile(config, encoder.encode('{\n  "rules": {\n    "hype": "off"\n    "absolute-language": "error"\n  }\n}\n'));
    const problems = await waitForDiagnostics(config, (ds) => ds.length > 0, 'a diagnostic on the broken .health-claims.json');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.range.start.line, 3, 'at the line where the comma is missing');
    assert.match(problems[0]!.message, /not valid JSON/);
    assert.match(problems[0]!.message, /default settings/);
    const defaults = await waitForFindings(document, DRAFT_FINDINGS, 'the draft to be checked with the defaults');
    for (const d of defaults.filter((x) => codeOf(x) === 'absolute-language')) assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);

    // Removing it clears the report.
    await vscode.workspace.fs.delete(config);
    await waitForDiagnostics(config, (ds) => ds.length === 0, 'the report on the removed file to clear');
  });
});
