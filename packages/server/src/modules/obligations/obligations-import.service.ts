import type { Language, ObligationImportReport, ObligationParameters } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { examImportColumns, examImportInstructions } from './exam-import-rows.ts';
import { importExamRows, readExamFile } from './exam-import.ts';
import type { InsuranceRepository } from './insurance.repository.ts';
import type { ObligationsImportRepository } from './obligations-import.repository.ts';
import { buildImportTemplate, importReport } from './obligations-import.ts';
import type { PeopleRepository } from './people.repository.ts';
import {
  importPolicyRows,
  policyImportColumns,
  policyImportInstructions,
  readPolicyFile,
} from './policy-import.ts';

/**
 * The Excel imports of the obligations registers: exam results (培训考试成绩) and 安责险 policies.
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
  parameters: ObligationParameters;
}) {
  const { db, clock } = deps;

  return {
    examTemplate: () => buildImportTemplate('考试成绩', examImportColumns, examImportInstructions),
    policyTemplate: () => buildImportTemplate('安责险保单', policyImportColumns, policyImportInstructions),

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
  };
}

export type ObligationsImportService = ReturnType<typeof createObligationsImportService>;
