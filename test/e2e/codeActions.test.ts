// Quick fixes through VS Code's code action provider: the rewording and
// "disable for this line", applied with workspace edits.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT, DRAFT_FINDINGS, without } from './drafts.js';
import { diagnosticAt, openInEditor, restoreWorkspace, waitForFindings } from './helpers.js';

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
}

suite('quick fixes', () => {
  teardown(restoreWorkspace);

  test('the preferred rewording replaces the flagged words and clears that diagnostic only', async () => {
    const { document } = await openInEditor(DRAFT);
    const diagnostics = await waitForFindings(document, DRAFT_FINDINGS, 'the findings of the draft');
    const hype = diagnosticAt(diagnostics, document, 'hype', 'magic bullet');

    const fixes = await quickFixes(document.uri, hype.range);
    const titles = fixes.map((f) => f.title);
    const preferred = fixes.filter((f) => f.isPreferred);
    assert.equal(preferred.length, 1, `one preferred fix among: ${titles.join(' | ')}`);
    assert.equal(preferred[0]!.title, 'Replace "magic bullet" with "treatment option"');
    assert.ok(titles.includes('Disable health-claims hype for this line'), titles.join(' | '));
    assert.ok(titles.includes('Disable health-claims hype for this file'), titles.join(' | '));

    assert.ok(await vscode.workspace.applyEdit(preferred[0]!.edit!), 'the fix applies');
    assert.match(document.getText(), /^Ketamine is a treatment option for depression\. It is not a magic bullet\.$/m);
    await waitForFindings(document, without(DRAFT_FINDINGS, 'hype: magic bullet'), 'the hype diagnostic to clear, the others to stay');
  });

  test('"disable for this line" inserts the directive above the line and the warning goes', async () => {
    const { document } = await openInEditor(DRAFT);
    const diagnostics = await waitForFindings(document, DRAFT_FINDINGS, 'the findings of the draft');
    const efficacy = diagnosticAt(diagnostics, document, 'unqualified-efficacy', 'Ketamine cures depression');

    const disable = (await quickFixes(document.uri, efficacy.range)).find((f) => f.title === 'Disable health-claims unqualified-efficacy for this line');
    assert.ok(disable?.edit, 'a "disable for this line" fix with an edit');
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.equal(document.lineAt(4).text, '<!-- health-claims-disable-next-line unqualified-efficacy -->');
    assert.match(document.lineAt(5).text, /^Ketamine cures depression\./);
    await waitForFindings(document, without(DRAFT_FINDINGS, 'unqualified-efficacy: Ketamine cures depression'), 'the disabled warning to go');
  });
});
