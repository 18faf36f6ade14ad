// Shared helpers for the end-to-end suite: the fixture workspace, waiting on
// diagnostics events (never on sleeps), and putting the workspace back after a test.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'health-claims.health-claims';
export const SOURCE = 'health-claims';
/** Generous: the first check after start-up parses lexicons and packs; later ones take milliseconds. */
export const WAIT_MS = 20_000;

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with the fixture workspace (test/e2e/workspace) open');
  return folder.uri;
}

export function fileInWorkspace(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), ...relative.split('/'));
}

/** The rule id of a diagnostic (the client turns code + codeDescription into { value, target }). */
export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);
}

/** Our diagnostics for a URI, ignoring other extensions' (e.g. the built-in Markdown link validation). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/**
 * The rules these tests expect findings from. Other rules (new ones that look at
 * the same drafts) are left out of the comparisons so they do not break them.
 */
export const RULES_UNDER_TEST = new Set(['hype', 'unqualified-efficacy', 'absolute-language', 'safety-overclaim', 'overstated-evidence', 'missing-citation']);

/** "rule: flagged text" for each diagnostic of the rules under test, sorted: what is flagged, independent of where. */
export function findings(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => RULES_UNDER_TEST.has(codeOf(d)))
    .map((d) => `${codeOf(d)}: ${document.getText(d.range)}`)
    .sort();
}

/**
 * Resolves with our diagnostics for `uri` once `accept` holds for them: checked
 * now and on every onDidChangeDiagnostics event. Rejects after `timeoutMs`,
 * saying what was awaited and what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = ours(uri);
      if (!accept(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const seen = ours(uri).map((d) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character} "${d.message.slice(0, 60)}"`);
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}. Diagnostics there: ${seen.length ? seen.join(' | ') : 'none'}`));
    }, timeoutMs);
    function cleanup(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** Waits until the diagnostics of `document` flag exactly `expected` ("rule: text", any order). */
export function waitForFindings(document: vscode.TextDocument, expected: readonly string[], what: string): Promise<vscode.Diagnostic[]> {
  const want = [...expected].sort().join(' | ');
  return waitForDiagnostics(document.uri, (ds) => findings(document, ds).join(' | ') === want, `${what} (${want})`);
}

export async function openInEditor(relative: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const document = await vscode.workspace.openTextDocument(fileInWorkspace(relative));
  const editor = await vscode.window.showTextDocument(document);
  return { document, editor };
}

/** The range of the `occurrence`-th (0-based) `text` in the document. */
export function rangeOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Range {
  const source = document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = source.indexOf(text, at + 1);
    assert.ok(at >= 0, `"${text}" (occurrence ${occurrence}) is in ${vscode.workspace.asRelativePath(document.uri)}`);
  }
  return new vscode.Range(document.positionAt(at), document.positionAt(at + text.length));
}

export function diagnosticAt(diagnostics: readonly vscode.Diagnostic[], document: vscode.TextDocument, code: string, text: string): vscode.Diagnostic {
  const found = diagnostics.find((d) => codeOf(d) === code && document.getText(d.range) === text);
  assert.ok(found, `a ${code} diagnostic on "${text}" among: ${findings(document, diagnostics).join(' | ')}`);
  return found;
}

export async function replaceText(document: vscode.TextDocument, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
}

export async function setRules(rules: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('healthClaims').update('rules', rules, vscode.ConfigurationTarget.Workspace);
}

/**
 * Puts the workspace back as the fixture has it: unsaved edits reverted (tests
 * never save), editors closed, workspace settings and the project config removed.
 */
export async function restoreWorkspace(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await setRules(undefined);
  await vscode.workspace.fs.delete(fileInWorkspace('.health-claims.json')).then(
    () => undefined,
    () => undefined, // not there: nothing to remove
  );
}
