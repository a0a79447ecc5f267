import type { Page } from 'playwright-core';
import { byTestId, waitForPath } from './browser.ts';
import { freshTotpCode } from './totp.ts';

export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await byTestId(page, 'login-username').fill(username);
  await byTestId(page, 'login-password').fill(password);
  await byTestId(page, 'login-submit').click();
}

/** The forced first-login step: the one-time password becomes the user's own. */
export async function changeInitialPassword(page: Page, current: string, next: string): Promise<void> {
  await waitForPath(page, '/password');
  await byTestId(page, 'pwd-current').fill(current);
  await byTestId(page, 'pwd-next').fill(next);
  await byTestId(page, 'pwd-confirm').fill(next);
  await byTestId(page, 'pwd-submit').click();
}

/**
 * Reads the secret shown as text, as a person typing it into an app would, and confirms a code.
 * Returns the secret and the time step used: the server accepts each step once per user.
 */
export async function enrolTotp(page: Page): Promise<{ secret: string; step: number }> {
  await waitForPath(page, '/totp');
  const secret = ((await byTestId(page, 'totp-secret').textContent()) ?? '').replace(/\s+/g, '');
  if (!/^[A-Z2-7]+=*$/.test(secret)) throw new Error(`not a base32 secret: ${secret}`);
  const { code, step } = await freshTotpCode(secret);
  await byTestId(page, 'totp-code').fill(code);
  await byTestId(page, 'totp-submit').click();
  return { secret, step };
}

/** The titles of the visible top-level menu entries, in order. */
export async function topMenuTitles(page: Page): Promise<string[]> {
  await byTestId(page, 'side-menu').waitFor();
  return (await byTestId(page, 'menu-top-title').allTextContents()).map((text) => text.trim());
}

export async function signOut(page: Page): Promise<void> {
  await byTestId(page, 'user-menu').click();
  await byTestId(page, 'logout').click();
  await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('reason') === 'logout');
}
