import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest hands test files to its workers in order: by the last run's durations when its cache has
 * them, else largest file first. A clean clone (CI) has no cache, and a short file can still be a
 * long one (a test that starts server processes, a statistical test, a matrix part): left to the end
 * it runs alone while the other worker idles. `slowFirst` names those files (parts of their paths,
 * slowest first); they start first and the rest follow in vitest's own order.
 */
export function slowFirst(slow: readonly string[]): typeof BaseSequencer {
  return class SlowFirstSequencer extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const rank = (file: TestSpecification) => {
        const index = slow.findIndex((part) => file.moduleId.includes(part));
        return index < 0 ? slow.length : index;
      };
      return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
    }
  };
}
