import { ApiClient, createUser } from './support/api.ts';
import { launchBrowser, waitForPath } from './support/browser.ts';
import { changeInitialPassword, enrolTotp, signIn } from './support/sign-in.ts';
import { freshTotpCode } from './support/totp.ts';
const base = process.env.BASE!;
const admin = new ApiClient(base);
await admin.signIn('admin', process.env.PW!);
const secret = await admin.completeFirstLogin(process.env.PW!, 'Yuxi-Sys#2026lookup');
const admin2 = new ApiClient(base);
await admin2.signIn('admin', 'Yuxi-Sys#2026lookup', (await freshTotpCode(secret, Math.floor(Date.now() / 30_000))).code);
const initial = await createUser(admin2, {
  username: 'yx_look',
  displayName: '市局值班员',
  roles: (process.env.ROLES ?? 'city_officer').split(','),
  scope: { kind: 'city' },
});
const browser = await launchBrowser();
const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
const page = await ctx.newPage();
await signIn(page, base, 'yx_look', initial);
await changeInitialPassword(page, initial, 'Yuxi-City#2026look');
await enrolTotp(page);
await waitForPath(page, '/workbench');
for (const [name = '', path = ''] of (process.env.PAGES ?? '').split(',').map((p) => p.split('='))) {
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
