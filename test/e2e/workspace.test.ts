// "Health Claims: Check All Markdown Files in Workspace" fills the Problems panel for files that are not open.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { UNOPENED } from './drafts.js';
import { codeOf, EXTENSION_ID, fileInWorkspace, restoreWorkspace, waitForDiagnostics } from './helpers.js';

suite('check all files', () => {
  teardown(restoreWorkspace);

  test('the command reports the findings of files that are not open', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const unopened = fileInWorkspace(UNOPENED);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), `${UNOPENED} is not open`);

    await vscode.commands.executeCommand('healthClaims.checkWorkspace');
    const diagnostics = await waitForDiagnostics(unopened, (ds) => ds.length > 0, 'the findings of the unopened file');
    assert.deepEqual(
      diagnostics.map((d) => [codeOf(d), d.range.start.line, d.range.start.character, d.range.end.character, d.severity]),
      [['hype', 2, 14, 26, vscode.DiagnosticSeverity.Warning]],
      '"miracle cure" on line 3 is flagged; "may help some patients" is not',
    );
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'checking did not open the file');
  });
});
