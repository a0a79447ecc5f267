import { addCalendarDays, chinaDate, defaultSpotCheckProblems } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import {
  createSpotChecksRepository,
  createSpotChecksService,
  type SpotCheckCaller,
} from '../obligations/index.ts';

const DEMO_KEY = 'demo.obligation_spot_checks';
// A fixed seed, so the demo draw is the same on every fresh database.
const SEED = '5a6f6e6773686f7520797578692064656d6f207370617420636865636b203031';

/**
 * Demo spot checks (演示), loaded once after the agencies and projects: a random draw of three
 * agency reports of the last half year, the first checked with a finding (未到现场) that gives its
 * agency a bad record; and a check of the completed demo 三同时 project that failed, so the project
 * shows the flag until a re-check passes.
 */
export async function loadDemoObligationSpotChecks(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  if ((await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY])).rowCount) return false;
  await db.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
    DEMO_KEY,
    JSON.stringify({ loadedAt: clock.now() }),
  ]);
  const auth: SpotCheckCaller = { userId: null, scope: { kind: 'city' } };
  const service = createSpotChecksService({
    db,
    clock,
    checks: createSpotChecksRepository(db),
    problems: defaultSpotCheckProblems,
  });
  const today = chinaDate(clock.now());
  const from = addCalendarDays(today, -180);
  const drawn = async (subject: 'agency_report' | 'project', count: number) => {
    const pool = await createSpotChecksRepository(db).pool(auth.scope, subject, { from, to: today });
    if (pool.length === 0) return null;
    return service.draw(auth, { subject, from, to: today, count, seed: SEED }, true);
  };
  const firstItem = async (spotCheckId: string) =>
    (await service.listItems(auth, { spotCheckId }, { page: 1, pageSize: 1 })).items[0]!;
  const reports = await drawn('agency_report', 3);
  if (reports)
    await service.record(
      auth,
      (await firstItem(reports.id)).id,
      {
        checkedOn: today,
        inspectors: '李演示、王演示',
        findings: [{ problem: 'no_site_visit', severity: 'minor', note: '现场照片与项目地点不符（演示）' }],
        result: 'fail',
        rectification: '重新到现场核实并补正报告（演示）',
        decision: '记不良记录，约谈机构负责人（演示）',
      },
      true,
    );
  const projects = await drawn('project', 1);
  if (projects)
    await service.record(
      auth,
      (await firstItem(projects.id)).id,
      {
        checkedOn: today,
        inspectors: '李演示、王演示',
        findings: [{ problem: 'other', severity: 'serious', note: '可燃气体检测报警装置未投入使用（演示）' }],
        result: 'fail',
        rectification: '30日内完成报警装置联调并重新组织验收（演示）',
      },
      true,
    );
  return true;
}
