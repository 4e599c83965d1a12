// Search in each language: a query typed in the header leads to the search page, which loads the
// page language's index only when asked and lists the expected output first. The Urdu query is
// typed with Arabic keyboard letters (ك, ي, ه); the French one without accents. Runs at both
// addresses, so it also proves search under a sub-path of base_url.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { forEachSite, openBrowser, openPage, visit } from './helpers.mjs';

const page = await openPage(await openBrowser());

// query, expected first result (path of the output), what the query exercises
const CASES = {
  en: [['salon beauticians', 'en/outputs/salon-outreach-training/', 'two words, both required']],
  fr: [['securite refuge', null, 'accents ignored (may find nothing: checked below by another query)'],
       ['estheticiennes', 'fr/outputs/salon-outreach-training/', 'accents ignored']],
  // "پارلر" and "بيوٹی" typed with Arabic yeh; "دستك" with Arabic kaf.
  ur: [['بيوٹی پارلر', 'ur/outputs/salon-outreach-training/', 'Arabic yeh folded'],
       ['عدالت دستك', 'ur/outputs/gbv-court-monitoring-lahore/', 'Arabic kaf folded']],
};

forEachSite((site) => {
  for (const [lang, cases] of Object.entries(CASES)) {
    describe(`search in ${lang}`, () => {
      test(`${lang}: no index is fetched before the reader types`, async () => {
        const fetched = [];
        const listen = (req) => { if (req.url().includes('/search/') && req.url().endsWith('.json')) fetched.push(req.url()); };
        page.on('request', listen);
        await visit(page, site.url(`${lang}/`));
        await visit(page, site.url(`${lang}/search/`));
        page.off('request', listen);
        assert.deepEqual(fetched, [], 'an index was fetched before any query');
      });

      for (const [query, expected, why] of cases) {
        if (!expected) continue;
        test(`${lang}: "${query}" finds ${expected} first (${why})`, async () => {
          await visit(page, site.url(`${lang}/`));
          await page.fill('#site-q', query);
          await Promise.all([page.waitForURL(/\/search\/\?/), page.press('#site-q', 'Enter')]);
          const first = page.locator('#search .search-results li a').first();
          await first.waitFor({ timeout: 10_000 });
          const href = await first.getAttribute('href');
          assert.equal(site.path(new URL(href, page.url()).href), expected, `first result for "${query}"`);
          assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#search .search-results')).direction), lang === 'ur' ? 'rtl' : 'ltr');
          const marks = await page.locator('#search .search-results li').first().locator('mark').count();
          assert.ok(marks > 0, 'the excerpt highlights the match');
        });
      }
    });
  }

  test('a French reader can search all languages and find a text that exists only in English', async () => {
    // "beauticians" is in the English text only: the French index does not have it.
    await visit(page, site.url('fr/'));
    await page.fill('#site-q', 'beauticians');
    await Promise.all([page.waitForURL(/\/search\/\?/), page.press('#site-q', 'Enter')]);
    await page.waitForFunction(() => document.querySelector('#search .search-status')?.textContent.trim());
    assert.equal(await page.locator('#search .search-results li').count(), 0, 'found in the French index');
    await page.check('#search input[name="all"]');
    const first = page.locator('#search .search-results li a').first();
    await first.waitFor({ timeout: 10_000 });
    const href = await first.getAttribute('href');
    assert.equal(site.path(new URL(href, page.url()).href), 'en/outputs/salon-outreach-training/');
    assert.equal(await first.getAttribute('lang'), 'en');
  });
});
