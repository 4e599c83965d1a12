// Shared helpers of the browser tests: the sites under test (BASE_URL), the one Chromium, pages
// that record what goes wrong while they load, and the page kinds of the portal, found in its
// own list pages.

import assert from 'node:assert/strict';
import { after, describe } from 'node:test';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from './chromium.mjs';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..', '..');

export const LANGS = ['en', 'fr', 'ur'];
export const RTL_LANGS = new Set(['ur']);
export const direction = (lang) => (RTL_LANGS.has(lang) ? 'rtl' : 'ltr');

/** Kind names in the order of the issue: every kind of page a reader meets. */
export const PAGE_KINDS = ['home', 'outputs', 'output', 'projects', 'project', 'authors', 'author', 'topics', 'topic', 'about'];

export const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const ARTIFACTS_DIR = path.resolve(process.env.ARTIFACTS_DIR || path.join(REPO, 'artifacts', 'screenshots'));

/**
 * Where the built portal is served: BASE_URL, one address or several separated by spaces (the
 * same folder served at "/" and at "/portal/"). Each ends in "/".
 */
export const BASE_URLS = (() => {
  const bases = (process.env.BASE_URL ?? '').split(/\s+/).filter(Boolean);
  if (bases.length === 0) throw new Error('BASE_URL is not set: run the tests through scripts/browser-tests.sh');
  return bases.map((base) => (base.endsWith('/') ? base : `${base}/`));
})();

const LISTS = { output: 'outputs', project: 'projects', author: 'authors', topic: 'topics' };

/** The portal served at one address. */
export class Site {
  constructor(base) {
    this.base = base;
    this.discovered = new Map();
  }

  /** The address's path, e.g. "/portal/". */
  get label() {
    return new URL(this.base).pathname;
  }

  /** The absolute URL of a path inside the site ("en/outputs/"). */
  url(relative = '') {
    return new URL(relative, this.base).href;
  }

  /** The path of a URL inside the site: "en/outputs/x/" for BASE + "en/outputs/x/". */
  path(url) {
    const u = new URL(url);
    const base = new URL(this.base);
    assert.equal(u.origin, base.origin, `${url} left the site ${this.base}`);
    assert.ok(u.pathname.startsWith(base.pathname), `${url} is outside the site's folder ${base.pathname}`);
    return u.pathname.slice(base.pathname.length);
  }

  /**
   * The pages of a language, by kind, found in the site's own list pages (read over HTTP, without
   * rendering: it costs next to nothing):
   * { kinds: { home, outputs, output, projects, project, authors, author, topics, topic, about },
   *   items: { output: [...], project: [...], author: [...], topic: [...] } }, absolute URLs; a
   * kind's URL is the first item that its list page links to.
   */
  async discover(page, lang) {
    if (!this.discovered.has(lang)) {
      const kinds = { home: this.url(`${lang}/`) };
      const items = {};
      for (const [item, list] of Object.entries(LISTS)) {
        kinds[list] = this.url(`${lang}/${list}/`);
        const response = await page.request.get(kinds[list]);
        assert.equal(response.status(), 200, `${kinds[list]} answered ${response.status()}`);
        // An item's page is one folder below its list: en/outputs/<slug>/ (not en/outputs/type/report/).
        const itemPath = new RegExp(`^${lang}/${list}/[^/]+/$`);
        const links = [...(await response.text()).matchAll(/<a\s[^>]*?href="([^"#]+)"/g)]
          .map((m) => new URL(m[1].replaceAll('&amp;', '&'), kinds[list]).href)
          .filter((url) => url.startsWith(this.base) && itemPath.test(this.path(url)));
        items[item] = [...new Set(links)];
        assert.ok(items[item].length > 0, `${kinds[list]} links to no ${item}`);
        kinds[item] = items[item][0];
      }
      kinds.about = this.url(`${lang}/about/`);
      this.discovered.set(lang, { kinds, items });
    }
    return this.discovered.get(lang);
  }
}

export const SITES = BASE_URLS.map((base) => new Site(base));

/**
 * Declares the tests of `define(site)` for each address the portal is served at, in a suite named
 * after the address when there are several.
 */
export function forEachSite(define, sites = SITES) {
  for (const site of sites) {
    if (SITES.length === 1) define(site);
    else describe(`site served at ${site.label}`, () => define(site));
  }
}

/**
 * The address for the tests whose outcome cannot depend on where the site is served (axe and
 * screenshots read the same files at every address): the last one, "/portal/" in the script.
 */
export const ONE_SITE = SITES.slice(-1);

let browserPromise;
/**
 * The Chromium shared by the whole run (BROWSER_WS_ENDPOINT, from browser-server.mjs), or one
 * launched for this test file when the variable is not set. Call it at the top of a test file.
 */
export function openBrowser() {
  if (!browserPromise) {
    const endpoint = process.env.BROWSER_WS_ENDPOINT;
    browserPromise = endpoint
      ? chromium.connect(endpoint)
      : chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    after(async () => {
      const browser = await browserPromise;
      await browser.close();
    });
  }
  return browserPromise;
}

/**
 * A page in a browser context of its own made with `options` (viewport, colorScheme,
 * javaScriptEnabled…), closed when the test file ends. A test file opens one and reuses it from
 * test to test: a new page costs a renderer process. The page records what goes wrong while it
 * loads (see visit()).
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.setDefaultNavigationTimeout(15_000);
  const problems = [];
  page.problems = problems;
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return page;
}

/** Asserts the page answered 200, is not the 404 page and loaded every resource it asked for. */
export async function assertLoaded(page, what = page.url()) {
  const { status, bodyClass } = await page.evaluate(async () => {
    await document.fonts.ready;
    return {
      status: performance.getEntriesByType('navigation')[0]?.responseStatus,
      bodyClass: document.body.className,
    };
  });
  assert.equal(status, 200, `${what} answered ${status}`);
  assert.notEqual(bodyClass, 'page-404', `${what} is the 404 page`);
  assert.deepEqual(page.problems, [], `problems while loading ${what}`);
}

/** Opens `url` and waits until it and its resources (fonts included) are loaded. */
export async function visit(page, url) {
  page.problems.length = 0;
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.ok(response, `no response for ${url}`);
  assert.equal(response.status(), 200, `${url} answered ${response.status()}`);
  await assertLoaded(page, url);
  return response;
}

/** Clicks a link as a reader would, and checks where it led. Returns the new URL. */
export async function follow(page, link, description = 'link') {
  assert.ok((await link.count()) > 0, `${description}: no such link on ${page.url()}`);
  const href = await link.evaluate((a) => a.href);
  page.problems.length = 0;
  await link.click();
  await page.waitForURL(href, { waitUntil: 'load' });
  await assertLoaded(page, `${href} (${description} on the previous page)`);
  return page.url();
}

export const bodyClass = (page) => page.evaluate(() => document.body.className);
export const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

/** Fetches a URL with the page's context (same cookies, same origin), body included. */
export async function fetchFile(page, url) {
  const response = await page.request.get(url);
  return {
    status: response.status(),
    type: response.headers()['content-type'] ?? '',
    body: await response.body(),
  };
}
