import { chinaDate, whistleAddDays, whistleObjectionReviewDue } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import {
  newPseudonym,
  newQueryCode,
  newSalt,
  newSecret,
  secretHash,
} from '../whistleblowing/whistle-codes.ts';

const DEMO_KEY = 'demo.whistleblowing';

interface DemoReport {
  channel: string;
  category: string;
  description: string;
  daysAgo: number;
  status: string;
  named?: { name: string; idNumber: string; phone: string };
  outcome?: string;
  reply?: string;
  /** The reporter's objection, three days after the reply: waits for the city's review. */
  objection?: string;
  /** Sent with a map pin beside the enterprise (the public page's 地图选点). */
  pinned?: boolean;
}

// Synthetic reports (演示): no real person or event; the one real-name reporter's ID number is a
// valid-looking test number (GB 11643 check digit) of no one.
const reports: DemoReport[] = [
  {
    channel: 'online',
    category: 'major_hazard',
    description: '【演示】仓库安全出口被货物堵塞，夜班无人值守',
    daysAgo: 1,
    status: 'received',
    pinned: true,
  },
  {
    channel: 'phone_12350',
    category: 'illegal_operation',
    description: '【演示】来电反映：无证人员从事电焊作业，未办理动火审批',
    daysAgo: 4,
    status: 'accepted',
  },
  {
    channel: 'online',
    category: 'major_hazard',
    description: '【演示】粉尘车间除尘系统长期停用，积尘严重',
    daysAgo: 20,
    status: 'replied',
    pinned: true,
    outcome: 'true',
    reply: '【演示】经核查，您反映的问题属实，已责令企业停产整改并依法处罚。',
  },
  {
    channel: 'letter',
    category: 'concealed_accident',
    description: '【演示】来信反映：某企业上月发生一起工人受伤事故，未按规定报告',
    daysAgo: 12,
    status: 'accepted',
    named: { name: '演示举报人', idNumber: '11010519491231002X', phone: '13800000000' },
  },
  {
    channel: 'online',
    category: 'illegal_operation',
    description: '【演示】企业在停产整顿期间夜间擅自恢复生产',
    daysAgo: 9,
    status: 'not_accepted',
  },
  {
    // Past its acceptance deadline (逾期; the ladder's 提醒 and 警示 fire on the first run), and the
    // same unit and category as the first report: its duplicate suggestion.
    channel: 'online',
    category: 'major_hazard',
    description: '【演示】仓库通道堆放货物，安全出口上锁',
    daysAgo: 8,
    status: 'received',
  },
  {
    channel: 'online',
    category: 'illegal_operation',
    description: '【演示】企业安排未经培训的临时工进入有限空间作业',
    daysAgo: 30,
    status: 'replied',
    outcome: 'partly_true',
    reply:
      '【演示】经核查，您反映的问题部分属实：有限空间作业审批手续不全，已责令整改；未发现临时工未经培训。',
    objection: '【演示】临时工确未经培训，当天作业人员名单可以证明，请重新核查。',
  },
  {
    // The same unit as the 属实 report above (the 3rd): its second verified report within 12 months,
    // which puts a verified-report deduction on its credit record (信用记录 · 举报核查).
    channel: 'visit',
    category: 'major_hazard',
    description: '【演示】来访反映：粉尘车间清扫记录造假，积尘仍未清理',
    daysAgo: 18,
    status: 'replied',
    outcome: 'partly_true',
    reply: '【演示】经核查，您反映的问题部分属实：积尘未清理属实，已责令整改；清扫记录造假未查实。',
  },
];

/**
 * Demo reports (演示), loaded once, so 举报受理 shows work on the first day: a new online report,
 * a 12350 call being handled, a replied one, a real-name letter (identity sealed under the
 * whistleblowers' key), one not accepted, and a replied one whose reporter objected (异议, waiting
 * for the city's review). Each reporter's code and secret are thrown away. The three verified ones
 * (属实, 部分属实 twice; verified ten days after they came) show on their enterprises' 一企一档 under
 * 举报核查 and weigh in risk-weighted draws; two of them are about one enterprise, whose credit record
 * then carries a verified-report deduction; two online ones carry a map pin some 40 m from their
 * enterprise.
 */
export async function loadDemoWhistleblowing(deps: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
}): Promise<boolean> {
  const { db, clock, cipher } = deps;
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY]);
  if (done.rowCount) return false;
  const today = chinaDate(clock.now());
  const enterprises = await db.query<{ id: string; county: string; lon: number | null; lat: number | null }>(
    'SELECT id, county, lon, lat FROM enterprises WHERE demo ORDER BY id LIMIT 5',
  );
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: clock.now().toISOString(), reports: reports.length }),
    ]);
    for (const [i, report] of reports.entries()) {
      const enterprise = enterprises.rows[i % Math.max(1, enterprises.rows.length)];
      const receivedOn = whistleAddDays(today, -report.daysAgo);
      const decided = report.status !== 'received';
      const pin =
        report.pinned && enterprise?.lon != null && enterprise.lat != null
          ? [Number((enterprise.lon + 0.0003).toFixed(6)), Number((enterprise.lat + 0.0002).toFixed(6))]
          : [null, null];
      const salt = newSalt();
      const row = await tx.query<{ id: string }>(
        `INSERT INTO whistle_reports (query_code, secret_salt, secret_hash, channel, category, description, enterprise_id,
           county, anonymous, pseudonym, received_on, status, acceptance_due, decided_on, decision_reason, verification_due,
           outcome, outcome_note, replied_on, demo, verified_on, lon, lat)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, true, $20, $21, $22)
         RETURNING id`,
        [
          newQueryCode(),
          salt,
          secretHash(salt, newSecret()),
          report.channel,
          report.category,
          report.description,
          enterprise?.id ?? null,
          enterprise?.county ?? '530402',
          !report.named,
          report.named ? newPseudonym() : null,
          receivedOn,
          report.status,
          whistleAddDays(receivedOn, 5),
          decided ? whistleAddDays(receivedOn, 1) : null,
          report.status === 'not_accepted' ? '【演示】该企业已由执法支队立案查处，属重复举报' : null,
          report.status === 'accepted' || report.status === 'replied' ? whistleAddDays(receivedOn, 61) : null,
          report.outcome ?? null,
          report.outcome ? '【演示】现场检查属实' : null,
          report.reply ? whistleAddDays(receivedOn, 15) : null,
          report.outcome ? whistleAddDays(receivedOn, 10) : null,
          pin[0],
          pin[1],
        ],
      );
      const id = row.rows[0]!.id;
      if (report.named)
        await tx.query(
          `INSERT INTO whistle_identities (report_id, name_sealed, id_number_sealed, phone_sealed) VALUES ($1, $2, $3, $4)`,
          [
            id,
            cipher.encrypt(report.named.name),
            cipher.encrypt(report.named.idNumber),
            cipher.encrypt(report.named.phone),
          ],
        );
      if (report.outcome === 'true')
        // The reward ledger's demo line: 15 % of a ¥40,000 fine, proposed by the system account.
        await tx.query(
          `INSERT INTO whistle_rewards (report_id, status, amount_yuan, basis, rule_id, source, proposed_by, proposed_at)
           SELECT $1, 'proposed', 6000, 'fine_percent', 'yunnan-2023', '【演示】按罚款 15% 计算', id, $2
             FROM users WHERE lower(username) = 'system'`,
          [id, clock.now()],
        );
      if (report.reply)
        await tx.query(
          `INSERT INTO whistle_messages (report_id, seq, author, written_on, body) VALUES ($1, 1, 'bureau', $2, $3)`,
          [id, whistleAddDays(receivedOn, 15), report.reply],
        );
      if (report.objection) {
        const filedOn = whistleAddDays(receivedOn, 18);
        await tx.query(
          `INSERT INTO whistle_objections (report_id, filed_on, reason, objected_to, review_due)
           VALUES ($1, $2, $3, 'replied', $4)`,
          [id, filedOn, report.objection, whistleObjectionReviewDue(filedOn)],
        );
      }
    }
  });
  return true;
}
