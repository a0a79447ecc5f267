import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestPage } from './browser.ts';

/** Screenshots and page traces of a failed step go here, outside git (.gitignore: e2e/artifacts/). */
export const artifacts = path.join(import.meta.dirname, '..', 'artifacts');

/** Runs a journey's steps; when one fails, keeps a screenshot and the page's trace under `name`. */
export async function withEvidence(
  target: TestPage,
  name: string,
  steps: () => Promise<void>,
): Promise<void> {
  try {
    await steps();
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await target.page.screenshot({ path: path.join(artifacts, `${name}.png`) }).catch(() => undefined);
    writeFileSync(path.join(artifacts, `${name}.trace.txt`), `${target.trace.join('\n')}\n`);
    console.error(`[e2e] ${name}: page trace\n${target.trace.join('\n')}`);
    throw error;
  }
}

/** A valid 2×2 PNG (the server decodes and re-encodes every photo, so a broken one is refused). */
export const PNG_PHOTO = {
  name: 'evidence.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWM4EaBxIkCDAUIBACWOBQHvtZ07AAAAAElFTkSuQmCC',
    'base64',
  ),
};
