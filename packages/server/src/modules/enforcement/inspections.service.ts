import { createHash } from 'node:crypto';
import {
  DomainError,
  canonicalJson,
  type AdHocInspectionInput,
  type InspectionSubmission,
  type Page,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import type { HazardReporter } from '../dual-prevention/index.ts';
import type { UploadLookup } from '../uploads/index.ts';
import type { DrawsRepository } from './draws.repository.ts';
import { inspectorDivisionsFor, isBureauOfficer } from './enforcement-scope.ts';
import type { InspectionFilter, InspectionRow, InspectionsRepository } from './inspections.repository.ts';
import type { InspectorsRepository } from './inspectors.repository.ts';

export function createInspectionsService(deps: {
  db: Db;
  clock: Clock;
  inspections: InspectionsRepository;
  inspectors: InspectorsRepository;
  draws: DrawsRepository;
  enterprises: EnterpriseLookup;
  uploads: UploadLookup;
  hazards: HazardReporter;
}) {
  const { db, clock, inspections, inspectors, enterprises, uploads, hazards } = deps;

  const summaryOf = (row: InspectionRow) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    county: row.county,
    drawId: row.drawId,
    drawTitle: row.drawTitle,
    plannedDate: row.plannedDate,
    inspectors: row.inspectors.map(({ id, name, certificateNo }) => ({ id, name, certificateNo })),
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    summary: row.summary,
  });

  async function detail(id: string, auth: AuthContext | null) {
    const row = await inspections.find(id, auth?.scope ?? null);
    if (!row) throw new DomainError('enforcement.inspection_not_found');
    const items = await inspections.items(id);
    return {
      ...summaryOf(row),
      notes: row.notes,
      signatureUploadId: row.signatureUploadId,
      finishedAt: row.finishedAt?.toISOString() ?? null,
      items,
      hazardIds: items.flatMap((i) => (i.hazardId ? [i.hazardId] : [])),
      caseIds: row.caseIds,
    };
  }

  /** The inspection's own inspectors carry it out; bureau officers may record it for them. */
  async function requireAssigned(auth: AuthContext, row: InspectionRow) {
    if (isBureauOfficer(auth)) return;
    if (!row.inspectors.some((i) => i.userId === auth.userId))
      throw new DomainError('enforcement.inspection_not_assigned');
  }

  async function writable(auth: AuthContext, id: string) {
    if (auth.scope.kind === 'enterprise') throw new DomainError('enforcement.inspection_not_found');
    const row = await inspections.find(id, auth.scope);
    if (!row) throw new DomainError('enforcement.inspection_not_found');
    await requireAssigned(auth, row);
    return row;
  }

  async function checkUpload(auth: AuthContext, id: string, county: string, path: string) {
    const upload = await uploads.find(id, auth.scope);
    if (!upload || upload.county !== county) {
      throw new DomainError('enforcement.upload_unknown', {
        fields: [{ path, code: 'enforcement.upload_unknown', message: id }],
      });
    }
  }

  /** Each failed item opens one hidden hazard (source inspection), found again on a retry by its item id. */
  async function openHazards(
    auth: AuthContext,
    row: InspectionRow,
    tx: Parameters<typeof inspections.linkHazard>[0],
  ) {
    const location = (await enterprises.findById(row.enterpriseId, null))?.address ?? row.enterpriseName;
    for (const item of await inspections.items(row.id, tx)) {
      if (item.result !== 'fail' || item.hazardId) continue;
      const existing = await inspections.hazardFor(item.id);
      const hazardId =
        existing ??
        (
          await hazards.report(auth, {
            enterpriseId: row.enterpriseId,
            source: 'inspection',
            sourceRef: item.id,
            location: { text: location.length >= 2 ? location.slice(0, 200) : `${location}现场` },
            description: `${item.text}${item.note ? `：${item.note}` : ''}（${item.legalBasis}）`.slice(
              0,
              4000,
            ),
            category: item.hazardCategory as never,
            tickedCriteria: [],
            photos: item.photoIds,
            ...(item.deadline ? { deadline: item.deadline } : {}),
          })
        ).id;
      await inspections.linkHazard(tx, item.id, hazardId);
    }
  }

  return {
    async list(
      auth: AuthContext,
      filter: InspectionFilter & { mine?: boolean },
      page: { page: number; pageSize: number },
    ): Promise<Page<ReturnType<typeof summaryOf>>> {
      const { mine, ...rest } = filter;
      if (mine) {
        const me = await inspectors.findByUser(auth.userId);
        if (!me) return { items: [], total: 0, ...page };
        rest.inspectorId = me.id;
      }
      const result = await inspections.list(rest, auth.scope, page);
      return { ...result, items: result.items.map(summaryOf) };
    },

    get: (auth: AuthContext, id: string) => detail(id, auth),

    async createAdHoc(auth: AuthContext, input: AdHocInspectionInput) {
      const enterprise = await enterprises.findById(input.enterpriseId, auth.scope);
      if (!enterprise) throw new DomainError('enterprise.not_found');
      const today = clock.now().toISOString().slice(0, 10);
      const team = await inspectors.usable(
        { ids: input.inspectorIds, divisions: inspectorDivisionsFor(auth.scope, enterprise.county) },
        today,
      );
      if (team.length !== new Set(input.inspectorIds).size)
        throw new DomainError('enforcement.inspector_unknown');
      const conflicts = await inspectors.conflictsAmong(input.inspectorIds, [enterprise.id]);
      if (conflicts.length > 0)
        throw new DomainError('enforcement.inspector_unknown', { details: { conflicts } });
      const id = await inTransaction(db, async (tx) =>
        inspections.insert(
          tx,
          {
            kind: 'ad_hoc',
            enterpriseId: enterprise.id,
            county: enterprise.county,
            drawId: null,
            plannedDate: input.plannedDate ?? null,
            inspectorIds: [...new Set(input.inspectorIds)],
            createdBy: auth.userId,
            at: clock.now(),
          },
          await inspections.libraryItems(input.sectors ?? enterprise.sectors, tx),
        ),
      );
      return detail(id, null);
    },

    async start(auth: AuthContext, id: string) {
      const row = await writable(auth, id);
      if (row.status === 'cancelled') throw new DomainError('enforcement.inspection_closed');
      await inspections.start(db, id, clock.now());
      return detail(id, null);
    },

    /**
     * An offline submission, answered exactly once per clientSubmissionId: a repeat of the same body
     * gets the stored answer (`replayed`), a different body under a used id is refused. The row lock
     * serialises concurrent retries of one inspection.
     */
    async submit(auth: AuthContext, id: string, submission: InspectionSubmission) {
      const bodyHash = createHash('sha256').update(canonicalJson(submission)).digest('hex');
      const stored = await inspections.submission(db, submission.clientSubmissionId);
      if (stored) return replay(stored, id, bodyHash);
      const row = await writable(auth, id);
      const items = await inspections.items(id);
      const byId = new Map(items.map((i) => [i.id, i]));
      for (const [index, r] of submission.results.entries()) {
        if (!byId.has(r.itemId)) {
          throw new DomainError('enforcement.inspection_item_unknown', {
            fields: [
              {
                path: `results.${index}.itemId`,
                code: 'enforcement.inspection_item_unknown',
                message: r.itemId,
              },
            ],
          });
        }
        for (const [p, photo] of r.photoIds.entries())
          await checkUpload(auth, photo, row.county, `results.${index}.photoIds.${p}`);
      }
      if (submission.signatureUploadId)
        await checkUpload(auth, submission.signatureUploadId, row.county, 'signatureUploadId');
      if (submission.final) {
        const answered = new Set([
          ...items.filter((i) => i.result !== null).map((i) => i.id),
          ...submission.results.map((r) => r.itemId),
        ]);
        const missing = items.filter((i) => !answered.has(i.id)).map((i) => i.id);
        if (missing.length > 0)
          throw new DomainError('enforcement.inspection_results_incomplete', { details: { missing } });
      }
      return inTransaction(db, async (tx) => {
        const status = await inspections.lock(tx, id);
        const again = await inspections.submission(tx, submission.clientSubmissionId);
        if (again) return replay(again, id, bodyHash);
        if (status === 'completed' || status === 'cancelled')
          throw new DomainError('enforcement.inspection_closed');
        const now = clock.now();
        await inspections.start(tx, id, now);
        for (const r of submission.results) {
          await inspections.saveResult(tx, r.itemId, {
            result: r.result,
            note: r.note ?? null,
            photoIds: r.photoIds,
            deadline: r.result === 'fail' ? (r.deadline ?? null) : null,
          });
        }
        await inspections.saveHeader(tx, id, {
          ...(submission.notes !== undefined ? { notes: submission.notes } : {}),
          ...(submission.signatureUploadId ? { signatureUploadId: submission.signatureUploadId } : {}),
          finishedAt: new Date(submission.finishedAt),
          complete: submission.final,
          at: now,
        });
        if (submission.final) {
          const current = (await inspections.find(id, null, tx))!;
          await openHazards(auth, current, tx);
          if (current.drawId && (await inspections.drawFinished(tx, current.drawId)))
            await deps.draws.disclose(tx, current.drawId, now);
        }
        const inspection = await detailIn(tx, id);
        const response = {
          inspection,
          submission: { clientSubmissionId: submission.clientSubmissionId, acceptedAt: now.toISOString() },
        };
        await inspections.saveSubmission(tx, {
          clientSubmissionId: submission.clientSubmissionId,
          inspectionId: id,
          bodyHash,
          response,
          by: auth.userId,
          at: now,
        });
        return { response, replayed: false };
      });
    },
  };

  function replay(
    stored: { inspectionId: string; bodyHash: string; response: unknown },
    id: string,
    bodyHash: string,
  ) {
    if (stored.inspectionId !== id || stored.bodyHash !== bodyHash)
      throw new DomainError('enforcement.submission_conflict');
    return { response: stored.response, replayed: true };
  }

  async function detailIn(tx: Parameters<typeof inspections.items>[1], id: string) {
    const row = (await inspections.find(id, null, tx))!;
    const items = await inspections.items(id, tx);
    return {
      ...summaryOf(row),
      notes: row.notes,
      signatureUploadId: row.signatureUploadId,
      finishedAt: row.finishedAt?.toISOString() ?? null,
      items,
      hazardIds: items.flatMap((i) => (i.hazardId ? [i.hazardId] : [])),
      caseIds: row.caseIds,
    };
  }
}

export type InspectionsService = ReturnType<typeof createInspectionsService>;
