import { DomainError } from '@anjian/domain';
import type { WarningImports } from './warning-import.ts';

const TIMEOUT_MS = 10_000;
/** A feed or CAP message larger than this is refused unread (CAP messages are a few kilobytes). */
const MAX_BYTES = 1_000_000;
const MAX_ENTRIES = 200;

export interface PollOutcome {
  url: string;
  imported: number;
  duplicates: number;
  refused: number;
  error: string | null;
}

async function fetchText(url: string): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > MAX_BYTES) throw new Error('too large');
  return body;
}

/** The CAP links of an Atom feed's entries (rel alternate, type application/cap+xml), absolute. */
export function capLinksOf(atom: string, base: string): string[] {
  const links = [...atom.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /type="application\/cap\+xml"/.test(tag))
    .map((tag) => /href="([^"]+)"/.exec(tag)?.[1])
    .filter((href): href is string => href !== undefined)
    .map((href) => new URL(href.replace(/&amp;/g, '&'), base).toString())
    .filter((href) => /^https?:/.test(href));
  return [...new Set(links)].slice(0, MAX_ENTRIES);
}

/**
 * Polls incoming warning feeds (the meteorological and natural-resources bureaus): each URL is an
 * Atom feed of CAP links or one CAP message. Every message goes through the safe import (no DTD,
 * XSD-valid CAP 1.2) and is stored once per (sender, identifier): a repeat counts as a duplicate.
 */
export async function pollWarningFeeds(
  imports: WarningImports,
  urls: readonly string[],
): Promise<PollOutcome[]> {
  const outcomes: PollOutcome[] = [];
  for (const url of urls) {
    const outcome: PollOutcome = { url, imported: 0, duplicates: 0, refused: 0, error: null };
    try {
      const body = await fetchText(url);
      const text = body.toString('utf8');
      const messages = /<feed\b/.test(text)
        ? await Promise.all(capLinksOf(text, url).map(fetchText))
        : [body];
      for (const message of messages) {
        try {
          const { duplicate } = await imports.importCap(message, `feed:${url}`.slice(0, 200));
          if (duplicate) outcome.duplicates += 1;
          else outcome.imported += 1;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          outcome.refused += 1;
        }
      }
    } catch (error) {
      outcome.error = error instanceof Error ? error.message : String(error);
    }
    outcomes.push(outcome);
  }
  return outcomes;
}
