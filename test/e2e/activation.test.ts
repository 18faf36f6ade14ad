// The installed extension activates when a Markdown file opens, from the packaged files.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DRAFT, DRAFT_FINDINGS } from './drafts.js';
import { EXTENSION_ID, openInEditor, restoreWorkspace, waitForFindings } from './helpers.js';

suite('activation', () => {
  teardown(restoreWorkspace);

  test('opening a Markdown file activates the extension and the server checks it', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.equal(extension.isActive, false, 'nothing activates the extension before a Markdown file is opened');
    const { document } = await openInEditor(DRAFT);
    assert.equal(document.languageId, 'markdown');
    await waitForFindings(document, DRAFT_FINDINGS, 'the findings of the draft');
    assert.equal(extension.isActive, true);
  });

  test('runs from the packaged extension when the harness says where it was installed', function () {
    // The code-server harness installs the .vsix and passes its folder; @vscode/test-electron runs the dev tree.
    const installed = process.env.HEALTH_CLAIMS_E2E_INSTALLED_EXTENSION;
    if (!installed) this.skip();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(path.resolve(extension.extensionPath), path.resolve(installed));
    for (const bundled of ['dist/extension.js', 'dist/server.js', 'package.json', 'images/icon.png']) {
      assert.ok(fs.existsSync(path.join(installed, bundled)), `${bundled} is in the package`);
    }
    for (const absent of ['node_modules', 'server', 'client', 'out', 'test']) {
      assert.ok(!fs.existsSync(path.join(installed, absent)), `${absent}/ is not in the package`);
    }
  });
});
