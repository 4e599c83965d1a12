// Screenshots for a person to look at (CI artefacts): the home page, an output and the author
// index in each language, on a desktop and on a 360 px phone, into ARTIFACTS_DIR (taken at one
// address only: the pictures would be the same at every address).

import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { LANGS, ARTIFACTS_DIR, ONE_SITE, forEachSite, openBrowser, openPage, visit } from './helpers.mjs';

const page = await openPage(await openBrowser());
const SCREENS = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } };

await mkdir(ARTIFACTS_DIR, { recursive: true });

forEachSite((site) => {
  for (const lang of LANGS) {
    describe(`screenshots in ${lang}`, () => {
      for (const [screen, viewport] of Object.entries(SCREENS)) {
        test(`${lang}: home, an output and the author index on a ${screen}`, async (t) => {
          const { kinds } = await site.discover(page, lang);
          await page.setViewportSize(viewport);
          for (const kind of ['home', 'output', 'authors']) {
            await visit(page, kinds[kind]);
            const file = path.join(ARTIFACTS_DIR, `${lang}-${kind}-${screen}.png`);
            await page.screenshot({ path: file, fullPage: true });
            assert.ok((await stat(file)).size > 0, `${file} is empty`);
            t.diagnostic(file);
          }
        });
      }
    });
  }
}, ONE_SITE);
