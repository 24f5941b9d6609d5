import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CONSOLE_DIR } from '../../apps/api/src/serve-console.js';
import { useTestContext } from '../support/test-context.js';

/** The console's budget on first load, gzipped (issue 18: a school laptop on a slow network). */
const JS_BUDGET_GZIP_BYTES = 300 * 1024;

/**
 * The classroom console as the api serves it: its files at `/`, nothing else of its folder, no
 * asset from anywhere but the api, and a bundle within budget. (Its screens are tested in Chromium.)
 */
describe('the classroom console, served by the api', () => {
  const ctx = useTestContext();
  const get = (path: string) => ctx.api.app.inject({ method: 'GET', url: path });

  it('serves its page at / and its assets under /assets, with their types', async () => {
    const page = await get('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<script type="module" src="/assets/console.js"></script>');
    const script = await get('/assets/console.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect((await get('/assets/console.css')).headers['content-type']).toMatch(/^text\/css/);
  });

  it('names nothing elsewhere to load: the page and its styles take every asset from the api, so a class works offline', async () => {
    // The script's strings hold addresses that are only text (a library's error message naming its
    // docs); what the script really loads is watched in Chromium (test/browser: any request leaving
    // the api fails those tests).
    for (const path of ['/', '/assets/console.css']) {
      // XML namespace names are identifiers, not requests.
      const urls = ((await get(path)).body.match(/\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"')]*/gi) ?? []).filter((url) => !url.includes('www.w3.org/'));
      expect({ path, urls }).toEqual({ path, urls: [] });
    }
  });

  it('serves nothing else of its folder, and other paths keep the api’s JSON 404', async () => {
    for (const path of ['/build.json', '/assets/nope.js', '/nope']) {
      const response = await get(path);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ statusCode: 404 });
    }
    expect((await get('/api/policy')).statusCode).toBe(200);
  });

  it('keeps its JavaScript within the budget of 300 kB gzipped on first load', () => {
    const { assets } = JSON.parse(readFileSync(join(CONSOLE_DIR, 'build.json'), 'utf8')) as { assets: Record<string, { gzipBytes: number }> };
    const js = Object.entries(assets).filter(([path]) => path.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    expect(js.reduce((sum, [, size]) => sum + size.gzipBytes, 0)).toBeLessThan(JS_BUDGET_GZIP_BYTES);
  });
});
