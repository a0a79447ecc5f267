import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 12: no non-test source file under packages/*/src (.ts, .vue) may run over 450 lines. A long
// file is split by cohesive groups (see config.ts and its config-*.ts, for instance), not allowed here.
const limit = 450;
const root = path.resolve(import.meta.dirname, '../../..');

/**
 * The only files that may be longer: data, not logic. Each entry says why. Add a file here only when
 * its content is a table (messages, reference data, demo records), never to excuse code.
 */
const dataFiles: Readonly<Record<string, string>> = {
  // i18n message tables (zh-CN and English side by side).
  'packages/web/src/i18n/zh-cn.ts': 'i18n messages (zh-CN)',
  'packages/web/src/i18n/en.ts': 'i18n messages (English)',
  'packages/web/src/features/dual-prevention/i18n.ts': 'i18n messages',
  'packages/web/src/features/enforcement/i18n.ts': 'i18n messages',
  'packages/web/src/features/obligations/i18n.ts': 'i18n messages',
  'packages/web/src/features/whistleblowing/i18n.ts': 'i18n messages',
  'packages/web/src/features/monitoring/components/live/live-messages.ts':
    'i18n messages of the live monitoring pages, spread into monitoring/i18n.ts',
  // Reference data.
  'packages/domain/src/major-hazards/gb18218-table1.ts': 'GB 18218-2018 table 1 (named substances)',
  'packages/domain/src/emergency/consequence/consequence-chemicals.ts':
    'chemical data of the consequence models (thresholds, properties)',
  // Demo data (演示), created through loadDemoData().
  'packages/server/src/modules/demo/demo-named-sites.ts': 'demo records: the objects the plan names',
  'packages/server/src/modules/demo/demo-emergency.ts':
    'demo data generator: emergency plans, resources, drills',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    if (!/\.(ts|vue)$/.test(entry.name) || /\.test\.ts$/.test(entry.name)) return [];
    return [full];
  });
}

const lineCount = (file: string): number => readFileSync(file, 'utf8').split('\n').length - 1;

describe('file sizes (issue 12)', () => {
  it(`has no non-test source file over ${limit} lines outside the data files`, () => {
    const packages = readdirSync(path.join(root, 'packages'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(root, 'packages', entry.name, 'src')))
      .map((entry) => path.join(root, 'packages', entry.name, 'src'));
    const tooLong = packages
      .flatMap(sourceFiles)
      .map((file) => ({ file: path.relative(root, file).split(path.sep).join('/'), lines: lineCount(file) }))
      .filter(({ file, lines }) => lines > limit && !(file in dataFiles))
      .map(({ file, lines }) => `${file} (${lines} lines)`)
      .sort();
    expect(tooLong).toEqual([]);
  });

  it('lists only data files that exist', () => {
    const missing = Object.keys(dataFiles).filter((file) => !existsSync(path.join(root, file)));
    expect(missing).toEqual([]);
  });
});
