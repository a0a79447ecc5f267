import {
  addCalendarDays,
  chinaDate,
  defaultAgencyValidUntil,
  defaultObligationParameters,
  generateSyntheticCreditCode,
  type AgencyField,
  type AgencyReportKind,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { createAgenciesRepository } from '../obligations/index.ts';
import { namedEnterprises } from './demo-named-sites.ts';

const DEMO_KEY = 'demo.obligation_agencies';

/** The registry sectors a site's service falls in, as an agency field (令第1号 scope). */
function fieldOf(sectors: readonly string[]): AgencyField | null {
  if (sectors.includes('non_coal_mine')) return 'mine';
  if (sectors.some((s) => s === 'metallurgy' || s === 'nonferrous')) return 'metal_smelting';
  if (sectors.some((s) => s === 'fireworks' || s.startsWith('hazchem'))) return 'dangerous_goods';
  return null;
}

/**
 * Demo technical service agencies (演示), loaded once: an assessment agency in good standing (one
 * of its reports signed by an assessor who had left), one whose qualification lapsed and which kept
 * issuing, outside its scope too, and a testing agency for mine equipment; their reports for the
 * plan's named sites, so the agencies page shows sound and flagged work.
 */
export async function loadDemoObligationAgencies(deps: { db: Db; clock: Clock }): Promise<boolean> {
  const { db, clock } = deps;
  if ((await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY])).rowCount) return false;
  const sites = (
    await db.query<{ id: string; name: string; county: string; sectors: string[] }>(
      'SELECT id, name, county, sectors FROM enterprise_directory WHERE name = ANY ($1::text[]) ORDER BY name',
      [namedEnterprises.map((e) => e.name)],
    )
  ).rows;
  const now = clock.now();
  const today = chinaDate(now);
  const repo = createAgenciesRepository(db);
  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now }),
    ]);
    const agency = async (
      serial: number,
      name: string,
      qualification: 'safety_assessment' | 'testing_inspection',
      fields: AgencyField[],
      validFrom: string,
    ) =>
      repo.insertAgency(
        tx,
        {
          name,
          creditCode: generateSyntheticCreditCode(serial, { divisionCode: '530102' }),
          qualification,
          qualificationNumber: `演示资质-${serial}`,
          fields,
          authority: '云南省应急管理厅',
          validFrom,
          validUntil: defaultAgencyValidUntil(validFrom, defaultObligationParameters),
        },
        true,
        now,
      );
    const sound = await agency(
      9901,
      '云南演示安全评价有限公司（演示）',
      'safety_assessment',
      ['mine', 'metal_smelting', 'dangerous_goods'],
      addCalendarDays(today, -900),
    );
    // Its five years ran out 30 days ago.
    const lapsed = await agency(
      9902,
      '昆明演示安全技术咨询有限公司（演示）',
      'safety_assessment',
      ['dangerous_goods'],
      addCalendarDays(today, -5 * 365 - 31),
    );
    const testing = await agency(
      9903,
      '云南演示矿山设备检测检验有限公司（演示）',
      'testing_inspection',
      ['mine_special_equipment'],
      addCalendarDays(today, -400),
    );
    const staff: [string, string, string, string, string | null][] = [
      [sound, '杨演示', 'PJS-演示-001', addCalendarDays(today, -900), null],
      [sound, '普演示', 'PJS-演示-002', addCalendarDays(today, -900), null],
      [sound, '段演示', 'PJS-演示-003', addCalendarDays(today, -900), addCalendarDays(today, -200)],
      [lapsed, '施演示', 'PJS-演示-101', addCalendarDays(today, -1900), null],
      [lapsed, '龙演示', 'PJS-演示-102', addCalendarDays(today, -1900), null],
      [testing, '周演示', 'JCS-演示-201', addCalendarDays(today, -400), null],
      [testing, '陈演示', 'JCS-演示-202', addCalendarDays(today, -400), null],
    ];
    for (const [agencyId, name, registrationNumber, registeredOn, leftOn] of staff)
      await repo.insertStaff(
        tx,
        {
          agencyId,
          name,
          role: agencyId === testing ? 'engineer' : 'assessor',
          registrationNumber,
          registeredOn,
          leftOn,
        },
        now,
      );
    const signers = (...numbers: string[]) =>
      numbers.map((n) => ({ name: staff.find((s) => s[2] === n)![1], registrationNumber: n }));
    let serial = 0;
    const file = (
      site: (typeof sites)[number],
      agencyId: string,
      kind: AgencyReportKind,
      field: AgencyField,
      issuedOn: string,
      by: { name: string; registrationNumber: string }[],
    ) => {
      const n = serial + 1;
      // 令第1号: published on the website a few days after issue, notice 20 days before on-site
      // work; the third report is still not published, the fourth gave notice two days ahead.
      const onsiteFrom = addCalendarDays(issuedOn, -30);
      return repo.insertReport(
        tx,
        {
          agencyId,
          enterpriseId: site.id,
          county: site.county,
          kind,
          field,
          title: `${site.name}${kind === 'testing' ? '提升设备检测检验报告' : '安全现状评价报告'}`,
          reportNumber: `演示报告-${String((serial += 1)).padStart(3, '0')}`,
          issuedOn,
          conclusion: serial % 5 === 0 ? 'meets_after_rectification' : 'meets',
          signers: by,
          onsiteFrom,
          noticeOn: addCalendarDays(onsiteFrom, n === 4 ? -2 : -20),
          disclosedOn: n === 3 ? null : addCalendarDays(issuedOn, 5),
          disclosureUrl: n === 3 ? null : `https://example.cn/演示/公开/${n}`,
          disclosedItems: n === 3 ? null : '项目名称、委托单位、报告结论、项目组成员、现场照片（演示）',
        },
        true,
        now,
      );
    };
    for (const [index, site] of sites.entries()) {
      const field = fieldOf(site.sectors);
      if (!field) continue;
      const issuedOn = addCalendarDays(today, -20 - index * 13);
      if (field === 'dangerous_goods' && index % 2 === 1) {
        // Issued after the qualification lapsed.
        await file(
          site,
          lapsed,
          'status_assessment',
          field,
          issuedOn,
          signers('PJS-演示-101', 'PJS-演示-102'),
        );
        continue;
      }
      // One report signed by the assessor who left 200 days ago.
      const by =
        index === 1 ? signers('PJS-演示-001', 'PJS-演示-003') : signers('PJS-演示-001', 'PJS-演示-002');
      await file(site, sound, 'status_assessment', field, issuedOn, by);
      if (field === 'mine')
        await file(
          site,
          testing,
          'testing',
          'mine_special_equipment',
          issuedOn,
          signers('JCS-演示-201', 'JCS-演示-202'),
        );
    }
    // A mine assessed by an agency whose scope is dangerous goods only.
    const mine = sites.find((s) => fieldOf(s.sectors) === 'mine');
    if (mine)
      await file(
        mine,
        lapsed,
        'status_assessment',
        'mine',
        addCalendarDays(today, -400),
        signers('PJS-演示-101', 'PJS-演示-102'),
      );
  });
  return true;
}
