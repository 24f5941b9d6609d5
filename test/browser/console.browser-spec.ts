import { describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { TEST_ADMIN_PASSWORD, TEST_SANDBOX_KEY } from '../support/test-config.js';
import { checkAccessibility } from './support/accessibility.js';
import { recordFigure, saveScreenshot } from './support/artifacts.js';
import { useConsoleHarness } from './support/console-harness.js';
import { expectNoProblems } from './support/page-problems.js';
import { measurePaint } from './support/paint.js';

// Live updates travel api → outbox → worker → socket: seconds on a busy two-core machine.
const LIVE = { timeout: 20_000 };

const PROFILES = ['ring-2019', 'ring-2021', 'privacy-by-design', 'ring-2025'];

const pane = (page: Page, side: 'Left' | 'Right'): Locator => page.locator('section.pane').nth(side === 'Left' ? 0 : 1);

async function lookAs(page: Page, side: 'Left' | 'Right', name: string): Promise<Locator> {
  const where = pane(page, side);
  await where.getByRole('navigation').getByRole('button', { name }).click();
  return where;
}

async function sendRequest(officer: Locator, radiusMeters: number): Promise<void> {
  await officer.getByLabel('Radius in metres').fill(String(radiusMeters));
  await officer.getByLabel('Radius in metres').press('Tab');
  await officer.getByRole('button', { name: 'Send request' }).click();
}

// One file, so one api, worker and browser start for every screen (each start compiles both apps).
describe('the classroom console in Chromium, against the real api and worker', () => {
  const harness = useConsoleHarness();

  it('opened without the sandbox key, shows every shipped policy side by side, marks where they differ and names the active one', async () => {
    const page = await harness.open('/');
    const table = page.getByRole('region', { name: 'The policies side by side' }).getByRole('table');
    await table.waitFor();

    const headers = (await table.getByRole('columnheader').allTextContents()).slice(1);
    expect(headers.map((header) => header.replace(' (active)', ''))).toEqual(PROFILES);
    const { profile: active } = (await (await fetch(`${harness.api.url}/api/policy`)).json()) as { profile: string };
    expect(headers.filter((header) => header.endsWith(' (active)'))).toEqual([`${active} (active)`]);

    // A row is marked exactly when its profiles' values disagree, and the policies do disagree.
    const rows = await Promise.all(
      (await table.locator('tbody tr').all()).map(async (row) => ({
        marked: ((await row.getAttribute('class')) ?? '').split(' ').includes('differs'),
        values: await row.getByRole('cell').allTextContents(),
      })),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toEqual({ ...row, marked: new Set(row.values).size > 1 });
    expect(rows.some((row) => row.marked)).toBe(true);

    expectNoProblems(page);
    await checkAccessibility(page, 'policies');
    await saveScreenshot(page, 'policies');
    recordFigure('policies-first-paint-ms', await measurePaint(page));
  });


  it('draws the officer’s map, coverage included, from a bookmarked URL (the time it takes is a README figure)', async () => {
    const url = `/#sandbox=${TEST_SANDBOX_KEY}&left=officer%40north.porchlight.local`;
    // The first opening loads the demo town into the empty sandbox; a class opens it again later.
    await pane(await harness.open(url), 'Left').locator('figure.town-map[aria-busy="false"]').waitFor();
    const page = await harness.open(url);
    const officer = pane(page, 'Left');
    await officer.locator('figure.town-map[aria-busy="false"]').waitFor();
    recordFigure('officer-map-ready-ms', Math.round(await page.evaluate(() => performance.now())));
    const map = officer.getByRole('img', { name: /^Map of Porchlight Falls/ });
    // The town fills the map (a projection fitted to the world would draw it as a dot), and each
    // precinct is its own outline inside it, not the rest of the globe.
    const map_ = (await map.boundingBox())!;
    const streets = (await map.locator('path.streets').boundingBox())!;
    expect(streets.width).toBeGreaterThan(map_.width * 0.6);
    const precincts = await Promise.all((await map.locator('path.jurisdiction').all()).map(async (path) => (await path.boundingBox())!));
    expect(precincts.filter((box) => box.width < map_.width * 1.1 && box.height < map_.height * 0.7)).toHaveLength(2);
    // ring-2019's k is 1: every cell with a camera is drawn, each well inside the map (not the globe).
    const cells = map.locator('path.coverage-cell');
    expect(await cells.count()).toBeGreaterThan(10);
    const box = (await cells.first().boundingBox())!;
    expect(box.width).toBeLessThan(100);
    await checkAccessibility(page, 'officer map');
    await saveScreenshot(page, 'officer-map');
    expectNoProblems(page);
  });

  it('officer asks, resident shares live with a verified receipt, the policy decides who police see, withdrawal and the clock act in front of the class', async () => {
    const page = await harness.open(`/#sandbox=${TEST_SANDBOX_KEY}`);
    // The key leaves the address bar (a projector shows it) but stays for the tab.
    await page.getByRole('button', { name: 'Start lesson' }).waitFor();
    expect(page.url()).not.toContain(TEST_SANDBOX_KEY);

    await page.getByLabel('Lesson').selectOption({ label: 'Who sees my name?' });
    await page.getByRole('button', { name: 'Start lesson' }).click();
    await page.getByRole('heading', { name: 'Who sees my name?' }).waitFor();
    const officer = pane(page, 'Left');
    const resident = pane(page, 'Right');
    await officer.locator('figure.town-map[aria-busy="false"]').waitFor();
    await resident.getByRole('heading', { name: 'Alice Alvarez' }).waitFor();
    await checkAccessibility(page, 'lesson officer and resident');
    await saveScreenshot(page, 'lesson-start');

    // A rule of the policy refuses, inline and by name.
    await sendRequest(officer, 1500);
    await expect(officer.getByRole('alert').textContent()).resolves.toContain('POLICY_AREA_TOO_LARGE');

    await sendRequest(officer, 250);
    await officer.getByRole('status').filter({ hasText: 'owner(s) notified' }).waitFor();

    // The notification reaches Alice live: nobody reloads her pane.
    const asked = resident.getByRole('article').filter({ hasText: 'asks for footage' });
    await asked.waitFor(LIVE);
    await expect(resident.locator('.inbox li').first().textContent()).resolves.toBeTruthy();
    await expect(asked.locator('.seen-as').textContent()).resolves.toMatch(/Neighbor #\d+, a pseudonym/);
    const clips = asked.getByRole('checkbox');
    expect(await clips.count()).toBeGreaterThanOrEqual(2);
    await clips.first().uncheck();
    const sharing = await clips.count();
    await asked.getByRole('button', { name: `Share selected (${sharing - 1})` }).click();

    const receipt = resident.getByRole('region', { name: 'Consent receipt' });
    await receipt.waitFor(LIVE);
    await receipt.getByRole('button', { name: 'Verify receipt' }).click();
    await expect(receipt.getByRole('status').textContent()).resolves.toContain('✓ Verified');
    await saveScreenshot(page, 'lesson-receipt');

    // The officer's counts move live, and the footage names no one under ring-2019.
    const firstRequest = officer.getByRole('article').first();
    await firstRequest.locator('td[data-count="Shared"]', { hasText: '1' }).waitFor(LIVE);
    await firstRequest.getByRole('button', { name: 'Footage' }).click();
    const seen = firstRequest.locator('.owner-seen-as');
    await seen.first().waitFor();
    await expect(seen.first().textContent()).resolves.toMatch(/^Neighbor #\d+$/);
    await expect(firstRequest.locator('.footage li li').count()).resolves.toBe(sharing - 1);

    // Step 2: ring-2021. A new request; Alice shares everything; police see who she is.
    await page.getByRole('button', { name: /Go to step 2/ }).click();
    await page.locator('.lesson li[aria-current="step"]', { hasText: 'ring-2021' }).waitFor();
    await sendRequest(officer, 250);
    const second = resident.getByRole('article').filter({ hasText: 'asks for footage' }).filter({ has: page.getByRole('button', { name: 'Share all' }) });
    await second.waitFor(LIVE);
    await expect(second.locator('.seen-as').textContent()).resolves.toContain('your name, email and where your camera is');
    await second.getByRole('button', { name: 'Share all' }).click();
    const newest = officer.getByRole('article').first();
    await newest.locator('td[data-count="Shared"]', { hasText: '1' }).waitFor(LIVE);
    await newest.getByRole('button', { name: 'Footage' }).click();
    await newest.locator('.owner-seen-as', { hasText: 'Alice Alvarez <alice@porchlight.local>' }).waitFor();
    await checkAccessibility(page, 'officer footage with identity');
    await saveScreenshot(page, 'lesson-identity');

    // Withdrawal cuts the officer's view at once (live, through request.updated).
    const withdrawable = resident.getByRole('region', { name: 'Consent receipt' }).filter({ has: page.getByRole('button', { name: 'Withdraw consent' }) });
    await withdrawable.first().getByRole('button', { name: 'Withdraw consent' }).click();
    await newest.locator('.footage-empty').waitFor(LIVE);
    await expect(newest.locator('.owner-seen-as').count()).resolves.toBe(0);

    // The admin verifies the audit chain the lesson wrote.
    const admin = await lookAs(page, 'Right', 'Administrator');
    // The screen's tables load above the button: click once they are in place.
    await admin.getByRole('table', { name: 'Latest audit events, newest first' }).locator('tbody tr').first().waitFor();
    await admin.getByRole('table', { name: 'Rules of every shipped policy profile' }).waitFor();
    await admin.getByRole('button', { name: 'Verify chain' }).click();
    await expect(admin.getByRole('status').textContent()).resolves.toMatch(/✓ Chain verified: \d+ events/);
    await checkAccessibility(page, 'officer and admin');
    await saveScreenshot(page, 'lesson-admin');

    // A week later the requests have expired, in front of the class.
    await page.getByRole('button', { name: '+7 days' }).click();
    await officer.locator('.status-expired').first().waitFor(LIVE);
    await saveScreenshot(page, 'lesson-expired');

    expectNoProblems(page, [/status of 422/]);
  });

  it('shows the emergency loophole: the platform alone under ring-2019, a moderator under privacy-by-design', async () => {
    const page = await harness.open(`/#sandbox=${TEST_SANDBOX_KEY}`);
    await page.getByLabel('Lesson').selectOption({ label: 'The emergency loophole' });
    await page.getByRole('button', { name: 'Start lesson' }).click();
    await page.getByRole('heading', { name: 'The emergency loophole' }).waitFor();
    const officer = pane(page, 'Left');
    const moderator = pane(page, 'Right');
    await moderator.getByRole('heading', { name: 'Morgan Moderator' }).waitFor();
    await officer.locator('figure.town-map[aria-busy="false"]').waitFor();

    await sendRequest(officer, 250);
    const first = officer.getByRole('article').first();
    await first.getByRole('button', { name: 'Emergency override' }).click();
    await expect(first.getByRole('status').textContent()).resolves.toContain('approved by the platform alone');
    await first.getByRole('button', { name: 'Footage' }).click();
    await first.locator('.footage li li', { hasText: 'opened by an emergency override, without consent' }).first().waitFor();

    await page.getByRole('button', { name: /Go to step 2/ }).click();
    await page.locator('.lesson li[aria-current="step"]', { hasText: 'privacy-by-design' }).waitFor();
    await sendRequest(officer, 250);
    await officer.getByRole('status').filter({ hasText: 'owner(s) notified' }).waitFor();
    const second = officer.getByRole('article').first();
    await expect(second.textContent()).resolves.toContain('made under privacy-by-design');
    await second.getByRole('button', { name: 'Emergency override' }).click();
    await expect(second.getByRole('status').textContent()).resolves.toContain('waiting for a moderator');
    await second.getByRole('button', { name: 'Footage' }).click();
    await second.locator('.footage-empty').waitFor();

    await moderator.getByRole('button', { name: 'Refresh' }).click();
    const waiting = moderator.getByRole('listitem').filter({ hasText: 'emergency override for case' });
    await waiting.waitFor();
    await checkAccessibility(page, 'officer and moderator');
    await saveScreenshot(page, 'lesson-moderator');
    await waiting.getByRole('button', { name: 'Approve' }).click();
    await moderator.getByText('None waiting.').first().waitFor();
    // The approval opens the footage to the officer.
    await officer.getByRole('article').first().locator('.footage li li', { hasText: 'opened by an emergency override' }).first().waitFor(LIVE);
    expectNoProblems(page);
  });

  it('publishes a post that describes a person by race alone under ring-2019, and holds it for the moderator under privacy-by-design', async () => {
    const page = await harness.open(`/#sandbox=${TEST_SANDBOX_KEY}`);
    await page.getByLabel('Lesson').selectOption({ label: "Bias in neighbours' posts" });
    await page.getByRole('button', { name: 'Start lesson' }).click();
    await page.getByRole('heading', { name: "Bias in neighbours' posts" }).waitFor();
    const resident = pane(page, 'Left');
    const moderator = pane(page, 'Right');
    const postForm = resident.getByRole('form', { name: "Post to the neighbours' feed" });
    await postForm.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(postForm.getByRole('status').textContent()).resolves.toBe('Your post is published.');
    // Invariant 7, on screen: the feed places the post at its cell.
    await resident.getByRole('list', { name: 'Latest posts near your home' }).getByText(/shown at H3 cell [0-9a-f]{15}, not an address/).first().waitFor();

    await page.getByRole('button', { name: /Go to step 2/ }).click();
    await page.locator('.lesson li[aria-current="step"]', { hasText: 'privacy-by-design' }).waitFor();
    await postForm.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(postForm.getByRole('status').textContent()).resolves.toContain('held for a moderator');

    const held = moderator.getByRole('region', { name: 'Feed posts held or reported' }).getByRole('listitem');
    await held.first().waitFor();
    await expect(held.count()).resolves.toBe(1);
    await checkAccessibility(page, 'resident feed and moderator');
    await saveScreenshot(page, 'lesson-feed');
    await held.getByRole('button', { name: 'Remove' }).click();
    await moderator.getByRole('region', { name: 'Feed posts held or reported' }).getByText('None waiting.').waitFor();
    expectNoProblems(page);
  });

  it('purges clips older than the owner chose to keep once the sandbox clock passes them', async () => {
    const page = await harness.open(`/#sandbox=${TEST_SANDBOX_KEY}&left=alice%40porchlight.local`);
    const resident = pane(page, 'Left');
    const clips = resident.getByTestId('clip-count');
    await clips.waitFor();
    expect(Number(await clips.textContent())).toBeGreaterThan(0);
    await resident.getByLabel('Keep my clips for (days)').fill('1');
    await resident.getByLabel('Keep my clips for (days)').press('Tab');
    await resident.getByRole('form', { name: 'Privacy settings' }).getByRole('status').waitFor();
    await page.getByRole('button', { name: '+1 day' }).click();
    await resident.getByTestId('clip-count').filter({ hasText: /^0$/ }).waitFor(LIVE);
    expectNoProblems(page);
  });

  it('signs in with a password where there is no sandbox key, and says why when it cannot', async () => {
    const page = await harness.open('/');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill(harness.config.auth.adminEmail);
    await form.getByLabel('Password').fill('not-the-password');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toMatch(/^Not signed in: .+ [A-Z_]+$/);
    await form.getByLabel('Password').fill(TEST_ADMIN_PASSWORD);
    await form.getByRole('button', { name: 'Sign in' }).click();
    const admin = pane(page, 'Left');
    await admin.getByRole('button', { name: 'Verify chain' }).waitFor();
    await expect(page.getByRole('button', { name: 'Start lesson' }).count()).resolves.toBe(0);
    await checkAccessibility(page, 'signed in without the sandbox');
    expectNoProblems(page, [/status of 401/]);
  });

  it('compares the policies over a lesson’s whole town from the page: progress while the worker runs it, then the table and charts, kept for the next visit', async () => {
    const url = `/#sandbox=${TEST_SANDBOX_KEY}`;
    const page = await harness.open(url);
    await page.getByRole('button', { name: 'Compare policies' }).click();
    const compare = page.getByRole('region', { name: 'Compare the policies over a whole town' });
    await compare.getByLabel('Scenario').selectOption({ label: 'Who sees my name?' });
    await compare.getByRole('button', { name: 'Run the comparison' }).click();

    // Each policy's run has its progress bar while the worker runs them.
    await compare.getByRole('progressbar').first().waitFor();
    for (const policy of PROFILES) await expect(compare.getByRole('progressbar', { name: new RegExp(policy) }).count()).resolves.toBe(1);
    const table = compare.getByRole('table', { name: 'The same town and incidents under each policy' });
    await table.waitFor({ timeout: 120_000 });
    expect((await table.getByRole('columnheader').allTextContents()).slice(1)).toEqual(PROFILES);
    // The lesson in numbers: a pseudonym under privacy-by-design, names under ring-2021.
    const identities = await table.getByRole('row', { name: /identities disclosed/ }).getByRole('cell').allTextContents();
    expect(identities[PROFILES.indexOf('privacy-by-design')]).toBe('0');
    expect(Number(identities[PROFILES.indexOf('ring-2021')])).toBeGreaterThan(0);
    await expect(compare.getByRole('img', { name: 'Consent funnels' }).locator('svg').count()).resolves.toBe(1);
    await expect(compare.getByRole('img', { name: 'Privacy cost vs investigative value' }).locator('svg').count()).resolves.toBe(1);
    expect(await compare.getByRole('progressbar').count()).toBe(0);
    expectNoProblems(page);
    await checkAccessibility(page, 'compare');
    await saveScreenshot(page, 'compare');

    // A second visit, from a lesson's own button: the kept result, with no run to wait for.
    const again = await harness.open(url);
    await again.getByRole('button', { name: 'Start lesson' }).click();
    await again.getByRole('button', { name: 'Compare the policies on this town' }).click();
    const second = again.getByRole('region', { name: 'Compare the policies over a whole town' });
    await second.getByLabel('Scenario').selectOption({ label: 'Who sees my name?' });
    const answered = again.waitForResponse((response) => response.url().endsWith('/api/sandbox/comparisons'));
    await second.getByRole('button', { name: 'Run the comparison' }).click();
    expect((await answered).status()).toBe(200);
    await second.getByRole('table', { name: 'The same town and incidents under each policy' }).waitFor({ timeout: 5_000 });
    expectNoProblems(again);
  }, 180_000);

  it('runs a lesson in the simulator’s own town: its streets and its cameras, with Alice and the officer at its centre', async () => {
    const page = await harness.open(`/#sandbox=${TEST_SANDBOX_KEY}`);
    await page.getByLabel('Lesson').selectOption({ label: 'Who sees my name?' });
    await page.getByLabel('Town').selectOption({ label: 'The scenario’s own town (as the simulator builds it)' });
    await page.getByRole('button', { name: 'Start lesson' }).click();
    const officer = pane(page, 'Left');
    const map = officer.getByRole('img', { name: /^Map of Who sees my name\?/ });
    await officer.locator('figure.town-map[aria-busy="false"]').waitFor({ timeout: 60_000 });
    // The scenario's 2 km town, covered with cameras from day 0 (about 500 porches): cells all over it.
    expect(await map.locator('path.coverage-cell').count()).toBeGreaterThan(20);
    await sendRequest(officer, 250);
    await officer.getByRole('status').filter({ hasText: 'owner(s) notified' }).waitFor();
    // Alice lives at this town's centre too: her notification arrives live.
    await pane(page, 'Right').getByRole('article').filter({ hasText: 'asks for footage' }).waitFor(LIVE);
    expectNoProblems(page);
    await checkAccessibility(page, 'scenario-town');
    await saveScreenshot(page, 'scenario-town');
  });

  it('runs Swagger UI and the queue board under the api’s Content-Security-Policy, asking nothing of other sites', async () => {
    const docs = await harness.open('/docs');
    await docs.locator('.opblock').first().waitFor();
    expect(await docs.locator('.opblock').count()).toBeGreaterThan(20);
    expectNoProblems(docs);

    const login = await fetch(`${harness.api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: harness.config.auth.adminEmail, password: TEST_ADMIN_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const board = await harness.open(`/admin/queues?token=${accessToken}`);
    await board.getByText('comparisons').first().waitFor();
    expectNoProblems(board);
  });

  it('gives a resident no officer controls, and the contract’s error if they try by URL', async () => {
    const page = await harness.open(`/#sandbox=${TEST_SANDBOX_KEY}`);
    const resident = await lookAs(page, 'Left', 'Bob Baker');
    await resident.getByRole('heading', { name: 'Bob Baker' }).waitFor();
    await expect(resident.getByRole('button', { name: 'Send request' }).count()).resolves.toBe(0);
    await expect(resident.getByRole('img', { name: /^Map of/ }).count()).resolves.toBe(0);

    const refused = await page.evaluate(async (sandboxKey) => {
      const signIn = await fetch('/api/sandbox/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sandbox-key': sandboxKey },
        body: JSON.stringify({ email: 'bob@porchlight.local' }),
      });
      const { accessToken } = (await signIn.json()) as { accessToken: string };
      const response = await fetch('/api/portal/requests', { headers: { authorization: `Bearer ${accessToken}` } });
      return { status: response.status, body: (await response.json()) as { code?: string; statusCode: number } };
    }, TEST_SANDBOX_KEY);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ statusCode: 403, code: expect.any(String) });
    await checkAccessibility(page, 'resident');
    await saveScreenshot(page, 'resident');
    expectNoProblems(page, [/status of 403/]);
  });
});
