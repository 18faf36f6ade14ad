// The UI-level test: what a person sees in the workbench with the installed
// extension (no test payload). Opens a draft, waits for the squiggles, opens the
// Problems panel, hovers a squiggle and reads the card, applies the preferred
// quick fix with Ctrl+. and Enter, then breaks the project's .health-claims.json.
// A screenshot after each step.

import * as fs from 'node:fs';
import * as path from 'node:path';

const STEP_TIMEOUT_MS = 30_000;

/** Visible text with the editor's non-breaking spaces made plain. */
async function textOf(locator) {
  return (await locator.innerText()).replace(/\u00a0/g, ' ');
}

function expectIncludes(text, wanted, where) {
  for (const w of wanted) {
    if (!text.includes(w)) throw new Error(`${where} should include "${w}", but reads:\n${text}`);
  }
}

/** Waits for running CSS animations (the hover and menus fade in) to end, so screenshots are crisp. */
function settled(page) {
  return page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

export async function runUiTest(context, server, workspace, resultsDir) {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const shot = (name) => page.screenshot({ path: path.join(resultsDir, name) });
  try {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.md' }).waitFor();

    // 1. Open the draft through Quick Open and wait for the squiggles.
    await page.keyboard.press('Control+P');
    const quickInput = page.locator('.quick-input-widget input.input');
    await quickInput.waitFor();
    await quickInput.fill('draft.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'draft.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines', { hasText: 'magic bullet' }).waitFor();
    await editor.locator('.squiggly-warning').first().waitFor();
    await editor.locator('.squiggly-error').first().waitFor();
    await shot('01-squiggles.png');

    // 2. Hover the first squiggle ("magic bullet", line 3) and read the card (Problems closed: more room for it).
    const squiggle = editor.locator('.squiggly-warning').first();
    const box = await squiggle.boundingBox();
    if (!box) throw new Error('the first warning squiggle has no size on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:visible', { hasText: 'Claim strength' });
    await hover.waitFor();
    const card = await textOf(hover);
    expectIncludes(card, ['Hype', 'magic bullet', 'sells the treatment', 'Claim strength', 'treatment option', 'Learn more about hype'], 'The hover card');
    await settled(page);
    await shot('02-hover-card.png');
    // The hover is at most about 250 px high: scroll it to show the rewording and the rule link too.
    const hoverBox = await hover.boundingBox();
    await page.mouse.move(hoverBox.x + hoverBox.width / 2, hoverBox.y + hoverBox.height / 2);
    const linkInView = () =>
      page.evaluate(() => {
        const box = document.querySelector('.monaco-hover:not(.hidden)')?.getBoundingClientRect();
        const link = [...document.querySelectorAll('.monaco-hover a')].find((a) => a.textContent.includes('Learn more'))?.getBoundingClientRect();
        return !!box && !!link && link.bottom <= box.bottom && link.top >= box.top;
      });
    // One wheel step scrolls a few lines; scroll step by step (each after a painted frame) until the link shows.
    for (let step = 0; !(await linkInView()); step++) {
      if (step === 40) throw new Error('scrolling the hover card never brought "Learn more about hype" into view');
      await page.mouse.wheel(0, 120);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    await settled(page);
    await shot('02b-hover-card-scrolled.png');

    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
    await hover.waitFor({ state: 'hidden' });

    // 3. The Problems panel lists the findings with their rule codes.
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'magic bullet' }).first().waitFor();
    const problems = await textOf(page.locator('.markers-panel'));
    expectIncludes(problems, ['draft.md', 'health-claims', 'hype', 'safety-overclaim', 'unqualified-efficacy', 'no side effects'], 'The Problems panel');
    await shot('03-problems.png');

    // 4. Ctrl+. on the squiggle, then Enter: the preferred rewording, listed first.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.press('Escape'); // close the hover, keep the cursor in "magic bullet"
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget:visible');
    await menu.waitFor();
    const menuText = await textOf(menu);
    expectIncludes(menuText, ['Replace "magic bullet" with "treatment option"', 'Disable health-claims hype for this line'], 'The quick fix menu');
    await settled(page);
    await shot('04-quick-fix-menu.png');
    await page.keyboard.press('Enter');
    await editor.locator('.view-lines', { hasText: 'Ketamine is a treatment option for depression.' }).waitFor();
    // The hype finding leaves the Problems panel; the others stay.
    await rows.filter({ hasText: 'sells the treatment' }).waitFor({ state: 'detached' });
    await rows.filter({ hasText: 'no side effects' }).first().waitFor();
    await shot('05-after-quick-fix.png');

    // 6. A broken .health-claims.json: a warning names the file and line, the Problems panel shows
    //    the JSON error, and the draft is still checked (with the defaults).
    fs.writeFileSync(path.join(workspace, '.health-claims.json'), '{\n  "rules": {\n    "hype": "off"\n    "absolute-language": "error"\n  }\n}\n');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: '.health-claims.json' });
    await toast.waitFor();
    expectIncludes(await textOf(toast), ['line 4'], 'The warning about the broken .health-claims.json');
    await rows.filter({ hasText: 'not valid JSON' }).first().waitFor();
    await rows.filter({ hasText: 'no side effects' }).first().waitFor();
    await settled(page);
    await shot('06-broken-config.png');
  } catch (error) {
    await shot('ui-failure.png').catch(() => undefined);
    throw error;
  } finally {
    await page.close().catch(() => undefined);
  }
}
