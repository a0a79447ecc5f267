import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestPage } from './browser.ts';

const artifacts = path.join(import.meta.dirname, '..', 'artifacts');

/** Runs a journey's steps; when one fails, keeps a screenshot and the page's trace in e2e/artifacts. */
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
