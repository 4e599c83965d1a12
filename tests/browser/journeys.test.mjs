// The three readers of the README, each walking through the portal by clicking its links, in
// every language: a researcher who downloads and cites a report, a funder who goes from a project
// to the people behind its outputs, a trainer who downloads training material (or filters the
// list to it), and a reader who follows a dead link.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGS, forEachSite, openBrowser, openPage, visit, follow, bodyClass, htmlLang, fetchFile } from './helpers.mjs';

const page = await openPage(await openBrowser());

const EXPECTED_TYPES = { pdf: /^application\/pdf/, txt: /^text\/plain/ };

forEachSite((site) => {
  for (const lang of LANGS) {
    describe(`journeys in ${lang}`, () => {
      test(`researcher (${lang}): home → a latest output → its PDF → cite as BibTeX`, async (t) => {
        await visit(page, site.url(`${lang}/`));
        await follow(page, page.locator('section.latest .output-card .card-title a').first(), 'first output in "latest"');
        assert.equal(await bodyClass(page), 'page-outputs-item');
        assert.equal(await htmlLang(page), lang);
        assert.match(site.path(page.url()), new RegExp(`^${lang}/outputs/[^/]+/$`));

        const pdfLink = page.locator('section.downloads a[href$=".pdf"]').first();
        assert.ok((await pdfLink.count()) > 0, `no PDF download link on ${page.url()}`);
        const pdfUrl = await pdfLink.evaluate((a) => a.href);
        const pdf = await fetchFile(page, pdfUrl);
        assert.equal(pdf.status, 200, `${pdfUrl} answered ${pdf.status}`);
        assert.match(pdf.type, /^application\/pdf/, `${pdfUrl} is served as ${pdf.type}`);
        assert.equal(pdf.body.subarray(0, 5).toString('latin1'), '%PDF-', `${pdfUrl} is not a PDF file`);

        await t.test('cite as BibTeX', async (step) => {
          const cite = page.locator('a[data-cite="bibtex"]').first();
          if ((await cite.count()) === 0) {
            step.skip('no a[data-cite="bibtex"] link on the output page yet');
            return;
          }
          const url = await cite.evaluate((a) => a.href);
          const bib = await fetchFile(page, url);
          assert.equal(bib.status, 200, `${url} answered ${bib.status}`);
          const text = bib.body.toString('utf8').replace(/^\uFEFF/, '').trimStart();
          assert.ok(text.startsWith('@'), `${url} does not start with "@": ${JSON.stringify(text.slice(0, 80))}`);
        });
      });

      test(`funder (${lang}): main nav "projects" → the project → one of its outputs → an author`, async () => {
        await visit(page, site.url(`${lang}/`));
        await follow(page, page.locator('nav.main-nav a[href$="/projects/"]'), 'main navigation "projects"');
        assert.equal(await bodyClass(page), 'page-projects');
        assert.equal(site.path(page.url()), `${lang}/projects/`);

        await follow(page, page.locator('main .project-card .card-title a').first(), 'first project');
        assert.equal(await bodyClass(page), 'page-projects-item');

        const output = page.locator('section.project-outputs .output-card .card-title a').first();
        await follow(page, output, "first of the project's outputs");
        assert.equal(await bodyClass(page), 'page-outputs-item');
        assert.equal(await htmlLang(page), lang);

        const author = page.locator('main .facts dd.authors a').first();
        const name = (await author.textContent())?.trim();
        await follow(page, author, 'first author of the output');
        assert.equal(await bodyClass(page), 'page-authors-item');
        assert.match(site.path(page.url()), new RegExp(`^${lang}/authors/[^/]+/$`));
        assert.equal((await page.locator('main h1').first().textContent())?.trim(), name, "the author page's title is the author's name");
      });

      test(`trainer (${lang}): outputs list → training material → every download answers 200`, async () => {
        await visit(page, site.url(`${lang}/outputs/`));
        const card = page.locator('.output-list .output-card[data-type="training-material"] .card-title a').first();
        await follow(page, card, 'training material in the outputs list');
        assert.equal(await bodyClass(page), 'page-outputs-item');
        assert.ok((await page.locator('.kicker .type-training-material').count()) > 0, 'the output page does not say it is training material');

        const links = await page.locator('section.downloads a[href]').evaluateAll((as) => as.map((a) => a.href));
        assert.ok(links.length > 0, `no download link on ${page.url()}`);
        for (const url of links) {
          const file = await fetchFile(page, url);
          assert.equal(file.status, 200, `${url} answered ${file.status}`);
          assert.ok(file.body.length > 0, `${url} is empty`);
          const expected = EXPECTED_TYPES[url.split('.').pop()];
          if (expected) assert.match(file.type, expected, `${url} is served as ${file.type}`);
        }
      });

      test(`trainer in a hurry (${lang}): the outputs list filters in place to training material`, async (t) => {
        await visit(page, site.url(`${lang}/outputs/`));
        if ((await page.locator('[data-client-filter]').count()) === 0) {
          t.skip('the outputs list has no client-side filter ([data-client-filter])');
          return;
        }
        const link = page.locator('nav.filters a[data-filter="type"][data-value="training-material"]');
        assert.ok((await link.count()) > 0, `no "training-material" type filter on ${lang}/outputs/`);
        await link.click();
        const shown = await page.locator('.output-list .output-card').evaluateAll((cards) =>
          cards.filter((c) => c.checkVisibility()).map((c) => c.dataset.type),
        );
        assert.ok(shown.length > 0, 'the filter shows no output');
        assert.deepEqual([...new Set(shown)], ['training-material'], 'the filter shows outputs of other types');
        assert.equal(site.path(page.url()), `${lang}/outputs/`, 'with JavaScript the filter stays on the list page');
        assert.ok(await page.locator('.filter-status').isVisible(), 'the filter does not announce how many outputs it shows');
      });

      test(`lost reader (${lang}): a missing page answers 404 with the site's 404 page, which leads home`, async () => {
        const missing = site.url(`${lang}/outputs/no-such-output/`);
        page.problems.length = 0;
        const response = await page.goto(missing, { waitUntil: 'load' });
        assert.equal(response.status(), 404, `${missing} answered ${response.status()}`);
        assert.equal(await bodyClass(page), 'page-404', `${missing} is not the site's 404 page`);
        const broken = page.problems.filter((p) => !p.endsWith(missing));
        assert.deepEqual(broken, [], `problems while loading the 404 page at ${missing}`);
        const home = page.locator(`main [lang="${lang}"] a[href]`).first();
        await follow(page, home, `the 404 page's link home in ${lang}`);
        assert.equal(await bodyClass(page), 'page-home');
        assert.equal(await htmlLang(page), lang);
        // The 404 page can be served at any depth, so its links are absolute: they lead to the
        // site's base_url path (/portal/…), which is also where the tests serve it.
        assert.ok(new URL(page.url()).pathname.endsWith(`/${lang}/`), `the 404 page's link home leads to ${page.url()}`);
      });
    });
  }
});
