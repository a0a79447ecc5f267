import type {
  Language,
  ObligationImportReport,
  ObligationImportRow,
  ObligationParameters,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import { examImportColumns, examImportInstructions } from './exam-import-rows.ts';
import { importExamRows, readExamFile } from './exam-import.ts';
import type { InsuranceRepository } from './insurance.repository.ts';
import type { AccidentFactsPort } from '../emergency/index.ts';
import {
  claimImportColumns,
  claimImportInstructions,
  importClaimRows,
  readClaimFile,
} from './claim-import.ts';
import type { ClaimsRepository } from './insurance-claims.repository.ts';
import type { PreventionServicesRepository } from './prevention-services.repository.ts';
import type { ObligationsImportRepository } from './obligations-import.repository.ts';
import {
  agencyImportColumns,
  agencyImportInstructions,
  importAgencyRows,
  readAgencyFile,
} from './agency-import.ts';
import type { AgenciesRepository } from './agencies.repository.ts';
import {
  importLicenceRows,
  licenceImportColumns,
  licenceImportInstructions,
  readLicenceFile,
} from './licence-import.ts';
import { buildImportTemplate, importReport } from './obligations-import.ts';
import type { PapersRepository } from './papers.repository.ts';
import type { PeopleRepository } from './people.repository.ts';
import {
  importProjectRows,
  projectImportColumns,
  projectImportInstructions,
  readProjectFile,
} from './project-import.ts';
import type { RegisterImportRepository } from './register-import.repository.ts';
import {
  importPolicyRows,
  policyImportColumns,
  policyImportInstructions,
  readPolicyFile,
} from './policy-import.ts';
import {
  importServiceRows,
  readServiceFile,
  serviceImportColumns,
  serviceImportInstructions,
} from './prevention-service-import.ts';

/**
 * The Excel imports of the obligations registers: exam results (培训考试成绩), 安责险 policies,
 * licence applications, 三同时 projects, technical service agencies, the insurers' prevention services and
 * their claims (理赔).
 * A file that cannot be read is refused before anything is written; otherwise the good rows are
 * written in one transaction (a lock keeps two imports of a kind from interleaving) and every row
 * is reported.
 */
export function createObligationsImportService(deps: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  people: PeopleRepository;
  policies: InsuranceRepository;
  imports: ObligationsImportRepository;
  papers: PapersRepository;
  agencies: AgenciesRepository;
  registerImports: RegisterImportRepository;
  parameters: ObligationParameters;
  claims: ClaimsRepository;
  services: PreventionServicesRepository;
  incidents: AccidentFactsPort;
}) {
  const { db, clock } = deps;

  /** The rows written in one transaction under the kind's lock; the report sorted by row. */
  const inImport = async (lock: string, work: (tx: Queryable, now: Date) => Promise<ObligationImportRow[]>) =>
    importReport(
      await inTransaction(db, async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lock]);
        return work(tx, clock.now());
      }),
    );

  return {
    examTemplate: () => buildImportTemplate('考试成绩', examImportColumns, examImportInstructions),
    policyTemplate: () => buildImportTemplate('安责险保单', policyImportColumns, policyImportInstructions),
    licenceTemplate: () =>
      buildImportTemplate('行政许可申请', licenceImportColumns, licenceImportInstructions),
    projectTemplate: () => buildImportTemplate('建设项目', projectImportColumns, projectImportInstructions),
    serviceTemplate: () =>
      buildImportTemplate('事故预防服务', serviceImportColumns, serviceImportInstructions),
    claimTemplate: () => buildImportTemplate('安责险理赔', claimImportColumns, claimImportInstructions),
    agencyTemplate: () => buildImportTemplate('技术服务机构', agencyImportColumns, agencyImportInstructions),

    async importExams(auth: AuthContext, file: Buffer, language: Language): Promise<ObligationImportReport> {
      const rows = await readExamFile(file);
      const report = await inTransaction(db, async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['obligation-exam-import']);
        return importExamRows(deps, tx, auth, rows, { language, now: clock.now() });
      });
      return importReport(report);
    },

    async importPolicies(
      auth: AuthContext,
      file: Buffer,
      language: Language,
    ): Promise<ObligationImportReport> {
      const rows = await readPolicyFile(file);
      const report = await inTransaction(db, async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['obligation-policy-import']);
        return importPolicyRows(deps, tx, auth, rows, { language, now: clock.now() });
      });
      return importReport(report);
    },

    async importLicences(auth: AuthContext, file: Buffer, language: Language) {
      const rows = await readLicenceFile(file);
      return inImport('obligation-licence-import', (tx, now) =>
        importLicenceRows(deps, tx, auth, rows, { language, now }),
      );
    },

    async importProjects(auth: AuthContext, file: Buffer, language: Language) {
      const rows = await readProjectFile(file);
      return inImport('obligation-project-import', (tx, now) =>
        importProjectRows(deps, tx, auth, rows, { language, now }),
      );
    },

    async importServices(auth: AuthContext, file: Buffer, language: Language) {
      const rows = await readServiceFile(file);
      return inImport('obligation-service-import', (tx, now) =>
        importServiceRows(deps, tx, auth, rows, { language, now }),
      );
    },

    async importClaims(auth: AuthContext, file: Buffer, language: Language) {
      const rows = await readClaimFile(file);
      return inImport('obligation-claim-import', (tx, now) =>
        importClaimRows(deps, tx, auth, rows, { language, now }),
      );
    },

    async importAgencies(_auth: AuthContext, file: Buffer, language: Language) {
      const rows = await readAgencyFile(file);
      return inImport('obligation-agency-import', (tx, now) =>
        importAgencyRows(deps, tx, rows, { language, now }),
      );
    },
  };
}

export type ObligationsImportService = ReturnType<typeof createObligationsImportService>;
