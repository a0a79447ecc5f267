#!/usr/bin/env node
// Issue 12's measure of repetition in the web: the lines that the `duplicates` command (the
// developers' tool library) finds repeated between two different page files under
// packages/web/src, summed over its 200 largest pairs. Usage: node scripts/page-duplicates.mjs
import { execFileSync } from 'node:child_process';

const out = execFileSync('duplicates', ['--repo', 'packages/web/src', '--most', '200', '--seconds', '120'], {
  encoding: 'utf8',
  maxBuffer: 16 * 1024 * 1024,
});
let lines = 0;
let pairs = 0;
for (const row of out.split('\n')) {
  const match = /^\s*D\d+\s+(\S+):(\d+)-(\d+)\s+~\s+(\S+):(\d+)-(\d+)/.exec(row);
  if (!match) continue;
  const [, left, start, end, right] = match;
  if (left === right || !left.includes('/pages/') || !right.includes('/pages/')) continue;
  lines += Number(end) - Number(start) + 1;
  pairs += 1;
}
console.log(`page-to-page duplicate lines: ${lines} in ${pairs} pairs`);
