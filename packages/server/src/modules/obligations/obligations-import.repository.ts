import type { DataScope, PersonPost } from '@anjian/domain';
import type { Queryable } from '../../platform/db.ts';
import { conditionsOf, num } from './obligations-sql.ts';

/** A registered person an imported ID number may name: the masked number narrows, the sealed one decides. */
export interface PersonCandidate {
  id: string;
  name: string;
  post: PersonPost;
  operation: string | null;
  idNumberEnc: string;
  idNumberMasked: string;
}

export interface StoredTraining {
  id: string;
  institution: string;
  hours: number;
  examScore: number | null;
  passed: boolean | null;
}

export interface StoredCertificate {
  id: string;
  personId: string;
  kind: string;
  operation: string | null;
  authority: string;
  issuedOn: string;
  expiresOn: string;
  reviewDueOn: string | null;
}

export interface StoredPolicy {
  id: string;
  enterpriseId: string;
  insurer: string;
  startsOn: string;
  endsOn: string;
  insuredPersons: number;
  perPersonYuan: number;
  premiumYuan: number;
}

export interface PolicyImportWrite {
  enterpriseId: string;
  county: string;
  insurer: string;
  policyNumber: string;
  startsOn: string;
  endsOn: string;
  insuredPersons: number;
  perPersonYuan: number;
  premiumYuan: number;
}

/** The reads and writes of the Excel imports (培训考试成绩, 安责险保单), inside the import's transaction. */
export function createObligationsImportRepository() {
  return {
    /** People in the scope whose masked ID number is one of `masked`. */
    async peopleByMaskedIds(
      source: Queryable,
      scope: DataScope,
      masked: readonly string[],
    ): Promise<PersonCandidate[]> {
      const c = conditionsOf(scope, { county: 'p.county', enterprise: 'p.enterprise_id' });
      c.add((n) => `p.id_number_masked = ANY ($${n}::text[]) AND p.id_number_enc IS NOT NULL`, masked);
      const rows = await source.query<PersonCandidate>(
        `SELECT p.id, p.name, p.post, p.operation, p.id_number_enc AS "idNumberEnc", p.id_number_masked AS "idNumberMasked"
         FROM obligation_people p WHERE ${c.where()} ORDER BY p.created_at, p.id`,
        c.params,
      );
      return rows.rows;
    },

    async findTraining(
      source: Queryable,
      personId: string,
      course: string,
      completedOn: string,
    ): Promise<StoredTraining | null> {
      const rows = await source.query<StoredTraining & { examScore: string | null }>(
        `SELECT id, institution, hours, exam_score AS "examScore", passed FROM obligation_training
        WHERE person_id = $1 AND course = $2 AND completed_on = $3 ORDER BY created_at, id LIMIT 1`,
        [personId, course, completedOn],
      );
      const row = rows.rows[0];
      return row ? { ...row, examScore: num(row.examScore) } : null;
    },

    async updateTraining(source: Queryable, id: string, data: Omit<StoredTraining, 'id'>): Promise<void> {
      await source.query(
        'UPDATE obligation_training SET institution = $2, hours = $3, exam_score = $4, passed = $5 WHERE id = $1',
        [id, data.institution, data.hours, data.examScore, data.passed],
      );
    },

    async certificateByNumber(source: Queryable, number: string): Promise<StoredCertificate | null> {
      const rows = await source.query<StoredCertificate>(
        `SELECT id, person_id AS "personId", kind, operation, authority, issued_on::text AS "issuedOn",
          expires_on::text AS "expiresOn", review_due_on::text AS "reviewDueOn"
         FROM obligation_certificates WHERE number = $1`,
        [number],
      );
      return rows.rows[0] ?? null;
    },

    async updateCertificate(
      source: Queryable,
      id: string,
      data: Omit<StoredCertificate, 'id' | 'personId'>,
    ): Promise<void> {
      await source.query(
        `UPDATE obligation_certificates SET kind = $2, operation = $3, authority = $4, issued_on = $5, expires_on = $6,
         review_due_on = $7 WHERE id = $1`,
        [id, data.kind, data.operation, data.authority, data.issuedOn, data.expiresOn, data.reviewDueOn],
      );
    },

    /** Enterprises by credit code, scope not applied (the caller tells "outside your scope" itself). */
    async enterprisesByCreditCodes(
      source: Queryable,
      codes: readonly string[],
    ): Promise<Map<string, { id: string; name: string; county: string }>> {
      const rows = await source.query<{ id: string; name: string; county: string; credit_code: string }>(
        'SELECT id, name, county, credit_code FROM enterprise_directory WHERE credit_code = ANY ($1::text[])',
        [codes],
      );
      return new Map(rows.rows.map((r) => [r.credit_code, { id: r.id, name: r.name, county: r.county }]));
    },

    async policyByNumber(source: Queryable, number: string): Promise<StoredPolicy | null> {
      const rows = await source.query<StoredPolicy>(
        `SELECT id, enterprise_id AS "enterpriseId", insurer, starts_on::text AS "startsOn", ends_on::text AS "endsOn",
          insured_persons AS "insuredPersons", per_person_yuan::float8 AS "perPersonYuan", premium_yuan::float8 AS "premiumYuan"
         FROM obligation_policies WHERE policy_number = $1`,
        [number],
      );
      return rows.rows[0] ?? null;
    },

    async updatePolicy(source: Queryable, id: string, data: PolicyImportWrite, at: Date): Promise<void> {
      await source.query(
        `UPDATE obligation_policies SET insurer = $2, starts_on = $3, ends_on = $4, insured_persons = $5,
         per_person_yuan = $6, premium_yuan = $7, updated_at = $8 WHERE id = $1`,
        [
          id,
          data.insurer,
          data.startsOn,
          data.endsOn,
          data.insuredPersons,
          data.perPersonYuan,
          data.premiumYuan,
          at,
        ],
      );
    },
  };
}

export type ObligationsImportRepository = ReturnType<typeof createObligationsImportRepository>;
