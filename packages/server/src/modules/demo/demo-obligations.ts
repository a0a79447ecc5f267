import {
  addCalendarDays,
  chinaDate,
  defaultCertificateDates,
  defaultObligationParameters,
  maskIdNumber,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import {
  createInsuranceRepository,
  createPapersRepository,
  createPeopleRepository,
} from '../obligations/index.ts';
import { namedEnterprises } from './demo-named-sites.ts';

const DEMO_KEY = 'demo.obligations';
const SURNAMES = ['张', '李', '王', '赵', '杨', '刘', '陈', '周', '普', '段', '施', '龙'];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid (check digit) but invented 身份证号 of the county, for the demo only. */
function demoIdNumber(county: string, index: number): string {
  const body = `${county}1985${String((index % 12) + 1).padStart(2, '0')}${String((index % 28) + 1).padStart(2, '0')}${String(100 + index).slice(-3)}`;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11]!;
}

interface Site {
  id: string;
  name: string;
  county: string;
  sectors: string[];
}

/**
 * Demo obligations (演示), loaded once, for the plan's named sites: each site's principal, safety
 * manager and special-operation workers with certificates (some due for review, one lapsed, one
 * worker without a certificate so the gap shows), 安责险 policies (two mandatory units uninsured,
 * one under the 2025 minimum), licence renewals at every step and 三同时 projects.
 */
export async function loadDemoObligations(deps: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
}): Promise<boolean> {
  const { db, clock, cipher } = deps;
  if ((await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY])).rowCount) return false;
  const sites = (
    await db.query<Site>(
      'SELECT id, name, county, sectors FROM enterprise_directory WHERE name = ANY ($1::text[]) ORDER BY name',
      [namedEnterprises.map((e) => e.name)],
    )
  ).rows;
  const now = clock.now();
  const today = chinaDate(now);
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now }),
    ]);
    for (const [index, site] of sites.entries()) {
      await seedPeople(tx, { site, index, today, now, cipher });
      await seedPolicy(tx, { site, index, today, now });
    }
    await seedPapers(tx, sites, today, now);
  });
  return true;
}

async function seedPeople(
  tx: Queryable,
  ctx: { site: Site; index: number; today: string; now: Date; cipher: FieldCipher },
) {
  const { site, index, today, now, cipher } = ctx;
  const people = createPeopleRepository(tx as Db);
  const staff = [
    { post: 'principal', operation: null, role: '总经理' },
    { post: 'safety_manager', operation: null, role: '安全环保部部长' },
    { post: 'special_operation', operation: 'electrical', role: '电工' },
    { post: 'special_operation', operation: 'welding', role: '焊工' },
  ] as const;
  for (const [n, member] of staff.entries()) {
    const serial = index * 4 + n;
    const idNumber = demoIdNumber(site.county, serial);
    const personId = await people.insert(
      tx,
      {
        enterpriseId: site.id,
        county: site.county,
        name: `${SURNAMES[serial % SURNAMES.length]}演示${n + 1}`,
        idNumberEnc: cipher.encrypt(idNumber),
        idNumberMasked: maskIdNumber(idNumber),
        post: member.post,
        operation: member.operation,
        position: member.role,
      },
      true,
      now,
    );
    // Every third site's welder works uncertified: the gap an inspector finds.
    if (member.operation === 'welding' && index % 3 === 0) continue;
    const kind = member.post === 'special_operation' ? 'special_operation' : member.post;
    // Spread issue dates so some certificates are due for review or renewal within 60 days.
    const issuedOn = addCalendarDays(
      today,
      -((serial * 97) % (kind === 'special_operation' ? 2100 : 1080)) - 40,
    );
    const dates = defaultCertificateDates(kind, issuedOn, defaultObligationParameters);
    await people.insertCertificate(
      tx,
      {
        personId,
        kind,
        number: `演示${site.county}${String(serial).padStart(4, '0')}`,
        operation: member.operation,
        authority: kind === 'special_operation' ? '云南省应急管理厅' : '玉溪市应急管理局',
        issuedOn,
        expiresOn: dates.expiresOn,
        reviewDueOn: dates.reviewDueOn,
        reviewedOn: null,
      },
      true,
      now,
    );
    await people.insertTraining(
      tx,
      personId,
      {
        course:
          kind === 'special_operation' ? '特种作业复审培训（演示）' : '安全生产知识和管理能力再培训（演示）',
        institution: '玉溪市安全生产培训中心（演示）',
        hours: kind === 'special_operation' ? 8 : 16,
        completedOn: addCalendarDays(today, -30 - serial),
        examScore: 80 + (serial % 20),
        passed: true,
      },
      now,
    );
  }
}

async function seedPolicy(tx: Queryable, ctx: { site: Site; index: number; today: string; now: Date }) {
  const { site, index, today, now } = ctx;
  // Two units left uninsured and one under the 2025 minimum, so the coverage list has work.
  if (index === 1 || index === 4) return;
  const starts = addCalendarDays(today, -((index * 37) % 300) - 20);
  await createInsuranceRepository(tx as Db).insert(
    tx,
    {
      enterpriseId: site.id,
      county: site.county,
      insurer: ['中国人民财产保险股份有限公司玉溪市分公司', '中国太平洋财产保险股份有限公司玉溪中心支公司'][
        index % 2
      ]!,
      policyNumber: `演示安责险${site.county}${String(index).padStart(3, '0')}`,
      startsOn: starts,
      endsOn: addCalendarDays(starts, 364),
      insuredPersons: 50 + index * 30,
      perPersonYuan: index === 7 ? 300_000 : 500_000,
      premiumYuan: (50 + index * 30) * 600,
    },
    true,
    now,
  );
}

async function seedPapers(tx: Queryable, sites: Site[], today: string, now: Date) {
  const papers = createPapersRepository(tx as Db);
  const steps = ['accepted', 'reviewed', 'decided'] as const;
  for (const [index, site] of sites.slice(0, 4).entries()) {
    const submittedOn = addCalendarDays(today, -10 - index * 12);
    const id = await papers.insertApplication(
      tx,
      {
        enterpriseId: site.id,
        county: site.county,
        licenceType: site.sectors.includes('fireworks') ? 'fireworks_wholesale' : 'safety_production',
        kind: 'renewal',
        submittedOn,
        notes: '演示：安全生产许可证延期换证',
      },
      true,
      now,
    );
    for (const [n, step] of steps.slice(0, index).entries()) {
      const decided = step === 'decided';
      await papers.recordStep(
        tx,
        id,
        step,
        {
          on: addCalendarDays(submittedOn, 3 + n * 10),
          approved: decided ? true : null,
          licenceNumber: decided ? `（云）FM安许证字〔演示〕${index}号` : null,
          validUntil: decided ? addCalendarDays(submittedOn, 3 * 365) : null,
          notes: null,
        },
        now,
      );
    }
  }
  const projectSteps = ['pre_assessment', 'design_review', 'construction', 'completion'] as const;
  for (const [index, site] of sites.slice(0, 3).entries()) {
    const projectId = await papers.insertProject(
      tx,
      {
        enterpriseId: site.id,
        county: site.county,
        name: `${site.name.replace(/（.*?）/g, '')}扩建工程（演示）`,
        nature: 'expanded',
        // The second project runs before its completion acceptance: the flag the bureau acts on.
        productionStartedOn: index === 1 ? addCalendarDays(today, -15) : null,
      },
      true,
      now,
    );
    for (const [n, step] of projectSteps.slice(0, index + 2).entries()) {
      await papers.insertProjectStep(
        tx,
        projectId,
        {
          step,
          passed: true,
          completedOn: addCalendarDays(today, -400 + n * 90),
          agency: n === 0 || n === 3 ? '云南演示安全评价有限公司' : null,
          documents: [
            n === 0
              ? '安全预评价报告'
              : n === 1
                ? '安全设施设计专篇'
                : n === 2
                  ? '试运行方案'
                  : '安全验收评价报告',
          ],
          decision: n === 1 ? '同意安全设施设计（演示）' : null,
        },
        null,
        now,
      );
    }
  }
}
