import { chromium } from '@playwright/test';

const [url, out, scheme, w, h] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
const page = await browser.newPage({
  viewport: { width: Number(w ?? 1200), height: Number(h ?? 900) },
  colorScheme: scheme ?? 'light',
});
page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
await page.goto(url);
await page.waitForTimeout(2000);
await page.screenshot({ path: out, fullPage: false });
await browser.close();
