import { launchBrowser, waitForPath } from './support/browser.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';
const base = process.env.BASE!;
const browser = await launchBrowser();
const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
const page = await ctx.newPage();
await signIn(page, base, 'admin', process.env.PW!);
await changeInitialPassword(page, process.env.PW!, 'Look-Admin#2026xyz');
await enrolTotp(page);
await waitForPath(page, '/workbench');
for (const [name, path] of (process.env.PAGES ?? '').split(',').map((p) => p.split('='))) {
  await page.goto(`${base}${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
  if (name.endsWith('-create')) {
    await page.locator('[data-testid="warning-create"]').click();
    await page.waitForTimeout(800);
  }
  await page.screenshot({ path: `/tmp/look-${name}.png`, fullPage: false });
}
await browser.close();
