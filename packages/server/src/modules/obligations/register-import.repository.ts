import type { AgencyField, AgencyQualification } from '@anjian/domain';
import type { Queryable } from '../../platform/db.ts';

export interface ImportEnterprise {
  id: string;
  name: string;
  county: string;
  creditCode: string;
}

export interface StoredProject {
  id: string;
  nature: 'new' | 'rebuilt' | 'expanded';
  productionStartedOn: string | null;
}

export interface AgencyImportWrite {
  name: string;
  creditCode: string;
  qualification: AgencyQualification;
  qualificationNumber: string;
  fields: AgencyField[];
  authority: string;
  validFrom: string;
  validUntil: string;
}

/**
 * The reads and writes of the licence-application, 三同时-project and agency imports, inside the
 * import's transaction (its lock keeps two imports of a kind from racing between read and write).
 */
export function createRegisterImportRepository() {
  return {
    /** Enterprises by credit code or by exact name, scope not applied (the caller says "not in your scope"). */
    async enterprisesNamed(
      source: Queryable,
      codes: readonly string[],
      names: readonly string[],
    ): Promise<ImportEnterprise[]> {
      const rows = await source.query<ImportEnterprise>(
        `SELECT id, name, county, credit_code AS "creditCode" FROM enterprise_directory
         WHERE credit_code = ANY ($1::text[]) OR name = ANY ($2::text[]) ORDER BY name, id`,
        [codes, names],
      );
      return rows.rows;
    },

    /** The application with the same enterprise, licence type, kind and date: the import's key. */
    async applicationExists(
      source: Queryable,
      key: { enterpriseId: string; licenceType: string; kind: string; submittedOn: string },
    ): Promise<boolean> {
      const rows = await source.query(
        `SELECT 1 FROM obligation_licence_applications
         WHERE enterprise_id = $1 AND licence_type = $2 AND kind = $3 AND submitted_on = $4`,
        [key.enterpriseId, key.licenceType, key.kind, key.submittedOn],
      );
      return rows.rows.length > 0;
    },

    /** The enterprise's project of this name (a project is named once within its enterprise). */
    async projectNamed(source: Queryable, enterpriseId: string, name: string): Promise<StoredProject | null> {
      const rows = await source.query<StoredProject>(
        `SELECT id, nature, production_started_on::text AS "productionStartedOn" FROM obligation_projects
         WHERE enterprise_id = $1 AND name = $2 ORDER BY created_at, id LIMIT 1`,
        [enterpriseId, name],
      );
      return rows.rows[0] ?? null;
    },

    async updateProject(source: Queryable, id: string, data: Omit<StoredProject, 'id'>, at: Date) {
      await source.query(
        'UPDATE obligation_projects SET nature = $2, production_started_on = $3, updated_at = $4 WHERE id = $1',
        [id, data.nature, data.productionStartedOn, at],
      );
    },

    async agencyByCreditCode(
      source: Queryable,
      creditCode: string,
    ): Promise<(AgencyImportWrite & { id: string }) | null> {
      const rows = await source.query<AgencyImportWrite & { id: string }>(
        `SELECT id, name, credit_code AS "creditCode", qualification, qualification_number AS "qualificationNumber",
           fields, authority, valid_from::text AS "validFrom", valid_until::text AS "validUntil"
         FROM obligation_agencies WHERE credit_code = $1`,
        [creditCode],
      );
      return rows.rows[0] ?? null;
    },

    /** The agency holding this qualification number, if any. */
    async agencyWithQualification(source: Queryable, number: string): Promise<string | null> {
      const rows = await source.query<{ credit_code: string }>(
        'SELECT credit_code FROM obligation_agencies WHERE qualification_number = $1',
        [number],
      );
      return rows.rows[0]?.credit_code ?? null;
    },

    async updateAgency(source: Queryable, id: string, data: AgencyImportWrite, at: Date) {
      await source.query(
        `UPDATE obligation_agencies SET name = $2, qualification = $3, qualification_number = $4, fields = $5,
           authority = $6, valid_from = $7, valid_until = $8, updated_at = $9 WHERE id = $1`,
        [
          id,
          data.name,
          data.qualification,
          data.qualificationNumber,
          data.fields,
          data.authority,
          data.validFrom,
          data.validUntil,
          at,
        ],
      );
    },
  };
}

export type RegisterImportRepository = ReturnType<typeof createRegisterImportRepository>;
