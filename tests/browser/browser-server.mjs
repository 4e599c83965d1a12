#!/usr/bin/env node
// Starts the one headless Chromium that all test files share (scripts/browser-tests.sh runs it
// and passes its address to the tests as BROWSER_WS_ENDPOINT). Prints "ws-endpoint WS_URL" once
// the browser is up, and closes the browser on SIGTERM or SIGINT.

import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from './chromium.mjs';

const server = await chromium.launchServer({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS,
  host: '127.0.0.1',
  handleSIGINT: false,
  handleSIGTERM: false,
});
console.log(`ws-endpoint ${server.wsEndpoint()}`);

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await server.close().catch(() => {});
    process.exit(0);
  });
}
