import type { CertificateKind, DataScope, Page, PersonPost } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { listPage } from '../../platform/sql-page.ts';
import { conditionsOf, containing, num } from './obligations-sql.ts';

export interface CertificateRow {
  id: string;
  personId: string;
  kind: CertificateKind;
  number: string;
  operation: string | null;
  authority: string;
  issuedOn: string;
  expiresOn: string;
  reviewDueOn: string | null;
  reviewedOn: string | null;
  demo: boolean;
}

export interface TrainingRow {
  id: string;
  course: string;
  institution: string;
  hours: number;
  completedOn: string;
  examScore: number | null;
  passed: boolean | null;
}

export interface PersonRecord {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  name: string;
  idNumberEnc: string | null;
  idNumberMasked: string | null;
  post: PersonPost;
  operation: string | null;
  position: string | null;
  certificates: CertificateRow[];
  training: TrainingRow[];
  demo: boolean;
}

export interface PersonWrite {
  enterpriseId: string;
  county: string;
  name: string;
  idNumberEnc: string | null;
  idNumberMasked: string | null;
  post: PersonPost;
  operation: string | null;
  position: string | null;
}

export interface PeopleFilter {
  q?: string | undefined;
  enterpriseId?: string | undefined;
  county?: string | undefined;
  post?: string | undefined;
  /** Only people with a certificate acting-date on or before this day (reminders). */
  actBy?: string | undefined;
}

const SELECT = `SELECT p.id, p.enterprise_id, e.name AS enterprise_name, p.county, p.name, p.id_number_enc, p.id_number_masked,
    p.post, p.operation, p.position, p.demo,
    (SELECT coalesce(json_agg(json_build_object('id', c.id, 'personId', c.person_id, 'kind', c.kind, 'number', c.number,
         'operation', c.operation, 'authority', c.authority, 'issuedOn', c.issued_on::text, 'expiresOn', c.expires_on::text,
         'reviewDueOn', c.review_due_on::text, 'reviewedOn', c.reviewed_on::text, 'demo', c.demo)
         ORDER BY c.issued_on, c.id), '[]') FROM obligation_certificates c WHERE c.person_id = p.id) AS certificates,
    (SELECT coalesce(json_agg(json_build_object('id', t.id, 'course', t.course, 'institution', t.institution,
         'hours', t.hours, 'completedOn', t.completed_on::text, 'examScore', t.exam_score, 'passed', t.passed)
         ORDER BY t.completed_on DESC, t.id), '[]') FROM obligation_training t WHERE t.person_id = p.id) AS training
  FROM obligation_people p JOIN enterprise_directory e ON e.id = p.enterprise_id`;

interface Row {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  county: string;
  name: string;
  id_number_enc: string | null;
  id_number_masked: string | null;
  post: PersonPost;
  operation: string | null;
  position: string | null;
  demo: boolean;
  certificates: CertificateRow[];
  training: (Omit<TrainingRow, 'examScore'> & { examScore: string | number | null })[];
}

function toRecord(row: Row): PersonRecord {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    county: row.county,
    name: row.name,
    idNumberEnc: row.id_number_enc,
    idNumberMasked: row.id_number_masked,
    post: row.post,
    operation: row.operation,
    position: row.position,
    certificates: row.certificates,
    training: row.training.map((t) => ({ ...t, examScore: num(t.examScore) })),
    demo: row.demo,
  };
}

export function createPeopleRepository(db: Db) {
  return {
    async list(
      scope: DataScope,
      filter: PeopleFilter,
      page: { page: number; pageSize: number },
    ): Promise<Page<PersonRecord>> {
      const c = conditionsOf(scope, { county: 'p.county', enterprise: 'p.enterprise_id' });
      if (filter.enterpriseId) c.add((n) => `p.enterprise_id = $${n}::uuid`, filter.enterpriseId);
      if (filter.county) c.add((n) => `p.county = $${n}`, filter.county);
      if (filter.post) c.add((n) => `p.post = $${n}`, filter.post);
      if (filter.q) c.add((n) => `(p.name ILIKE $${n} OR e.name ILIKE $${n})`, containing(filter.q));
      if (filter.actBy)
        c.add(
          (n) => `EXISTS (SELECT 1 FROM obligation_certificates c WHERE c.person_id = p.id
                    AND (c.expires_on <= $${n}::date OR (c.review_due_on <= $${n}::date
                         AND (c.reviewed_on IS NULL OR c.reviewed_on < c.review_due_on))))`,
          filter.actBy,
        );
      return listPage(
        db,
        {
          select: SELECT,
          countFrom: 'FROM obligation_people p JOIN enterprise_directory e ON e.id = p.enterprise_id',
          where: c.where(),
          orderBy: 'e.name, p.post, p.name, p.id',
          params: c.params,
        },
        page,
        toRecord,
      );
    },

    async find(id: string, scope: DataScope | null, source: Queryable = db): Promise<PersonRecord | null> {
      const c = conditionsOf(scope ?? { kind: 'city' }, {
        county: 'p.county',
        enterprise: 'p.enterprise_id',
      });
      c.add((n) => `p.id = $${n}::uuid`, id);
      const rows = await source.query<Row>(`${SELECT} WHERE ${c.where()}`, c.params);
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    /** Every person of one enterprise, for its certificate gaps. */
    async ofEnterprise(enterpriseId: string, source: Queryable = db): Promise<PersonRecord[]> {
      const rows = await source.query<Row>(
        `${SELECT} WHERE p.enterprise_id = $1 ORDER BY p.post, p.name, p.id`,
        [enterpriseId],
      );
      return rows.rows.map(toRecord);
    },

    async findCertificate(number: string, scope: DataScope): Promise<PersonRecord | null> {
      const c = conditionsOf(scope, { county: 'p.county', enterprise: 'p.enterprise_id' });
      c.add((n) => `p.id = (SELECT person_id FROM obligation_certificates WHERE number = $${n})`, number);
      const rows = await db.query<Row>(`${SELECT} WHERE ${c.where()}`, c.params);
      return rows.rows[0] ? toRecord(rows.rows[0]) : null;
    },

    async insert(source: Queryable, data: PersonWrite, demo: boolean, at: Date): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO obligation_people (enterprise_id, county, name, id_number_enc, id_number_masked, post, operation, position,
           demo, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
        [
          data.enterpriseId,
          data.county,
          data.name,
          data.idNumberEnc,
          data.idNumberMasked,
          data.post,
          data.operation,
          data.position,
          demo,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async update(id: string, data: PersonWrite, at: Date): Promise<void> {
      await db.query(
        `UPDATE obligation_people SET enterprise_id = $2, county = $3, name = $4, id_number_enc = $5, id_number_masked = $6,
           post = $7, operation = $8, position = $9, updated_at = $10 WHERE id = $1`,
        [
          id,
          data.enterpriseId,
          data.county,
          data.name,
          data.idNumberEnc,
          data.idNumberMasked,
          data.post,
          data.operation,
          data.position,
          at,
        ],
      );
    },

    async remove(id: string): Promise<void> {
      await db.query('DELETE FROM obligation_people WHERE id = $1', [id]);
    },

    async certificateNumberTaken(number: string, source: Queryable = db): Promise<boolean> {
      const rows = await source.query('SELECT 1 FROM obligation_certificates WHERE number = $1', [number]);
      return rows.rows.length > 0;
    },

    async insertCertificate(
      source: Queryable,
      data: Omit<CertificateRow, 'id' | 'demo'>,
      demo: boolean,
      at: Date,
    ): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO obligation_certificates (person_id, kind, number, operation, authority, issued_on, expires_on,
           review_due_on, reviewed_on, demo, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          data.personId,
          data.kind,
          data.number,
          data.operation,
          data.authority,
          data.issuedOn,
          data.expiresOn,
          data.reviewDueOn,
          data.reviewedOn,
          demo,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async removeCertificate(personId: string, certificateId: string): Promise<boolean> {
      const rows = await db.query('DELETE FROM obligation_certificates WHERE id = $1 AND person_id = $2', [
        certificateId,
        personId,
      ]);
      return (rows.rowCount ?? 0) > 0;
    },

    async insertTraining(
      source: Queryable,
      personId: string,
      data: Omit<TrainingRow, 'id'>,
      at: Date,
    ): Promise<void> {
      await source.query(
        `INSERT INTO obligation_training (person_id, course, institution, hours, completed_on, exam_score, passed, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          personId,
          data.course,
          data.institution,
          data.hours,
          data.completedOn,
          data.examScore,
          data.passed,
          at,
        ],
      );
    },
  };
}

export type PeopleRepository = ReturnType<typeof createPeopleRepository>;
