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
  // Name each failure, so the one line a reader sees of a long run says which test to open.
  for (const result of report.testResults ?? []) {
    const where = path.basename(result.name ?? '');
    for (const test of result.assertionResults ?? []) {
      if (test.status === 'failed') console.log(`  failed: ${where} › ${test.fullName ?? test.title}`);
    }
    if ((result.assertionResults ?? []).length === 0 && result.status === 'failed') {
      console.log(`  failed: ${where} (the file did not run: ${(result.message ?? '').split('\n')[0]})`);
    }
  }
  passed += report.numPassedTests;
  failed += suiteFailed;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
