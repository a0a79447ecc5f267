import { randomBytes, randomUUID } from 'node:crypto';
import {
  DomainError,
  addCalendarDays,
  chinaDate,
  defaultRiskWeightFormula,
  describeRiskWeightFormula,
  drawAlgorithmDescription,
  drawAlgorithmVersion,
  drawCommitment,
  drawEligibility,
  explainRiskWeight,
  normalizeDrawRecord,
  recentlyDrawnEnterpriseIds,
  runDraw,
  type DrawPoolEntry,
  type DrawPublicRecord,
  type EnforcementDrawRequest,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { CITY_CODE, requireDivision } from './enforcement-scope.ts';
import type { DrawRow, DrawsRepository } from './draws.repository.ts';
import type { InspectionsRepository } from './inspections.repository.ts';
import type { InspectorsRepository } from './inspectors.repository.ts';
import { requireOfficer } from './inspectors.service.ts';

export function createDrawsService(deps: {
  db: Db;
  clock: Clock;
  draws: DrawsRepository;
  inspectors: InspectorsRepository;
  inspections: InspectionsRepository;
  /** Enterprises on the credit list at an instant (the list's own term rules applied). */
  creditListed: (now: Date) => Promise<Set<string>>;
  /** Per enterprise, public reports verified 属实 / 部分属实 on a day in [from, to] (whistleblowing). */
  verifiedReports: (from: string, to: string) => Promise<Map<string, number>>;
}) {
  const { db, clock, draws, inspectors, inspections } = deps;

  async function present(draw: DrawRow) {
    const ids = [
      ...draw.record.pool.map((p) => p.enterpriseId),
      ...draw.record.inspectorIds,
      ...(draw.result?.selections.flatMap((s) => [s.enterpriseId, ...s.inspectorIds]) ?? []),
    ];
    const names = await draws.namesOf([...new Set(ids)]);
    return {
      id: draw.id,
      title: draw.title,
      county: draw.county,
      planId: draw.planId,
      status: draw.status,
      mode: draw.record.mode,
      enterpriseCount: draw.record.enterpriseCount,
      inspectorsPerEnterprise: draw.record.inspectorsPerEnterprise,
      exclusionPeriodDays: draw.record.exclusion.periodDays,
      poolSize: draw.record.pool.length,
      excludedCount: draw.record.exclusion.excludedEnterpriseIds.length,
      filters: draw.filters,
      algorithm: drawAlgorithmDescription,
      ...(draw.record.riskWeightFormula
        ? { riskWeightFormula: describeRiskWeightFormula(draw.record.riskWeightFormula) }
        : {}),
      record: draw.status === 'draft' ? null : draw.record,
      // Each weight with its terms (risk level, hazards, alarms, verified reports, credit factor).
      pool: draw.record.pool.map((p) => ({
        ...p,
        name: names.get(p.enterpriseId) ?? '',
        ...(p.factors && draw.record.riskWeightFormula
          ? { points: explainRiskWeight(p.factors, draw.record.riskWeightFormula) }
          : {}),
      })),
      commitment: draw.commitment,
      seed: draw.status === 'executed' || draw.status === 'disclosed' ? draw.seed : null,
      result: draw.result,
      selections:
        draw.result?.selections.map((s) => ({
          rank: s.rank,
          enterpriseId: s.enterpriseId,
          enterpriseName: names.get(s.enterpriseId) ?? '',
          inspectors: s.inspectorIds.map((id) => ({ id, name: names.get(id) ?? '' })),
        })) ?? [],
      createdAt: draw.createdAt,
      publishedAt: draw.publishedAt,
      executedAt: draw.executedAt,
      disclosedAt: draw.disclosedAt,
    };
  }

  async function visible(auth: AuthContext, id: string) {
    const draw = await draws.find(id, auth.scope);
    if (!draw) throw new DomainError('enforcement.not_found');
    return draw;
  }

  /** Filters → the public record: pool snapshot (with weights), roster, conflicts and exclusions. */
  async function buildRecord(
    id: string,
    request: EnforcementDrawRequest,
    now: Date,
  ): Promise<DrawPublicRecord> {
    const counties =
      request.county === CITY_CODE
        ? request.pool.countyCodes
        : [request.county].filter((c) => !request.pool.countyCodes || request.pool.countyCodes.includes(c));
    const candidates = (
      await draws.poolCandidates(
        {
          ...(counties ? { counties } : {}),
          ...(request.pool.industryCodes ? { industryCodes: request.pool.industryCodes } : {}),
          ...(request.pool.categoryCodes ? { categoryCodes: request.pool.categoryCodes } : {}),
          ...(request.pool.sectors ? { sectors: request.pool.sectors } : {}),
        },
        now,
      )
    ).filter((c) => !request.pool.riskLevels || request.pool.riskLevels.includes(c.riskLevel));
    const listed = await deps.creditListed(now);
    const formula = request.riskWeightFormula ?? defaultRiskWeightFormula;
    const today = chinaDate(now);
    // Reports verified on one of the window's last days, today included (a day exactly `window`
    // days ago is outside, as the no-repeat period counts).
    const window = request.mode === 'risk_weighted' ? formula.verifiedReportWindowDays : undefined;
    const reports =
      window === undefined ? null : await deps.verifiedReports(addCalendarDays(today, 1 - window), today);
    const pool: DrawPoolEntry[] = candidates.map((c) => {
      if (request.mode !== 'risk_weighted') return { enterpriseId: c.enterpriseId };
      const factors = {
        riskLevel: c.riskLevel,
        openHiddenHazards: c.openHiddenHazards,
        alarmsLast90Days: c.alarmsLast90Days,
        creditListed: listed.has(c.enterpriseId),
        ...(reports ? { verifiedReports: reports.get(c.enterpriseId) ?? 0 } : {}),
      };
      return { enterpriseId: c.enterpriseId, factors, weight: explainRiskWeight(factors, formula).weight };
    });
    const roster = request.inspectorIds
      ? await inspectors.usable(
          {
            ids: request.inspectorIds,
            ...(request.county === CITY_CODE ? {} : { divisions: [request.county] }),
          },
          today,
        )
      : await inspectors.usable(request.county === CITY_CODE ? {} : { divisions: [request.county] }, today);
    if (request.inspectorIds && roster.length !== new Set(request.inspectorIds).size)
      throw new DomainError('enforcement.inspector_unknown');
    const inspectorIds = roster.map((i) => i.id);
    const enterpriseIds = pool.map((p) => p.enterpriseId);
    return {
      algorithm: drawAlgorithmVersion,
      drawId: id,
      title: request.title,
      announcedAt: now.toISOString(),
      mode: request.mode,
      enterpriseCount: request.enterpriseCount,
      inspectorsPerEnterprise: request.inspectorsPerEnterprise,
      pool,
      inspectorIds,
      conflicts: await inspectors.conflictsAmong(inspectorIds, enterpriseIds),
      exclusion: {
        periodDays: request.exclusionPeriodDays,
        excludedEnterpriseIds: recentlyDrawnEnterpriseIds(
          await draws.pastSelections(),
          now,
          request.exclusionPeriodDays,
        ).filter((e) => enterpriseIds.includes(e)),
      },
      ...(request.mode === 'risk_weighted' ? { riskWeightFormula: formula } : {}),
    };
  }

  return {
    present,
    list: async (auth: AuthContext) => Promise.all((await draws.list(auth.scope)).map(present)),
    get: async (auth: AuthContext, id: string) => present(await visible(auth, id)),

    async create(auth: AuthContext, request: EnforcementDrawRequest, options: { demo?: boolean } = {}) {
      requireOfficer(auth);
      requireDivision(auth, request.county);
      const id = randomUUID();
      const now = clock.now();
      const record = buildRecord(id, request, now);
      // Whether the draw can run never depends on the seed: refuse an infeasible one now.
      drawEligibility(normalizeDrawRecord(await record));
      await draws.insert({
        id,
        county: request.county,
        planId: request.planId ?? null,
        title: request.title,
        filters: request,
        record: await record,
        createdBy: auth.userId,
        createdAt: now,
        demo: options.demo ?? false,
      });
      return present((await draws.find(id, null))!);
    },

    /** Publishes the record and SM3(seed ‖ record); the seed stays secret until disclosure. */
    async publish(auth: AuthContext, id: string) {
      requireOfficer(auth);
      await inTransaction(db, async (tx) => {
        const draw = await draws.find(id, auth.scope, tx, true);
        if (!draw) throw new DomainError('enforcement.not_found');
        if (draw.status !== 'draft') throw new DomainError('enforcement.draw_wrong_status');
        const now = clock.now();
        const record = { ...draw.record, announcedAt: now.toISOString() };
        const seed = randomBytes(32).toString('hex');
        drawEligibility(normalizeDrawRecord(record));
        await draws.publish(tx, id, record, seed, drawCommitment(record, seed), now);
      });
      return present((await draws.find(id, null))!);
    },

    /** Runs the draw and creates one planned inspection per pick, with the checklist of its sectors. */
    async execute(auth: AuthContext, id: string) {
      requireOfficer(auth);
      await inTransaction(db, async (tx) => {
        const draw = await draws.find(id, auth.scope, tx, true);
        if (!draw) throw new DomainError('enforcement.not_found');
        if (draw.status !== 'published' || !draw.seed) throw new DomainError('enforcement.draw_wrong_status');
        const now = clock.now();
        const result = runDraw(draw.record, draw.seed);
        await draws.execute(tx, id, result, now);
        for (const selection of result.selections) {
          const enterprise = await tx.query<{ county: string; sectors: string[] }>(
            'SELECT county, sectors FROM enterprise_directory WHERE id = $1',
            [selection.enterpriseId],
          );
          const { county, sectors } = enterprise.rows[0]!;
          await inspections.insert(
            tx,
            {
              kind: 'double_random',
              enterpriseId: selection.enterpriseId,
              county,
              drawId: id,
              plannedDate: null,
              inspectorIds: [...selection.inspectorIds],
              createdBy: auth.userId,
              at: now,
              demo: draw.demo,
            },
            await inspections.libraryItems(sectors, tx),
          );
        }
      });
      return present((await draws.find(id, null))!);
    },

    /** Makes the seed and result public before every visit is done (e.g. a cancelled inspection). */
    async disclose(auth: AuthContext, id: string) {
      requireOfficer(auth);
      const draw = await visible(auth, id);
      if (draw.status !== 'executed') throw new DomainError('enforcement.draw_wrong_status');
      await draws.disclose(db, id, clock.now());
      return present((await draws.find(id, null))!);
    },

    /** The verification record of a disclosed draw, as /api/v1/calc/draw/verify takes it. */
    async publicRecord(id: string) {
      const draw = await draws.find(id, null);
      if (!draw || draw.status === 'draft') throw new DomainError('enforcement.not_found');
      return draw.status === 'disclosed'
        ? { record: draw.record, commitment: draw.commitment!, seed: draw.seed!, result: draw.result! }
        : { record: draw.record, commitment: draw.commitment! };
    },
  };
}

export type DrawsService = ReturnType<typeof createDrawsService>;
