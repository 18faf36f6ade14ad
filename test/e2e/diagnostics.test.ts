// Diagnostics in the editor: rule codes, ranges and severities on open, updates
// while editing, and the hover card on a flagged span.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DRAFT, DRAFT_FINDINGS, without } from './drafts.js';
import { codeOf, diagnosticAt, openInEditor, rangeOf, replaceText, restoreWorkspace, SOURCE, waitForFindings } from './helpers.js';

suite('diagnostics', () => {
  teardown(restoreWorkspace);

  test('flag the draft with rule codes, exact ranges, severities and rule links', async () => {
    const { document } = await openInEditor(DRAFT);
    const diagnostics = await waitForFindings(document, DRAFT_FINDINGS, 'the findings of the draft');

    const hype = diagnosticAt(diagnostics, document, 'hype', 'magic bullet');
    // The first "magic bullet"; the second is negated ("It is not a magic bullet.").
    assert.deepEqual(hype.range, rangeOf(document, 'magic bullet', 0));
    assert.equal(hype.severity, vscode.DiagnosticSeverity.Warning, 'hype is a warning by default');
    assert.equal(hype.source, SOURCE);
    assert.match(hype.message, /sells the treatment/);
    const target = typeof hype.code === 'object' ? hype.code.target : undefined;
    assert.match(String(target), /^https:\/\/.*\/docs\/rules\/hype\.md$/, 'the code links to the rule documentation');

    const safety = diagnosticAt(diagnostics, document, 'safety-overclaim', 'no side effects');
    assert.deepEqual(safety.range, rangeOf(document, 'no side effects'));
    assert.equal(safety.severity, vscode.DiagnosticSeverity.Error, 'safety-overclaim is an error by default');

    const efficacy = diagnosticAt(diagnostics, document, 'unqualified-efficacy', 'Ketamine cures depression');
    assert.deepEqual(efficacy.range, new vscode.Range(4, 0, 4, 25));
    assert.equal(efficacy.severity, vscode.DiagnosticSeverity.Warning, 'unqualified-efficacy is a warning by default');

    assert.equal(diagnosticAt(diagnostics, document, 'missing-citation', 'Research proves').severity, vscode.DiagnosticSeverity.Information, 'missing-citation is information by default');
    for (const d of diagnostics.filter((x) => codeOf(x) === 'absolute-language')) assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, 'absolute-language is a warning by default');
  });

  test('editing the text updates them: a fixed sentence clears, a new overclaim appears', async () => {
    const { document } = await openInEditor(DRAFT);
    await waitForFindings(document, DRAFT_FINDINGS, 'the findings of the draft');

    await replaceText(document, rangeOf(document, 'Ketamine cures depression.'), 'Ketamine eased depression for some patients in a 2013 trial (Murrough et al.).');
    await waitForFindings(document, without(DRAFT_FINDINGS, 'unqualified-efficacy: Ketamine cures depression'), 'the fixed sentence to clear');

    const end = rangeOf(document, 'Sessions take about forty minutes.').end;
    await replaceText(document, new vscode.Range(end, end), ' Ketamine is completely safe.');
    const updated = await waitForFindings(
      document,
      [...without(DRAFT_FINDINGS, 'unqualified-efficacy: Ketamine cures depression'), 'safety-overclaim: completely safe'],
      'the new overclaim to be flagged',
    );
    assert.deepEqual(diagnosticAt(updated, document, 'safety-overclaim', 'completely safe').range, rangeOf(document, 'completely safe'));
    // Earlier findings keep their place.
    assert.deepEqual(diagnosticAt(updated, document, 'hype', 'magic bullet').range, rangeOf(document, 'magic bullet'));
  });

  test('the hover on a flagged span shows the card: rule, why, claim analysis, rewording, link', async () => {
    const { document } = await openInEditor(DRAFT);
    await waitForFindings(document, DRAFT_FINDINGS, 'the findings of the draft');
    const span = rangeOf(document, 'magic bullet');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, span.start.translate(0, 3));
    const cards = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).filter((v) => v.includes('**Hype**'));
    assert.equal(cards.length, 1, `one Health Claims card among ${hovers.length} hovers`);
    const card = cards[0]!;
    assert.ok(card.indexOf('Suggested rewording') >= 0 && card.indexOf('Suggested rewording') < card.indexOf('How the sentence reads'), 'the rewording leads the card');
    assert.match(card, /Claim strength:\*\* no causal claim/);
    assert.match(card, /Citation:\*\* none found/);
    assert.match(card, /Ketamine is a \*\*treatment option\*\* for depression/);
    assert.match(card, /\[Learn more about hype\]\(https:\/\/[^)]+hype\.md\)/);

    const plain = rangeOf(document, 'Sessions take');
    const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, plain.start);
    assert.ok(!none.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('Claim strength'))), 'no card off a flagged span');
  });

  test('the hover on a treatment name shows the evidence card: finding, sources with a DOI link, regulatory status', async () => {
    const { document } = await openInEditor(DRAFT);
    await waitForFindings(document, DRAFT_FINDINGS, 'the findings of the draft');
    const name = rangeOf(document, 'Ketamine');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, name.start.translate(0, 2));
    const card = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).find((v) => v.includes('**Evidence:'));
    assert.ok(card, `an evidence card among ${hovers.length} hovers`);
    assert.match(card, /\*\*What the evidence shows\*\* \([a-z-]+, (?:high|moderate|low|very low) certainty[^)]*\)/);
    assert.match(card, /\*\*Sources\*\*/);
    assert.match(card, /\]\(https:\/\/doi\.org\/10\.[^)]+\)/);
    assert.match(card, /\*\*Regulatory status\*\*/);
  });
});
