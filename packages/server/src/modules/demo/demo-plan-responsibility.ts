import { chinaDate } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import { createAssessmentRepository } from '../plan/assessment.repository.ts';
import { createResponsibilityListsRepository } from '../plan/responsibility-lists.repository.ts';
import { systemUserId } from '../users/index.ts';

const DEMO_SELF_KEY = 'demo.plan.self_assessments';
const DEMO_LISTS_KEY = 'demo.plan.responsibility_lists';
/** The demo assessment's name (last year's, scored, and this year's, open) and its items. */
export const DEMO_ASSESSMENT = '（演示）安全生产目标责任考核';
const DAY_MS = 86_400_000;

export const demoAssessmentItems = [
  { code: 'duty', name: '责任体系落实', maxScore: 30 },
  { code: 'prevention', name: '双重预防机制', maxScore: 25 },
  { code: 'enforcement', name: '监管执法', maxScore: 25 },
  { code: 'emergency', name: '应急救援', maxScore: 20 },
];

const selfComments: Readonly<Record<string, string>> = {
  duty: '（演示）党政同责、一岗双责落实，年度责任书签订率 100%',
  prevention: '（演示）重点企业风险分级管控和隐患排查治理体系全部建成',
  enforcement: '（演示）年度执法计划完成，执法检查记录齐全',
  emergency: '（演示）开展综合应急演练 2 次，预案全部备案',
};

/** A unit's self-score: what the assessors gave plus a little (units rate themselves higher), capped. */
const selfScore = (max: number, given: number, index: number) =>
  Math.min(max, given + ((index % 3) + 1) * 0.5);

/**
 * Demo self-assessments (演示), loaded once (their own key, so a database whose plan demo came
 * earlier gets them too): every county's self-assessment of last year's demo assessment, entered a
 * week before the assessors scored, its results published; and this year's assessment of the nine counties, open, with
 * four counties self-assessed and none scored yet — so the page shows self-scores on the first day.
 */
export async function loadDemoSelfAssessments(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  if ((await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_SELF_KEY])).rowCount) return false;
  const now = clock.now();
  const year = Number(chinaDate(now).slice(0, 4));
  const author = await systemUserId(db);
  const repository = createAssessmentRepository(db);
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_SELF_KEY,
      JSON.stringify({ loadedAt: now }),
    ]);
    const scored = await tx.query<{
      assessment_id: string;
      organisation_id: string;
      scores: Record<string, number>;
      scored_at: Date;
    }>(
      `SELECT u.assessment_id, u.organisation_id, u.scores, u.scored_at FROM plan_assessment_units u
         JOIN plan_assessments a ON a.id = u.assessment_id JOIN organisations o ON o.id = u.organisation_id
        WHERE a.demo AND a.year = $1 AND a.name = $2 AND u.scored_at IS NOT NULL ORDER BY o.division_code`,
      [year - 1, DEMO_ASSESSMENT],
    );
    for (const [index, unit] of scored.rows.entries())
      await repository.saveSelfScores(
        tx,
        unit.assessment_id,
        unit.organisation_id,
        demoAssessmentItems.map((item) => ({
          code: item.code,
          score: selfScore(item.maxScore, unit.scores[item.code] ?? 0, index),
          comment: selfComments[item.code]!,
          evidence: [],
        })),
        author,
        new Date(unit.scored_at.getTime() - 7 * DAY_MS),
      );
    // Last year's results were published (通报) when the last unit was scored.
    await tx.query(
      `UPDATE plan_assessments a SET published_by = $3,
              published_at = (SELECT max(scored_at) FROM plan_assessment_units WHERE assessment_id = a.id)
        WHERE a.demo AND a.year = $1 AND a.name = $2 AND a.published_at IS NULL`,
      [year - 1, DEMO_ASSESSMENT, author],
    );
    await openAssessment(tx, repository, year, author, now);
  });
  return true;
}

/** This year's demo assessment, not yet scored, with the first four counties self-assessed. */
async function openAssessment(
  tx: Queryable,
  repository: ReturnType<typeof createAssessmentRepository>,
  year: number,
  author: string,
  now: Date,
) {
  const counties = await tx.query<{ id: string }>(
    "SELECT id FROM organisations WHERE kind = 'county' ORDER BY division_code",
  );
  const id = await repository.insert(
    tx,
    {
      year,
      name: DEMO_ASSESSMENT,
      items: demoAssessmentItems,
      organisationIds: counties.rows.map((r) => r.id),
    },
    author,
    new Date(now.getTime() - 20 * DAY_MS),
    true,
  );
  if (!id) return;
  for (const [index, county] of counties.rows.slice(0, 4).entries())
    await repository.saveSelfScores(
      tx,
      id,
      county.id,
      demoAssessmentItems.map((item) => ({
        code: item.code,
        score: item.maxScore - 1 - (index % 3),
        comment: selfComments[item.code]!,
        evidence: [],
      })),
      author,
      new Date(now.getTime() - (5 - index) * DAY_MS),
    );
}

/** Demo lists: [title, kind, unit code or null, holder (a leader's post), versions' items]. */
const demoLists: readonly [string, 'leader' | 'department' | 'county', string | null, string, string[][]][] =
  [
    [
      '（演示）市长安全生产工作责任清单',
      'leader',
      null,
      '市长',
      [
        [
          '把安全生产纳入政府重点工作和政府工作报告的重要内容',
          '组织制定安全生产规划并纳入国民经济和社会发展规划',
          '每季度至少研究一次安全生产工作，协调解决重大问题',
          '组织实施安全生产责任制和安全生产责任考核制度',
          '组织开展安全生产巡查，督促整改重大事故隐患',
        ],
        [
          '把安全生产纳入政府重点工作和政府工作报告的重要内容',
          '组织制定安全生产规划并纳入国民经济和社会发展规划',
          '每季度至少研究一次安全生产工作，协调解决重大问题',
          '组织实施安全生产责任制和安全生产责任考核制度',
          '组织开展安全生产巡查，对重大事故隐患挂牌督办并督促整改销号',
          '推动安全生产治本攻坚三年行动落实',
        ],
      ],
    ],
    [
      '（演示）分管副市长安全生产工作责任清单',
      'leader',
      null,
      '分管安全生产工作的副市长',
      [
        [
          '协助市长抓好安全生产工作，主持市安委会日常工作',
          '组织开展安全生产专项整治和执法检查',
          '组织指导生产安全事故应急救援和调查处理',
        ],
      ],
    ],
    [
      '（演示）市住房和城乡建设局安全生产责任清单',
      'department',
      'city-housing',
      '',
      [
        [
          '负责房屋建筑和市政工程施工安全监督管理',
          '负责城镇燃气行业安全监督管理',
          '组织开展建筑施工领域隐患排查治理',
          '按月报送行业领域安全生产统计分析',
        ],
        [
          '负责房屋建筑和市政工程施工安全监督管理',
          '负责城镇燃气行业安全监督管理，推进燃气管道老化更新改造',
          '组织开展建筑施工领域隐患排查治理',
          '按月报送行业领域安全生产统计分析',
          '督促自建房安全专项整治，建立排查整治台账',
        ],
      ],
    ],
    [
      '（演示）市交通运输局安全生产责任清单',
      'department',
      'city-transport',
      '',
      [
        [
          '负责道路运输、水路运输安全监督管理',
          '负责公路水运工程建设安全监督管理',
          '组织开展“两客一危”车辆动态监控',
        ],
      ],
    ],
    [
      '（演示）红塔区人民政府安全生产责任清单',
      'county',
      'county-530402',
      '',
      [
        [
          '落实属地管理责任，建立健全乡镇（街道）安全生产责任体系',
          '组织开展本区域安全生产检查和隐患排查治理',
          '组织本区域生产安全事故应急救援',
        ],
      ],
    ],
  ];

/**
 * Demo responsibility lists (演示), loaded once: two city leaders', two departments' and a county's,
 * three of them revised once (a reworded item and an added one), so the list page shows a current
 * version and the 历史版本 drawer a change on the first day.
 */
export async function loadDemoResponsibilityLists(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  if ((await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_LISTS_KEY])).rowCount) return false;
  const now = clock.now();
  const author = await systemUserId(db);
  const lists = createResponsibilityListsRepository(db);
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_LISTS_KEY,
      JSON.stringify({ loadedAt: now }),
    ]);
    for (const [title, kind, unit, post, [first, ...later]] of demoLists) {
      const organisation = unit
        ? (
            await tx.query<{ id: string; name: string }>(
              'SELECT id, name FROM organisations WHERE code = $1',
              [unit],
            )
          ).rows[0]
        : undefined;
      if (unit && !organisation) continue;
      const id = await lists.insert(
        tx,
        {
          kind,
          organisationId: organisation?.id ?? null,
          holder: organisation?.name ?? post,
          title,
          items: first!,
          note: '（演示）依据《地方党政领导干部安全生产责任制规定》（厅字〔2018〕13号）制定',
        },
        author,
        new Date(now.getTime() - 200 * DAY_MS),
        true,
      );
      if (!id) continue;
      for (const [index, items] of later.entries())
        await lists.addVersion(
          tx,
          id,
          index + 2,
          items,
          '（演示）按治本攻坚三年行动要求修订',
          author,
          new Date(now.getTime() - 30 * DAY_MS),
        );
    }
  });
  return true;
}
