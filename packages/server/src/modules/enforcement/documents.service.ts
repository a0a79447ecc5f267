import {
  DomainError,
  chinaDate,
  documentNumberYear,
  documentTypeTag,
  nextDocumentNumber,
  yuxiEnforcementAgencies,
  type EnforcementDocumentRequest,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import {
  caseDocumentFields,
  caseDocumentNumber,
  withCaseDocumentNumber,
  type CaseDocumentType,
} from './case-documents.ts';
import type { CasesRepository } from './cases.repository.ts';
import type { DiscretionService } from './discretion.service.ts';
import { enforcementDocumentDocx, type DocumentFields } from './documents-docx.ts';
import type { DocumentRow, DocumentsRepository } from './documents.repository.ts';
import type { InspectionsRepository } from './inspections.repository.ts';

const present = (d: DocumentRow) => ({
  id: d.id,
  type: d.type,
  number: d.number,
  enterpriseId: d.enterpriseId,
  inspectionId: d.inspectionId,
  caseId: d.caseId,
  issuedAt: d.issuedAt.toISOString(),
  securityLabel: d.securityLabel,
  docx: `/api/v1/enforcement/documents/${d.id}/docx`,
});

const caseDocumentTypes: readonly string[] = ['penalty_notice', 'penalty_decision'];

/** 文书 made from an inspection or a penalty case, numbered per issuing bureau, type and year without gaps. */
export function createDocumentsService(deps: {
  db: Db;
  clock: Clock;
  documents: DocumentsRepository;
  inspections: InspectionsRepository;
  enterprises: EnterpriseLookup;
  cases: CasesRepository;
  discretion: DiscretionService;
}) {
  const { db, clock, documents, inspections, enterprises, cases } = deps;

  async function owned(auth: AuthContext, doc: DocumentRow | null): Promise<DocumentRow> {
    const visible =
      doc?.inspectionId != null
        ? await inspections.find(doc.inspectionId, auth.scope)
        : doc?.caseId != null
          ? await cases.find(doc.caseId, auth.scope)
          : null;
    if (!doc || !visible) throw new DomainError('enforcement.not_found');
    return doc;
  }

  /**
   * 行政处罚告知书 from a case with a served notice, 行政处罚决定书 from a penalty decision. The number
   * is written into the case step it documents; a step printed once is not numbered again.
   */
  async function issueForCase(auth: AuthContext, caseId: string, type: CaseDocumentType) {
    const table = (await deps.discretion.table()).table;
    return inTransaction(db, async (tx) => {
      const found = await cases.find(caseId, auth.scope, tx, true);
      if (!found) throw new DomainError('enforcement.case_not_found');
      if (caseDocumentNumber(type, found.state)) throw new DomainError('enforcement.document_exists');
      const agency = yuxiEnforcementAgencies.find((a) => a.divisionCode === found.county)!;
      const now = clock.now();
      const key = {
        prefix: agency.numberPrefix,
        typeTag: documentTypeTag(type),
        year: documentNumberYear(now),
      };
      const { number } = nextDocumentNumber(key, await documents.lastNumber(tx, key));
      const fields = caseDocumentFields(
        type,
        found,
        { agency: agency.nameZh, number, issuedOn: chinaDate(now), now },
        table,
      );
      await cases.saveState(tx, found.id, withCaseDocumentNumber(type, found.state, number), now);
      return documents.insert(tx, key, {
        type,
        number,
        county: found.county,
        enterpriseId: found.enterpriseId,
        inspectionId: null,
        caseId: found.id,
        fields: fields as unknown as Record<string, unknown>,
        issuedAt: now,
        issuedBy: auth.userId,
      });
    });
  }

  return {
    async issue(auth: AuthContext, request: EnforcementDocumentRequest) {
      if (request.caseId) {
        if (!caseDocumentTypes.includes(request.type))
          throw new DomainError('enforcement.document_not_applicable');
        const id = await issueForCase(auth, request.caseId, request.type as CaseDocumentType);
        return present((await documents.find(id, null))!);
      }
      if (!request.inspectionId) throw new DomainError('enforcement.document_not_applicable');
      const inspection = await inspections.find(request.inspectionId, auth.scope);
      if (!inspection || auth.scope.kind === 'enterprise')
        throw new DomainError('enforcement.inspection_not_found');
      const items = await inspections.items(inspection.id);
      const failed = items.some((i) => i.result === 'fail');
      const usable =
        inspection.status === 'completed' &&
        (request.type === 'inspection_record' ||
          (request.type === 'rectification_order' && failed) ||
          (request.type === 'rectification_review' && failed && request.reviewOpinion));
      if (!usable) throw new DomainError('enforcement.document_not_applicable');
      const enterprise = (await enterprises.findById(inspection.enterpriseId, null))!;
      const agency = yuxiEnforcementAgencies.find((a) => a.divisionCode === inspection.county)!;
      const now = clock.now();
      const key = {
        prefix: agency.numberPrefix,
        typeTag: documentTypeTag(request.type),
        year: documentNumberYear(now),
      };
      const id = await inTransaction(db, async (tx) => {
        const { number } = nextDocumentNumber(key, await documents.lastNumber(tx, key));
        const fields: DocumentFields = {
          agency: agency.nameZh,
          number,
          enterpriseName: enterprise.name,
          creditCode: enterprise.creditCode,
          address: enterprise.address ?? '',
          inspectedAt: inspection.startedAt ? chinaDate(inspection.startedAt) : '',
          inspectors: inspection.inspectors.map((i) => `${i.name}（执法证号 ${i.certificateNo}）`),
          items: items.map((i) => ({
            code: i.code,
            text: i.text,
            result: i.result ?? '',
            legalBasis: i.legalBasis,
            ...(i.note ? { note: i.note } : {}),
            ...(i.deadline ? { deadline: i.deadline } : {}),
          })),
          ...(inspection.notes ? { notes: inspection.notes } : {}),
          ...(request.reviewOpinion ? { reviewOpinion: request.reviewOpinion } : {}),
          issuedOn: chinaDate(now),
        };
        return documents.insert(tx, key, {
          type: request.type,
          number,
          county: inspection.county,
          enterpriseId: inspection.enterpriseId,
          inspectionId: inspection.id,
          caseId: null,
          fields: fields as unknown as Record<string, unknown>,
          issuedAt: now,
          issuedBy: auth.userId,
        });
      });
      return present((await documents.find(id, null))!);
    },

    async list(auth: AuthContext, filter: { inspectionId?: string; caseId?: string; enterpriseId?: string }) {
      if (filter.enterpriseId && !filter.inspectionId && !filter.caseId)
        return (await documents.listForEnterprise(filter.enterpriseId, auth.scope)).map(present);
      if (filter.inspectionId && !(await inspections.find(filter.inspectionId, auth.scope)))
        throw new DomainError('enforcement.inspection_not_found');
      if (filter.caseId && !(await cases.find(filter.caseId, auth.scope)))
        throw new DomainError('enforcement.case_not_found');
      if (!filter.inspectionId && !filter.caseId) return [];
      return (await documents.list(filter, auth.scope)).map(present);
    },

    async docx(auth: AuthContext, id: string) {
      const doc = await owned(auth, await documents.find(id, auth.scope));
      return {
        fileName: doc.number,
        data: await enforcementDocumentDocx(
          doc.type,
          doc.fields as unknown as DocumentFields,
          doc.securityLabel,
        ),
      };
    },
  };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
