// Layout: writing direction and mirrored navigation (Urdu is right-to-left), no horizontal
// scrolling on a 360 px wide phone, a skip link hidden until focused, and a print view without
// the site's chrome.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGS, PAGE_KINDS, direction, forEachSite, openBrowser, openPage, visit } from './helpers.mjs';

const page = await openPage(await openBrowser());
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

/** Checks that the page in the viewport is no wider than the phone's screen. */
async function assertFitsPhone(where) {
  const measure = await page.evaluate(measureOverflow);
  assert.ok(
    measure.scrollWidth <= PHONE.width,
    `${where} is wider than ${PHONE.width} px: document.documentElement.scrollWidth is ${measure.scrollWidth}; ` +
      `sticking out: ${measure.offenders.join('; ') || '?'}`,
  );
}

forEachSite((site) => {
  for (const lang of LANGS) {
    const dir = direction(lang);

    describe(`layout in ${lang}`, () => {
      for (const kind of PAGE_KINDS) {
        test(`${lang} ${kind} page: fits a 360 px phone; is ${dir}, header from the ${dir === 'rtl' ? 'right' : 'left'}; skip link`, async (t) => {
          const { kinds } = await site.discover(page, lang);
          const where = site.path(kinds[kind]);
          await page.setViewportSize(PHONE);
          await visit(page, kinds[kind]);
          await t.test(`no horizontal scrolling at ${PHONE.width} px`, () => assertFitsPhone(where));
          await page.setViewportSize(DESKTOP);
          await t.test(`${dir} direction and mirrored header on a desktop`, async () => {
            const layout = await page.evaluate(headerLayout);
            assert.equal(layout.html, dir, `computed direction of <html> on ${where}`);
            assert.equal(layout.body, dir, `computed direction of <body> on ${where}`);
            for (const part of ['first', 'last', 'brand', 'switcher']) assert.ok(layout[part], `${where}: no ${part} in the header`);
            const boxes = JSON.stringify(layout);
            if (dir === 'rtl') {
              assert.ok(layout.first.left >= layout.last.right, `${where}: the first main-nav link is not right of the last one ${boxes}`);
              assert.ok(layout.brand.left >= layout.switcher.right, `${where}: the site title is not right of the language switcher ${boxes}`);
            } else {
              assert.ok(layout.first.right <= layout.last.left, `${where}: the first main-nav link is not left of the last one ${boxes}`);
              assert.ok(layout.brand.right <= layout.switcher.left, `${where}: the site title is not left of the language switcher ${boxes}`);
            }
          });
          await t.test('the skip link is out of sight until it has the focus', async () => {
            const before = await page.evaluate(skipLink);
            assert.ok(before, `${where}: no .skip-link`);
            assert.ok(before.bottom <= 0, `${where}: the unfocused .skip-link shows ${before.bottom} px inside the top of the viewport (box ${JSON.stringify(before)})`);
            await page.keyboard.press('Tab');
            const focused = await page.evaluate(skipLink);
            assert.ok(focused.focused, `${where}: the first Tab does not focus the skip link`);
            assert.ok(focused.top >= 0 && focused.bottom <= DESKTOP.height, `${where}: the focused .skip-link is not in sight (box ${JSON.stringify(focused)})`);
          });
        });
      }

      test(`${lang}: every other output, project, author and topic page fits a ${PHONE.width} px phone`, async (t) => {
        const { kinds, items } = await site.discover(page, lang);
        const seen = new Set(Object.values(kinds));
        const urls = Object.values(items).flat().filter((url) => !seen.has(url));
        await page.setViewportSize(PHONE);
        const failures = [];
        for (const url of urls) {
          await visit(page, url);
          await assertFitsPhone(site.path(url)).catch((error) => failures.push(error.message));
        }
        t.diagnostic(`${urls.length} pages measured`);
        assert.deepEqual(failures, [], `${failures.length} page(s) scroll horizontally:\n${failures.join('\n')}`);
      });
    });

    describe(`print view in ${lang}`, () => {
      test(`${lang}: an output page prints without the site header and navigation`, async () => {
        const { kinds } = await site.discover(page, lang);
        await page.setViewportSize(DESKTOP);
        await visit(page, kinds.output);
        await page.emulateMedia({ media: 'print' });
        // Downloads print their full address after the link.
        const urls = await page.$$eval('.downloads a[data-print-url]', (links) =>
          links.map((a) => getComputedStyle(a, '::after').content));
        const shown = await page.evaluate(printed).finally(() => page.emulateMedia({ media: null }));
        for (const url of urls) assert.match(url, /^" <https?:\/\/[^>]+\/files\/outputs\/[^>]+>"$/, 'a download prints its address');
        const where = site.path(kinds.output);
        assert.equal(shown['header.site-header']?.display, 'none', `${where} in print: computed display of header.site-header`);
        for (const nav of ['nav.main-nav', 'nav.language-switcher', 'nav.breadcrumbs']) {
          if (shown[nav]) assert.equal(shown[nav].rendered, false, `${where} in print: ${nav} is displayed`);
        }
        assert.equal(shown.main?.rendered, true, `${where} in print: the main content is not displayed`);
      });
    });
  }
});
/** Runs in the page: the computed directions and the boxes of the header's parts. */
function headerLayout() {
  const box = (el) => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top) };
  };
  const navLinks = document.querySelectorAll('nav.main-nav a');
  return {
    html: getComputedStyle(document.documentElement).direction,
    body: getComputedStyle(document.body).direction,
    first: box(navLinks[0]),
    last: box(navLinks[navLinks.length - 1]),
    brand: box(document.querySelector('.site-header .brand')),
    switcher: box(document.querySelector('nav.language-switcher')),
  };
}

/** Runs in the page: where the skip link is, and whether it has the focus. */
function skipLink() {
  const link = document.querySelector('.skip-link');
  if (!link) return null;
  const r = link.getBoundingClientRect();
  return { top: Math.round(r.top * 10) / 10, bottom: Math.round(r.bottom * 10) / 10, focused: document.activeElement === link };
}

/**
 * Runs in the page: its scroll width and, when too wide, the elements that stick out of the
 * viewport (their box or their own text), outermost first: the ones whose parent fits.
 */
function measureOverflow() {
  const width = document.documentElement.clientWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  const offenders = [];
  if (scrollWidth > width) {
    const outside = (r) => (r.width > 0 || r.height > 0) && (r.right > width + 0.5 || r.left < -0.5);
    const boxOut = (el) => outside(el.getBoundingClientRect());
    const textOut = (el) =>
      [...el.childNodes].some((n) => {
        if (n.nodeType !== Node.TEXT_NODE || !n.textContent.trim()) return false;
        const range = document.createRange();
        range.selectNodeContents(n);
        return outside(range.getBoundingClientRect());
      });
    // Content inside its own scrolling box does not make the page scroll.
    const scrolls = (el) => {
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
        if (getComputedStyle(e).overflowX !== 'visible') return true;
      }
      return false;
    };
    const name = (el) =>
      el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + [...el.classList].map((c) => `.${c}`).join('');
    const path = (el) => {
      const parts = [];
      for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
      return parts.join(' > ');
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (!(boxOut(el) || textOut(el)) || scrolls(el)) continue;
      if (el.parentElement && el.parentElement !== document.body && boxOut(el.parentElement)) continue;
      const r = el.getBoundingClientRect();
      const text = el.textContent.trim().replace(/\s+/g, ' ');
      offenders.push(`${path(el)} [box ${Math.round(r.left)}…${Math.round(r.right)} px, scrollWidth ${el.scrollWidth}] "${text.slice(0, 40)}${text.length > 40 ? '…' : ''}"`);
      if (offenders.length >= 6) break;
    }
  }
  return { scrollWidth, offenders };
}

/** Runs in the page: for each part of it, its computed display and whether it is rendered. */
function printed() {
  // Not rendered: its own computed display, or an ancestor's, is "none".
  const hiddenBy = (el) => {
    for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).display === 'none') return e;
    return null;
  };
  const report = {};
  for (const selector of ['header.site-header', 'nav.main-nav', 'nav.language-switcher', 'nav.breadcrumbs', 'main']) {
    const el = document.querySelector(selector);
    report[selector] = el ? { display: getComputedStyle(el).display, rendered: !hiddenBy(el) } : null;
  }
  return report;
}
