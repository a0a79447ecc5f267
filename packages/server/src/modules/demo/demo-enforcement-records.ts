import { randomBytes, randomUUID } from 'node:crypto';
import {
  chinaDate,
  chinaHolidayCalendar,
  createCreditCandidate,
  drawCommitment,
  filePenaltyCase,
  runDraw,
  transitionPenaltyCase,
  type DrawPublicRecord,
  type PenaltyCaseAction,
  type PenaltyCaseState,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Queryable, type Db } from '../../platform/db.ts';
import { createInspectionsRepository } from '../enforcement/inspections.repository.ts';
import { systemUserId } from '../users/system-author.ts';

const DEMO_KEY = 'demo.enforcement.records';
const COUNTY = '530402'; // 红塔区: away from the e2e journey's 江川区 draws
const DAY = 86_400_000;

/** A disclosed double-random draw of 红塔区 with two completed inspections (one with a failed item). */
async function demoDraw(tx: Queryable, author: string, now: Date) {
  const enterprises = await tx.query<{ id: string; sectors: string[] }>(
    `SELECT id, sectors FROM enterprises WHERE demo AND county = $1 ORDER BY name, id LIMIT 6`,
    [COUNTY],
  );
  const inspectors = await tx.query<{ id: string }>(
    `SELECT id FROM enforcement_inspectors WHERE demo AND county = $1 ORDER BY certificate_no`,
    [COUNTY],
  );
  if (enterprises.rows.length < 2 || inspectors.rows.length < 2) return null;
  const id = randomUUID();
  const announced = new Date(now.getTime() - 30 * DAY);
  const record: DrawPublicRecord = {
    algorithm: 'anjian-draw-v1',
    drawId: id,
    title: '2026年红塔区安全生产双随机抽查（演示）',
    announcedAt: announced.toISOString(),
    mode: 'uniform',
    enterpriseCount: 2,
    inspectorsPerEnterprise: 2,
    pool: enterprises.rows.map((e) => ({ enterpriseId: e.id })),
    inspectorIds: inspectors.rows.map((i) => i.id),
    conflicts: [],
    exclusion: { periodDays: 365, excludedEnterpriseIds: [] },
  };
  const seed = randomBytes(32).toString('hex');
  const result = runDraw(record, seed);
  const filters = { title: record.title, county: COUNTY, mode: 'uniform', enterpriseCount: 2, pool: {} };
  await tx.query(
    `INSERT INTO enforcement_draws (id, county, title, status, filters, record, seed, commitment, result, demo, created_by,
       created_at, published_at, executed_at, disclosed_at)
     VALUES ($1, $2, $3, 'disclosed', $4, $5, $6, $7, $8, true, $9, $10, $10, $11, $12)`,
    [
      id,
      COUNTY,
      record.title,
      JSON.stringify(filters),
      JSON.stringify(record),
      seed,
      drawCommitment(record, seed),
      JSON.stringify(result),
      author,
      announced,
      new Date(announced.getTime() + 3_600_000),
      new Date(now.getTime() - 22 * DAY),
    ],
  );
  const repository = createInspectionsRepository(tx as Db);
  const inspections: { id: string; enterpriseId: string }[] = [];
  for (const [n, selection] of result.selections.entries()) {
    const sectors = enterprises.rows.find((e) => e.id === selection.enterpriseId)!.sectors;
    const at = new Date(announced.getTime() + (5 + n) * DAY);
    const inspectionId = await repository.insert(
      tx,
      {
        kind: 'double_random',
        enterpriseId: selection.enterpriseId,
        county: COUNTY,
        drawId: id,
        plannedDate: chinaDate(at),
        inspectorIds: [...selection.inspectorIds],
        createdBy: author,
        at: announced,
        demo: true,
      },
      await repository.libraryItems(sectors, tx),
    );
    // The first inspection finds one problem (the first item); everything else passes.
    await tx.query(
      `UPDATE enforcement_inspection_items SET result = CASE WHEN $2 AND position = 1 THEN 'fail' ELSE 'pass' END,
              note = CASE WHEN $2 AND position = 1 THEN '安全生产责任制未覆盖全员（演示）' END
        WHERE inspection_id = $1`,
      [inspectionId, n === 0],
    );
    await tx.query(
      `UPDATE enforcement_inspections SET status = 'completed', started_at = $2, finished_at = $2, completed_at = $2,
              notes = '演示检查', updated_at = $2 WHERE id = $1`,
      [inspectionId, at],
    );
    inspections.push({ id: inspectionId, enterpriseId: selection.enterpriseId });
  }
  return { inspectorIds: inspectors.rows.map((i) => i.id), inspections };
}

/** Runs the domain's steps at the given instants; the demo case is made the way a real one is. */
function demoCaseState(author: string, investigatorIds: string[], now: Date): PenaltyCaseState {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const context = (daysAgo: number, role: 'head' | 'handler') => ({
    now: at(daysAgo),
    actor: { role, id: author },
    calendar: chinaHolidayCalendar,
  });
  const filed = filePenaltyCase({ partyKind: 'organisation', summary: '演示立案' }, context(20, 'head'));
  if (!filed.ok) throw filed.error;
  const proposal = { kinds: ['fine' as const], fineYuan: '12345.60', violationCodes: ['wsl-99-equipment'] };
  const steps: [number, 'head' | 'handler', PenaltyCaseAction][] = [
    [18, 'handler', { action: 'start_investigation', investigatorIds }],
    [
      10,
      'handler',
      {
        action: 'issue_notice',
        proposal,
        servedOn: chinaDate(at(10)),
        documentNo: '红应急罚告〔2026〕1号',
      },
    ],
    [10, 'handler', { action: 'waive_rights', note: '当事人书面放弃陈述申辩（演示）' }],
    [
      8,
      'head',
      {
        action: 'decide',
        outcome: 'penalty',
        penalty: proposal,
        creditGrounds: ['repeated_major_hazard'],
        documentNo: '红应急罚〔2026〕1号',
      },
    ],
  ];
  let state = filed.state;
  for (const [daysAgo, role, action] of steps) {
    const step = transitionPenaltyCase(state, action, context(daysAgo, role));
    if (!step.ok) throw step.error;
    state = step.state;
  }
  return state;
}

/**
 * Demo enforcement records (演示), once per database: a disclosed double-random draw of 红塔区 with
 * its verification record and two completed inspections, a penalty case decided from the failed
 * item, and the credit-list candidate that decision made.
 */
export async function loadDemoEnforcementRecords({ db, clock }: { db: Db; clock: Clock }): Promise<void> {
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY]);
  if (done.rowCount) return;
  const now = clock.now();
  await inTransaction(db, async (tx) => {
    // Demo records are written in the name of the one system author (disabled, hidden from the user list).
    const author = await systemUserId(tx);
    const draw = await demoDraw(tx, author, now);
    // Without the demo registry and roster there is nothing to draw from: try again next start.
    if (!draw) return;
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now }),
    ]);
    const source = draw.inspections[0]!;
    const party = await tx.query<{ name: string }>(`SELECT name FROM enterprises WHERE id = $1`, [
      source.enterpriseId,
    ]);
    const state = demoCaseState(author, draw.inspectorIds.slice(0, 2), now);
    const cases = await tx.query<{ id: string }>(
      `INSERT INTO enforcement_cases (enterprise_id, county, inspection_id, party_name, summary, status, state, demo,
         created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8, $9, $9) RETURNING id`,
      [
        source.enterpriseId,
        COUNTY,
        source.id,
        party.rows[0]!.name,
        '可燃气体检测报警装置失效，安全设备的使用不符合国家标准（演示）',
        state.status,
        JSON.stringify(state),
        author,
        now,
      ],
    );
    const candidate = createCreditCandidate(
      {
        enterpriseId: source.enterpriseId,
        penaltyCaseId: cases.rows[0]!.id,
        grounds: state.decision!.creditGrounds,
      },
      { now, actor: { role: 'system', id: author }, calendar: chinaHolidayCalendar },
    );
    if (!candidate.ok) throw candidate.error;
    await tx.query(
      `INSERT INTO credit_listings (enterprise_id, county, case_id, status, state, created_at, updated_at)
       VALUES ($1, $2, $3, 'candidate', $4, $5, $5)`,
      [source.enterpriseId, COUNTY, cases.rows[0]!.id, JSON.stringify(candidate.state), now],
    );
  });
}
