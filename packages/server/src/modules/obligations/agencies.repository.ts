import type {
  AgencyCreditKind,
  SpotCheckSeverity,
  AgencyField,
  AgencyQualification,
  AgencyReportConclusion,
  AgencyReportKind,
  AgencyStaffRole,
  DataScope,
} from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { conditionsOf, containing } from './obligations-sql.ts';

export interface AgencyRecord {
  id: string;
  name: string;
  creditCode: string;
  qualification: AgencyQualification;
  qualificationNumber: string;
  fields: AgencyField[];
  authority: string;
  validFrom: string;
  validUntil: string;
  demo: boolean;
}

export interface AgencyStaffRecord {
  id: string;
  agencyId: string;
  name: string;
  role: AgencyStaffRole;
  registrationNumber: string;
  registeredOn: string;
  leftOn: string | null;
}

export interface AgencyReportRecord {
  id: string;
  agencyId: string;
  agencyName: string;
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  kind: AgencyReportKind;
  field: AgencyField;
  title: string;
  reportNumber: string;
  issuedOn: string;
  conclusion: AgencyReportConclusion;
  signers: { name: string; registrationNumber: string }[];
  disclosedOn: string | null;
  disclosureUrl: string | null;
  disclosedItems: string | null;
  onsiteFrom: string | null;
  noticeOn: string | null;
  demo: boolean;
}

export interface AgencyCreditRecordRow {
  id: string;
  agencyId: string;
  kind: AgencyCreditKind;
  points: number;
  problem: string;
  severity: SpotCheckSeverity;
  reportNumber: string;
  recordedOn: string;
  demo: boolean;
}

type ReportFacts = Omit<
  AgencyReportRecord,
  'id' | 'agencyName' | 'enterpriseName' | 'demo' | 'disclosedOn' | 'disclosureUrl' | 'disclosedItems'
> &
  Partial<Pick<AgencyReportRecord, 'disclosedOn' | 'disclosureUrl' | 'disclosedItems'>>;

const AGENCY = `SELECT id, name, credit_code AS "creditCode", qualification, qualification_number AS "qualificationNumber",
    fields, authority, valid_from::text AS "validFrom", valid_until::text AS "validUntil", demo
  FROM obligation_agencies`;

const STAFF = `SELECT id, agency_id AS "agencyId", name, role, registration_number AS "registrationNumber",
    registered_on::text AS "registeredOn", left_on::text AS "leftOn"
  FROM obligation_agency_staff`;

const REPORT = `SELECT r.id, r.agency_id AS "agencyId", a.name AS "agencyName", r.enterprise_id AS "enterpriseId",
    e.name AS "enterpriseName", r.county, r.kind, r.field, r.title, r.report_number AS "reportNumber",
    r.issued_on::text AS "issuedOn", r.conclusion, r.signers, r.disclosed_on::text AS "disclosedOn",
    r.disclosure_url AS "disclosureUrl", r.disclosed_items AS "disclosedItems", r.onsite_from::text AS "onsiteFrom",
    r.notice_on::text AS "noticeOn", r.demo
  FROM obligation_agency_reports r
  JOIN obligation_agencies a ON a.id = r.agency_id
  JOIN enterprise_directory e ON e.id = r.enterprise_id`;

/**
 * The agencies register. Agencies answer to the province and work city-wide, so they carry no
 * county; their reports belong to the enterprise they were written for and follow its scope.
 */
export function createAgenciesRepository(db: Db) {
  return {
    async listAgencies(filter: {
      q?: string | undefined;
      qualification?: AgencyQualification | undefined;
    }): Promise<AgencyRecord[]> {
      const params: unknown[] = [];
      const where = ['TRUE'];
      if (filter.q) {
        params.push(containing(filter.q));
        where.push(`(name ILIKE $${params.length} OR qualification_number ILIKE $${params.length})`);
      }
      if (filter.qualification) {
        params.push(filter.qualification);
        where.push(`qualification = $${params.length}`);
      }
      return (
        await db.query<AgencyRecord>(`${AGENCY} WHERE ${where.join(' AND ')} ORDER BY name, id`, params)
      ).rows;
    },

    async findAgency(id: string, source: Queryable = db): Promise<AgencyRecord | null> {
      return (await source.query<AgencyRecord>(`${AGENCY} WHERE id = $1`, [id])).rows[0] ?? null;
    },

    async agencyTaken(creditCode: string, qualificationNumber: string, source: Queryable): Promise<boolean> {
      const rows = await source.query(
        'SELECT 1 FROM obligation_agencies WHERE credit_code = $1 OR qualification_number = $2',
        [creditCode, qualificationNumber],
      );
      return rows.rows.length > 0;
    },

    async insertAgency(
      source: Queryable,
      data: Omit<AgencyRecord, 'id' | 'demo'>,
      demo: boolean,
      at: Date,
    ): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO obligation_agencies (name, credit_code, qualification, qualification_number, fields, authority,
           valid_from, valid_until, demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
        [
          data.name,
          data.creditCode,
          data.qualification,
          data.qualificationNumber,
          data.fields,
          data.authority,
          data.validFrom,
          data.validUntil,
          demo,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async staffOf(agencyIds: readonly string[]): Promise<AgencyStaffRecord[]> {
      return (
        await db.query<AgencyStaffRecord>(
          `${STAFF} WHERE agency_id = ANY ($1::uuid[]) ORDER BY registered_on, name, id`,
          [agencyIds],
        )
      ).rows;
    },

    async insertStaff(
      source: Queryable,
      data: Omit<AgencyStaffRecord, 'id'>,
      at: Date,
    ): Promise<string | null> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO obligation_agency_staff (agency_id, name, role, registration_number, registered_on, left_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (agency_id, registration_number) DO NOTHING RETURNING id`,
        [data.agencyId, data.name, data.role, data.registrationNumber, data.registeredOn, data.leftOn, at],
      );
      return rows.rows[0]?.id ?? null;
    },

    /** Reports in the scope, newest first (a city files some thousands over the years). */
    async reportsIn(
      scope: DataScope,
      filter: {
        agencyId?: string | undefined;
        enterpriseId?: string | undefined;
        county?: string | undefined;
      },
    ): Promise<AgencyReportRecord[]> {
      const c = conditionsOf(scope, { county: 'r.county', enterprise: 'r.enterprise_id' });
      if (filter.agencyId) c.add((n) => `r.agency_id = $${n}::uuid`, filter.agencyId);
      if (filter.enterpriseId) c.add((n) => `r.enterprise_id = $${n}::uuid`, filter.enterpriseId);
      if (filter.county) c.add((n) => `r.county = $${n}`, filter.county);
      return (
        await db.query<AgencyReportRecord>(
          `${REPORT} WHERE ${c.where()} ORDER BY r.issued_on DESC, r.report_number, r.id`,
          c.params,
        )
      ).rows;
    },

    /** The report, if in the scope (none given: any). */
    async findReport(id: string, scope?: DataScope): Promise<AgencyReportRecord | null> {
      if (!scope)
        return (await db.query<AgencyReportRecord>(`${REPORT} WHERE r.id = $1`, [id])).rows[0] ?? null;
      const c = conditionsOf(scope, { county: 'r.county', enterprise: 'r.enterprise_id' });
      c.add((n) => `r.id = $${n}::uuid`, id);
      return (await db.query<AgencyReportRecord>(`${REPORT} WHERE ${c.where()}`, c.params)).rows[0] ?? null;
    },

    async insertReport(
      source: Queryable,
      data: ReportFacts,
      demo: boolean,
      at: Date,
    ): Promise<string | null> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO obligation_agency_reports (agency_id, enterprise_id, county, kind, field, title, report_number,
           issued_on, conclusion, signers, demo, created_at, onsite_from, notice_on, disclosed_on, disclosure_url,
           disclosed_items)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         ON CONFLICT (agency_id, report_number) DO NOTHING RETURNING id`,
        [
          data.agencyId,
          data.enterpriseId,
          data.county,
          data.kind,
          data.field,
          data.title,
          data.reportNumber,
          data.issuedOn,
          data.conclusion,
          JSON.stringify(data.signers),
          demo,
          at,
          data.onsiteFrom,
          data.noticeOn,
          data.disclosedOn ?? null,
          data.disclosureUrl ?? null,
          data.disclosedItems ?? null,
        ],
      );
      return rows.rows[0]?.id ?? null;
    },

    async setDisclosure(
      id: string,
      data: { disclosedOn: string; disclosureUrl: string; disclosedItems: string },
    ): Promise<void> {
      await db.query(
        `UPDATE obligation_agency_reports SET disclosed_on = $2, disclosure_url = $3, disclosed_items = $4 WHERE id = $1`,
        [id, data.disclosedOn, data.disclosureUrl, data.disclosedItems],
      );
    },

    async setNotice(id: string, data: { onsiteFrom: string; noticeOn: string }): Promise<void> {
      await db.query(`UPDATE obligation_agency_reports SET onsite_from = $2, notice_on = $3 WHERE id = $1`, [
        id,
        data.onsiteFrom,
        data.noticeOn,
      ]);
    },

    /** Every credit record of the agencies (all of them: an agency's credit is city-wide). */
    async creditRecordsOf(agencyIds: readonly string[]): Promise<AgencyCreditRecordRow[]> {
      return (
        await db.query<AgencyCreditRecordRow>(
          `SELECT c.id, c.agency_id AS "agencyId", c.kind, c.points, c.problem, c.severity,
             r.report_number AS "reportNumber", c.recorded_on::text AS "recordedOn", c.demo
           FROM obligation_agency_credit_records c
           JOIN obligation_spot_check_items i ON i.id = c.item_id
           JOIN obligation_agency_reports r ON r.id = i.report_id
           WHERE c.agency_id = ANY ($1::uuid[]) ORDER BY c.recorded_on DESC, c.id`,
          [agencyIds],
        )
      ).rows;
    },
  };
}

export type AgenciesRepository = ReturnType<typeof createAgenciesRepository>;
