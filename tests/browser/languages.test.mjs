// Switching language mid-journey: the language switcher leads to the same page in the other
// language, whose <html> says so.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGS, PAGE_KINDS, direction, forEachSite, openBrowser, openPage, visit, follow, htmlLang } from './helpers.mjs';

const page = await openPage(await openBrowser());

/** On a page in `from`, clicks the switcher's link to `to` and checks where it landed. */
async function switchTo(site, from, to) {
  const before = site.path(page.url());
  assert.ok(before.startsWith(`${from}/`), `${before} is not a page in ${from}`);
  await follow(page, page.locator(`nav.language-switcher a[hreflang="${to}"]`), `language switcher → ${to}`);
  assert.equal(site.path(page.url()), `${to}/${before.slice(from.length + 1)}`, `switching ${from} → ${to} on ${before}`);
  assert.equal(await htmlLang(page), to, `<html lang> after switching ${from} → ${to} on ${before}`);
  assert.equal(await page.evaluate(() => document.documentElement.dir), direction(to), `<html dir> in ${to} (${before})`);
}

/** Visits `kind` in the first language of `route`, then follows the switcher along the route. */
async function walk(site, kind, route) {
  const { kinds } = await site.discover(page, route[0]);
  await visit(page, kinds[kind]);
  for (let i = 1; i < route.length; i++) await switchTo(site, route[i - 1], route[i]);
}

// Every ordered pair of languages once: en → fr → ur → en → ur → fr → en.
const EVERY_PAIR = [LANGS[0], LANGS[1], LANGS[2], LANGS[0], LANGS[2], LANGS[1], LANGS[0]];

forEachSite((site) => {
  describe('language switcher', () => {
    test(`output page: ${EVERY_PAIR.join(' → ')}, every ordered pair of languages`, () => walk(site, 'output', EVERY_PAIR));

    for (const kind of PAGE_KINDS.filter((k) => k !== 'output')) {
      test(`${kind} page: ${[...LANGS, LANGS[0]].join(' → ')} lands on the same page each time`, () =>
        walk(site, kind, [...LANGS, LANGS[0]]));
    }
  });
});
