import {
  agencyCreditStanding,
  agencyReportFlags,
  chinaDate,
  chinaHolidayCalendar,
  defaultAgencyValidUntil,
  DomainError,
  type Agency,
  type AgencyDetail,
  type AgencyInput,
  type AgencyQualification,
  type AgencyReport,
  type AgencyReportDisclosureInput,
  type AgencyReportInput,
  type AgencyReportNoticeInput,
  type HolidayCalendar,
  type AgencyStaffInput,
  type ObligationParameters,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import type { PageRequest } from '../../platform/sql-page.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import type {
  AgenciesRepository,
  AgencyCreditRecordRow,
  AgencyRecord,
  AgencyReportRecord,
  AgencyStaffRecord,
} from './agencies.repository.ts';

const pageOfRows = <T>(rows: T[], page: PageRequest) => {
  const start = (page.page - 1) * page.pageSize;
  return { items: rows.slice(start, start + page.pageSize), total: rows.length, ...page };
};

/**
 * 安全评价检测检验机构: the register, their staff and the reports they file. A report's flags are
 * judged on read from the agency's qualification and staff as recorded (so a corrected record
 * clears them); the flagged reports in the caller's scope count against the agency.
 */
export function createAgenciesService(deps: {
  db: Db;
  clock: Clock;
  agencies: AgenciesRepository;
  enterprises: EnterpriseLookup;
  parameters: ObligationParameters;
  calendar?: HolidayCalendar;
}) {
  const { db, clock, agencies, enterprises, parameters } = deps;
  const calendar = deps.calendar ?? chinaHolidayCalendar;

  async function staffByAgency(ids: readonly string[]) {
    const byAgency = new Map<string, AgencyStaffRecord[]>();
    for (const s of await agencies.staffOf(ids))
      byAgency.set(s.agencyId, [...(byAgency.get(s.agencyId) ?? []), s]);
    return byAgency;
  }

  function judge(
    report: AgencyReportRecord,
    agency: AgencyRecord,
    staff: readonly AgencyStaffRecord[],
  ): AgencyReport {
    const today = chinaDate(clock.now());
    return { ...report, flags: agencyReportFlags(report, agency, staff, parameters, { today, calendar }) };
  }

  async function judged(reports: AgencyReportRecord[]): Promise<AgencyReport[]> {
    const ids = [...new Set(reports.map((r) => r.agencyId))];
    const staff = await staffByAgency(ids);
    const records = new Map<string, AgencyRecord>();
    for (const id of ids) records.set(id, (await agencies.findAgency(id))!);
    return reports.map((r) => judge(r, records.get(r.agencyId)!, staff.get(r.agencyId) ?? []));
  }

  async function creditByAgency(ids: readonly string[]) {
    const byAgency = new Map<string, AgencyCreditRecordRow[]>();
    for (const c of await agencies.creditRecordsOf(ids))
      byAgency.set(c.agencyId, [...(byAgency.get(c.agencyId) ?? []), c]);
    return byAgency;
  }

  function summary(
    agency: AgencyRecord,
    staff: number,
    reports: AgencyReport[],
    credit: readonly AgencyCreditRecordRow[],
  ): Agency {
    const today = chinaDate(clock.now());
    const standing = agencyCreditStanding(credit);
    return {
      ...agency,
      creditScore: standing.score,
      blacklisted: standing.blacklisted,
      inForce: agency.validFrom <= today && today <= agency.validUntil,
      staffCount: staff,
      reportCount: reports.length,
      flaggedReportCount: reports.filter((r) => r.flags.length > 0).length,
    };
  }

  async function detail(auth: AuthContext, id: string): Promise<AgencyDetail> {
    const agency = await agencies.findAgency(id);
    if (!agency) throw new DomainError('obligations.agency_not_found');
    const staff = (await staffByAgency([id])).get(id) ?? [];
    const reports = (await agencies.reportsIn(auth.scope, { agencyId: id })).map((r) =>
      judge(r, agency, staff),
    );
    const credit = (await creditByAgency([id])).get(id) ?? [];
    return {
      ...summary(agency, staff.length, reports, credit),
      staff: staff.map(({ agencyId: _, ...s }) => s),
      reports,
      creditRecords: credit.map(({ agencyId: _, ...c }) => c),
    };
  }

  return {
    /** Every agency with its record in the caller's scope; a region has some hundreds at most. */
    async listAgencies(
      auth: AuthContext,
      filter: {
        q?: string | undefined;
        qualification?: AgencyQualification | undefined;
        flagged?: 'true' | 'false' | undefined;
      },
      page: PageRequest,
    ) {
      const list = await agencies.listAgencies(filter);
      const staff = await staffByAgency(list.map((a) => a.id));
      const credit = await creditByAgency(list.map((a) => a.id));
      const reports = await judged(await agencies.reportsIn(auth.scope, {}));
      const rows = list
        .map((a) =>
          summary(
            a,
            staff.get(a.id)?.length ?? 0,
            reports.filter((r) => r.agencyId === a.id),
            credit.get(a.id) ?? [],
          ),
        )
        .filter((a) => !filter.flagged || a.flaggedReportCount > 0 === (filter.flagged === 'true'));
      return pageOfRows(rows, page);
    },

    getAgency: detail,

    async createAgency(auth: AuthContext, input: AgencyInput) {
      const validUntil = input.validUntil ?? defaultAgencyValidUntil(input.validFrom, parameters);
      const id = await inTransaction(db, async (tx) => {
        await tx.query('LOCK TABLE obligation_agencies IN SHARE ROW EXCLUSIVE MODE');
        if (await agencies.agencyTaken(input.creditCode, input.qualificationNumber, tx))
          throw new DomainError('obligations.agency_taken');
        return agencies.insertAgency(tx, { ...input, validUntil }, false, clock.now());
      });
      return detail(auth, id);
    },

    async addStaff(auth: AuthContext, agencyId: string, input: AgencyStaffInput) {
      if (!(await agencies.findAgency(agencyId))) throw new DomainError('obligations.agency_not_found');
      const id = await agencies.insertStaff(
        db,
        { ...input, agencyId, leftOn: input.leftOn ?? null },
        clock.now(),
      );
      if (!id) throw new DomainError('obligations.agency_staff_taken');
      return detail(auth, agencyId);
    },

    async fileReport(auth: AuthContext, input: AgencyReportInput): Promise<AgencyReport> {
      const enterprise = await enterprises.findById(input.enterpriseId, auth.scope);
      if (!enterprise) throw new DomainError('enterprise.not_found');
      if (!(await agencies.findAgency(input.agencyId))) throw new DomainError('obligations.agency_not_found');
      const id = await agencies.insertReport(
        db,
        {
          ...input,
          county: enterprise.county,
          onsiteFrom: input.onsiteFrom ?? null,
          noticeOn: input.noticeOn ?? null,
          disclosedOn: input.disclosedOn ?? null,
          disclosureUrl: input.disclosureUrl ?? null,
          disclosedItems: input.disclosedItems ?? null,
        },
        false,
        clock.now(),
      );
      if (!id) throw new DomainError('obligations.agency_report_taken');
      return (await judged([(await agencies.findReport(id))!]))[0]!;
    },

    /** 信息公开: where and what the agency published; a report outside the scope is not found. */
    async recordDisclosure(auth: AuthContext, id: string, input: AgencyReportDisclosureInput) {
      const report = await agencies.findReport(id, auth.scope);
      if (!report) throw new DomainError('obligations.agency_report_not_found');
      if (input.disclosedOn < report.issuedOn) throw new DomainError('obligations.dates_out_of_order');
      await agencies.setDisclosure(id, input);
      return (await judged([(await agencies.findReport(id))!]))[0]!;
    },

    /** 书面告知 before the on-site work of the service the report rests on. */
    async recordNotice(auth: AuthContext, id: string, input: AgencyReportNoticeInput) {
      if (!(await agencies.findReport(id, auth.scope)))
        throw new DomainError('obligations.agency_report_not_found');
      await agencies.setNotice(id, input);
      return (await judged([(await agencies.findReport(id))!]))[0]!;
    },

    async listReports(
      auth: AuthContext,
      filter: Parameters<AgenciesRepository['reportsIn']>[1] & { flagged?: 'true' | 'false' | undefined },
      page: PageRequest,
    ) {
      const rows = (await judged(await agencies.reportsIn(auth.scope, filter))).filter(
        (r) => !filter.flagged || r.flags.length > 0 === (filter.flagged === 'true'),
      );
      return pageOfRows(rows, page);
    },
  };
}

export type AgenciesService = ReturnType<typeof createAgenciesService>;
