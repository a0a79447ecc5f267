/**
 * Reporters for every vitest suite: the default one, plus a JSON report when CI asks for it
 * (ANJIAN_TEST_REPORT_DIR), so that .ci/run can sum all suites into one closing line.
 */
export function reporters(suite: string): (string | [string, Record<string, unknown>])[] {
  const dir = process.env.ANJIAN_TEST_REPORT_DIR;
  if (!dir) return ['default'];
  const prefix = process.env.ANJIAN_TEST_REPORT_PREFIX ?? 'run';
  return ['default', ['json', { outputFile: `${dir}/${prefix}-${suite}.json` }]];
}
