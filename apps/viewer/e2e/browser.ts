// The viewer's e2e tests launch Debian's Chromium through the workspace's shared headless-Chromium tooling.
export { CHROMIUM_PATH, launchChromium } from '@rapier-gym/headless-chromium';
