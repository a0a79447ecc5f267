// Sums the vitest JSON reports of every suite CI ran into the one closing line CI prints.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const suiteFailed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  console.log(
    `${file}: ${report.numPassedTests} passed, ${suiteFailed} failed, ${report.numPendingTests + report.numTodoTests} skipped`,
  );
  passed += report.numPassedTests;
  failed += suiteFailed;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
