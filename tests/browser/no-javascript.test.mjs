// No page needs JavaScript: with scripts off the outputs list shows its cards, and the filter
// links lead to static pages that show only the chosen outputs.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGS, forEachSite, openBrowser, openPage, visit, follow, bodyClass } from './helpers.mjs';

const page = await openPage(await openBrowser(), { javaScriptEnabled: false });

const visibleCards = (page) =>
  page.locator('main .output-card').evaluateAll((cards) =>
    cards.filter((c) => c.checkVisibility()).map((c) => ({ type: c.dataset.type, year: c.dataset.year })),
  );

forEachSite((site) => {
  for (const lang of LANGS) {
    describe(`without JavaScript in ${lang}`, () => {
      test(`${lang}: the outputs list shows its cards and each type filter shows only that type`, async () => {
        const list = site.url(`${lang}/outputs/`);
        await visit(page, list);
        const all = await visibleCards(page);
        assert.ok(all.length > 0, `no output card shown on ${lang}/outputs/ without JavaScript`);

        const filters = await page.locator('nav.filters a[data-filter="type"]').evaluateAll((links) =>
          links.map((a) => ({ value: a.dataset.value, count: Number(/\((\d+)\)/.exec(a.textContent)?.[1]) })),
        );
        assert.ok(filters.length > 0, `no type filter on ${lang}/outputs/`);
        for (const { value, count } of filters) {
          await visit(page, list);
          await follow(page, page.locator(`nav.filters a[data-filter="type"][data-value="${value}"]`), `type filter "${value}"`);
          const where = site.path(page.url());
          assert.notEqual(where, `${lang}/outputs/`, `the "${value}" filter link does not lead to a page of its own`);
          const shown = await visibleCards(page);
          assert.ok(shown.length > 0, `${where} shows no output`);
          assert.deepEqual(
            shown.filter((c) => c.type !== value),
            [],
            `${where} shows outputs of other types than "${value}"`,
          );
          if (Number.isFinite(count)) assert.equal(shown.length, count, `${where}: the filter link announced ${count}`);
          assert.equal(
            shown.length,
            all.filter((c) => c.type === value).length,
            `${where} does not show every "${value}" output of the full list`,
          );
        }
      });

      test(`${lang}: the home page shows the latest outputs and its links lead to pages with content`, async () => {
        await visit(page, site.url(`${lang}/`));
        assert.ok((await visibleCards(page)).length > 0, `no output card shown on ${lang}/ without JavaScript`);
        await follow(page, page.locator('section.latest .output-card .card-title a').first(), 'first output in "latest"');
        assert.equal(await bodyClass(page), 'page-outputs-item');
        assert.ok(await page.locator('main h1').first().isVisible(), `${site.path(page.url())}: its title is not shown without JavaScript`);
        assert.ok((await page.locator('section.downloads a[href]').count()) > 0, `${site.path(page.url())}: no download link`);
      });
    });
  }
});
