// The dashboard in a real browser: Debian's Chromium driven by playwright-core against a real
// server. Library upload (a refusal, then a good definition), a protocol that uses it with a module
// and two pipettes drawn on the deck, a run started, paused, its connection dropped and caught up,
// resumed and followed to the end. Screenshots go to test/artifacts/ (git-ignored).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/index.ts';
import { repoRoot } from '../helpers/paths.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(repoRoot, 'test/artifacts');
const FIXTURES = path.join(repoRoot, 'test/fixtures');
const RACK_URI = 'ourlab/ourlab_6_tuberack_50ml/1';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

/** Waits for `check` in the page, failing with what it waited for and what the page showed last. */
async function until(page: Page, what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      const shown = await page.locator('#detail').innerText().catch(() => '(no detail)');
      assert.fail(`timed out waiting for ${what}; the view showed:\n${shown.slice(0, 1500)}`);
    }
    await page.waitForTimeout(100);
  }
}

test('the dashboard: library, deck map and a live run in Chromium', { timeout: 300_000 }, async (t) => {
  assert.ok(existsSync(CHROMIUM), `the dashboard test needs Chromium at ${CHROMIUM} (Debian: apt-get install chromium)`);
  await mkdir(ARTIFACTS, { recursive: true });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'labwright-browser-'));
  const profile = await mkdtemp(path.join(tmpdir(), 'labwright-chromium-'));
  const app = await buildApp({ logger: false, speed: 20, dataDir, pythonPoolSize: 1 });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  let context: BrowserContext | null = null;
  t.after(async () => {
    await context?.close();
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  });

  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 1000 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  // Failed requests are checked by URL below (the refused upload is meant to fail).
  page.on('console', (msg) => { if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) pageErrors.push(msg.text()); });
  const failedRequests: string[] = [];
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (res.status() >= 400 && url.pathname !== '/favicon.ico') failedRequests.push(`${res.request().method()} ${url.pathname} ${res.status()}`);
  });

  // The library page: a refused definition shows the server's refusal; a good one is listed.
  await page.goto(`${base}/dashboard#library`);
  await page.waitForSelector('body[data-ready="true"]');
  const bad = path.join(dataDir, 'standard_override.json');
  const good = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(path.join(FIXTURES, 'labware/ourlab_6_tuberack_50ml.json'), 'utf8'))) as Record<string, unknown>;
  await writeFile(bad, JSON.stringify({ ...good, namespace: 'opentrons' }));
  await page.setInputFiles('#labware-files', bad);
  await page.waitForSelector('.refusal li');
  const refusal = await page.locator('.refusal').innerText();
  assert.match(refusal, /Refused — nothing was added \(HTTP 422\)/);
  assert.match(refusal, /\/labwareFile\/0\/namespace/);
  await shot(page, 'library-refusal.png');
  await page.setInputFiles('#labware-files', path.join(FIXTURES, 'labware/ourlab_6_tuberack_50ml.json'));
  await page.waitForSelector(`tr[data-uri="${RACK_URI}"]`);
  await shot(page, 'library.png');

  // Upload the protocol that uses it: the deck shows its labware, module and pipettes.
  await page.click('nav a[href="#"]');
  await page.setInputFiles('input[name="protocolFile"]', path.join(FIXTURES, 'protocols/cold_block_dilution.py'));
  await page.click('#upload button[type="submit"]');
  await page.waitForURL(/#protocol=cold_block_dilution$/, { timeout: 120_000 });
  await page.waitForSelector('svg.deck g.labware');
  const deck = page.locator('svg.deck');
  assert.equal(await deck.locator(`g.labware[data-uri="${RACK_URI}"]`).count(), 1, 'the library rack is on the deck');
  assert.equal(await deck.locator(`g.labware[data-uri="${RACK_URI}"]`).getAttribute('data-slot'), '2');
  assert.equal(await deck.locator(`g.labware[data-uri="${RACK_URI}"] [data-well]`).count(), 6, 'its six tubes are drawn');
  assert.equal(await deck.locator('g.labware[data-uri="opentrons/opentrons_96_tiprack_300ul/1"] [data-well]').count(), 96);
  assert.equal(await deck.locator('g.labware[data-uri="opentrons/opentrons_1_trash_1100ml_fixed/1"]').getAttribute('data-slot'), '12');
  assert.equal(await deck.locator('rect.module[data-model="temperatureModuleV2"]').count(), 1);
  assert.equal(await deck.locator('g.labware[data-uri="opentrons/opentrons_24_aluminumblock_nest_1.5ml_snapcap/1"]').getAttribute('data-slot'), '3');
  assert.match(await deck.locator('[data-mount="left"]').textContent() ?? '', /left mount: p20_single_gen2/);
  assert.match(await deck.locator('[data-mount="right"]').textContent() ?? '', /right mount: p300_single_gen2/);
  assert.ok(await deck.getByText('Our Lab 6 Tube Rack 50 mL').count() > 0, 'labware carry their display names');
  assert.ok((await deck.locator('[data-well][fill="#5b8def"]').count()) >= 2, 'source wells are coloured');

  // Keyboard: a labware takes focus and Enter shows its wells; a well shows its volume history.
  await deck.locator(`g.labware[data-uri="${RACK_URI}"]`).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.well-buttons button');
  await page.locator('.well-buttons button', { hasText: 'A1' }).click();
  await page.waitForSelector('table.history tbody tr');
  assert.match(await page.locator('.well-panel').innerText(), /A1 of Our Lab 6 Tube Rack 50 mL \(slot 2\)/);
  assert.ok((await page.locator('table.history tbody tr').count()) >= 10, 'every aspirate from the buffer tube is listed');
  // A plate well: 150 µL of buffer, the sample, then two mixes, with the volume after each step.
  await deck.locator('g.labware[data-uri="opentrons/corning_96_wellplate_360ul_flat/1"] [data-well="A2"]').click();
  await page.waitForSelector('.well-panel h3:has-text("A2 of Corning 96 Well Plate 360 µL Flat (slot 5)")');
  const a2 = await page.locator('table.history tbody tr').allInnerTexts();
  assert.equal(a2.length, 6);
  assert.match(a2[0], /\+150\s+150$/);
  assert.match(a2[5], /\+15\s+162$/);
  await shot(page, 'deck.png');

  // A run, followed live.
  await page.getByRole('button', { name: 'New run' }).click();
  await page.waitForURL(/#session=/);
  const start = page.getByRole('button', { name: 'Start the run' });
  await until(page, 'the session to be loaded', () => start.isEnabled());
  await start.click();
  const state = page.locator('.run-head .state');
  await until(page, 'the run to get past the temperature wait (43% of the modeled time)', async () => (await state.innerText()) === 'running' && Number(await page.locator('#run-progress').getAttribute('value')) > 550);
  await page.getByRole('button', { name: 'Pause the run' }).click();
  await until(page, 'the paused state', async () => (await state.innerText()) === 'paused');
  assert.match(await page.locator('ol.runlog li.current').innerText(), /line \d+/, 'the current command shows its source line');
  assert.match(await page.locator('.timing').innerText(), /elapsed · .* remaining \(modeled\)/);
  const usedWhilePaused = await page.locator('svg.deck [data-well].used').count();
  assert.ok(usedWhilePaused > 0, 'used tips are shown on the deck');
  await page.waitForTimeout(300);
  await shot(page, 'run-in-progress.png');

  // Lose the connection while paused; after the reconnect the page catches up with since=.
  // (Expressions as text: the test is compiled without the DOM's types.)
  const seqBefore = (await page.evaluate('window.__labwright.run.lastSeq')) as number;
  await page.evaluate('window.__labwright.run.drop()');
  await page.getByRole('button', { name: 'Resume the run' }).click();
  await until(page, 'the resumed run', async () => ['running', 'finished'].includes(await state.innerText()));
  await until(page, 'the run to finish', async () => (await state.innerText()) === 'finished', 120_000);
  const seqAfter = (await page.evaluate('window.__labwright.run.lastSeq')) as number;
  assert.ok(seqAfter > seqBefore, `notices kept coming after the reconnect (${seqBefore} → ${seqAfter})`);
  assert.equal(await page.locator('#run-progress').getAttribute('value'), '1000');
  assert.equal(await page.locator('p.current').innerText(), 'Run finished.');
  assert.match(await page.locator('.connection').innerText(), /live/);
  const tips = await page.locator('.run-body .muted').first().innerText();
  assert.match(tips, /^(\d+) tips used$/);
  assert.equal(Number(/^(\d+)/.exec(tips)?.[1]), 8, 'one 300 µL tip per transfer (2), one 20 µL tip per sample (6)');
  await shot(page, 'run-finished.png');

  // A tablet: the page reflows without sideways scrolling.
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.waitForTimeout(200);
  assert.ok(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1'), 'no horizontal scroll at tablet width');
  await shot(page, 'run-tablet.png');

  assert.deepEqual(pageErrors, [], 'no script errors in the page');
  assert.deepEqual(failedRequests, ['POST /labware 422'], 'only the refused definition failed');
});
