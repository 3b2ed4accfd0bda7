// Public surface of @rapier-gym/headless-chromium: launch Debian's Chromium headless and serve a built folder to it.
export { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from './launch-chromium.js';
export { serveStatic, type StaticServer } from './serve-static.js';
