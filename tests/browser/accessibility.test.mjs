// axe-core on every kind of page, in every language, in the light and the dark colour scheme:
// no violation of impact "serious" or "critical". At one address only: axe reads the same files
// at every address (that each address serves all of them is checked by every other test file).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LANGS, PAGE_KINDS, AXE_PATH, ONE_SITE, forEachSite, openBrowser, openPage, visit } from './helpers.mjs';

const page = await openPage(await openBrowser());
const BLOCKING = new Set(['serious', 'critical']);
// The dark scheme changes colours only: in it, axe runs the rules about colour.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** One line per failing element: where it is and what axe measured there. */
function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => {
        const detail = [...n.any, ...n.all, ...n.none].map((c) => c.message).filter(Boolean)[0];
        return `    - ${n.target.join(' ')}${detail ? `: ${detail}` : ''}`;
      });
      return `  ${v.id} (${v.impact}, ${v.helpUrl.replace(/\?.*$/, '')}): ${v.help}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

async function runAxe(t, where, colorScheme, rules) {
  await page.emulateMedia({ colorScheme });
  const results = await page.evaluate(
    (rules) =>
      window.axe.run(document, {
        resultTypes: ['violations', 'incomplete'],
        ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}),
      }),
    rules,
  );
  // axe cannot measure the contrast of text it cannot sample (some Nastaliq runs among them): it
  // reports such elements as "incomplete", not as violations.
  const unchecked = results.incomplete.find((r) => r.id === 'color-contrast');
  if (unchecked) {
    t.diagnostic(`axe could not check the contrast of ${unchecked.nodes.length} element(s): ${unchecked.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  }
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact));
  assert.deepEqual(
    blocking.map((v) => v.id),
    [],
    `serious or critical axe violations on ${where} (${colorScheme} scheme):\n${describeViolations(blocking)}`,
  );
}

forEachSite((site) => {
  for (const lang of LANGS) {
    describe(`axe in ${lang}`, () => {
      for (const kind of PAGE_KINDS) {
        test(`axe (${lang}): ${kind} page`, async (t) => {
          const { kinds } = await site.discover(page, lang);
          const where = site.path(kinds[kind]);
          await page.emulateMedia({ colorScheme: 'light' });
          await visit(page, kinds[kind]);
          await page.addScriptTag({ path: AXE_PATH });
          await t.test('light colour scheme', (t) => runAxe(t, where, 'light'));
          await t.test('dark colour scheme', (t) => runAxe(t, where, 'dark', COLOUR_RULES));
        });
      }
    });
  }
}, ONE_SITE);
