// The browser every browser test and the form bench drive (kept apart from browser.ts, which hooks
// into vitest).

/** Debian's Chromium, as on the CI machine; playwright cannot download its own browsers here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
