import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** What the page did, with timings: shown when a step fails. */
  trace: string[];
}

/**
 * A fresh context (own cookies) sized like a bureau laptop, or a phone when asked. Timeouts are
 * generous: password hashing is deliberately slow (scrypt) and CI shares two cores.
 */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1366, height: 768 },
): Promise<TestPage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(45_000);
  const started = Date.now();
  const trace: string[] = [];
  const note = (line: string) => trace.push(`+${((Date.now() - started) / 1000).toFixed(1)}s ${line}`);
  page.on('request', (request) => {
    if (request.url().includes('/api/')) note(`→ ${request.method()} ${new URL(request.url()).pathname}`);
  });
  page.on('response', (response) => {
    if (response.url().includes('/api/') || response.status() >= 400) {
      note(`← ${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    }
  });
  page.on('requestfailed', (request) =>
    note(`✗ ${request.method()} ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) note(`url ${frame.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      note(`console.${message.type()} ${message.text()}`);
  });
  page.on('pageerror', (error) => note(`pageerror ${error.message}`));
  return { context, page, trace };
}

/**
 * Waits until the app shows this path (query ignored). A glob such as `**\/workbench` would also
 * match `/login?redirect=/workbench`, so compare the pathname exactly.
 */
export async function waitForPath(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname);
}

/** The element with this data-testid. */
export function byTestId(page: Page, id: string) {
  return page.locator(`[data-testid="${id}"]`);
}

/** Clicks the visible option of an open Element Plus select that shows `text`. */
export async function pickOption(page: Page, text: string): Promise<void> {
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first().click();
}

/** The China calendar day `days` from today (negative: before), as YYYY-MM-DD. */
export function chinaDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
