import { randomBytes } from 'node:crypto';
import {
  agencyCreditConsequence,
  chinaDate,
  DomainError,
  drawSpotCheckSample,
  type SpotCheck,
  type SpotCheckDrawInput,
  type SpotCheckItem,
  type SpotCheckProblemRule,
  type SpotCheckRecordInput,
  type SpotCheckResult,
  type SpotCheckSubject,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import type { PageRequest } from '../../platform/sql-page.ts';
import type { SpotChecksRepository } from './spot-checks.repository.ts';

const one = { page: 1, pageSize: 1 };

/** Who draws or records: a signed-in officer, or the demo loader (city-wide, nobody). */
export type SpotCheckCaller = Pick<AuthContext, 'scope'> & { readonly userId: string | null };

/**
 * The bureau's spot checks (抽查) of agency reports (令第1号: 双随机、一公开) and of the construction
 * units' own completion acceptances of 三同时 projects (总局令第36号). A random draw records its seed,
 * so anyone with the seed and the pool re-runs it; a chosen draw (a re-check) names its records.
 * Recording a report's check gives the agency a credit record per finding by the bureau's rules;
 * a failed project check flags the project until a later check passes.
 */
export function createSpotChecksService(deps: {
  db: Db;
  clock: Clock;
  checks: SpotChecksRepository;
  problems: readonly SpotCheckProblemRule[];
}) {
  const { db, clock, checks, problems } = deps;

  async function spotCheck(auth: SpotCheckCaller, id: string): Promise<SpotCheck> {
    return (await checks.listSpotChecks(auth.scope, { id }, one)).items[0]!;
  }

  async function item(auth: SpotCheckCaller, id: string): Promise<SpotCheckItem> {
    const found = (await checks.listItems(auth.scope, { id }, one)).items[0];
    if (!found) throw new DomainError('obligations.spot_check_not_found');
    const { drawnOn: _, ...shown } = found;
    return shown;
  }

  async function chosenPool(auth: SpotCheckCaller, subject: SpotCheckSubject, ids: readonly string[]) {
    const pool = await checks.pool(auth.scope, subject, { ids });
    if (pool.length !== new Set(ids).size)
      throw new DomainError(
        subject === 'agency_report' ? 'obligations.agency_report_not_found' : 'obligations.project_not_found',
      );
    // The order the bureau chose them in.
    return ids.filter((id, i) => ids.indexOf(id) === i).map((id) => pool.find((p) => p.id === id)!);
  }

  return {
    problems: () => problems,

    async draw(auth: SpotCheckCaller, input: SpotCheckDrawInput, demo = false): Promise<SpotCheck> {
      const { subject, from, to } = input;
      const county = input.county ?? null;
      const seed = input.chosenIds ? null : (input.seed ?? randomBytes(32).toString('hex')).toLowerCase();
      let poolSize: number;
      let picks;
      if (input.chosenIds) {
        picks = await chosenPool(auth, subject, input.chosenIds);
        poolSize = picks.length;
      } else {
        const pool = await checks.pool(auth.scope, subject, { from, to, county: input.county });
        const size = input.count !== undefined ? { count: input.count } : { percent: input.percent! };
        const ids = drawSpotCheckSample(
          pool.map((p) => p.id),
          size,
          seed!,
        );
        picks = ids.map((id) => pool.find((p) => p.id === id)!);
        poolSize = pool.length;
      }
      if (picks.length === 0) throw new DomainError('obligations.spot_check_empty');
      const id = await inTransaction(db, (tx) =>
        checks.insertSpotCheck(
          tx,
          {
            subject,
            from,
            to,
            county,
            mode: seed ? 'random' : 'chosen',
            seed,
            count: input.count ?? null,
            percent: input.percent ?? null,
            poolSize,
            demo,
          },
          picks,
          auth.userId,
          clock.now(),
        ),
      );
      return spotCheck(auth, id);
    },

    listSpotChecks: (
      auth: SpotCheckCaller,
      filter: { subject?: SpotCheckSubject | undefined },
      page: PageRequest,
    ) => checks.listSpotChecks(auth.scope, filter, page),

    async listItems(
      auth: SpotCheckCaller,
      filter: {
        spotCheckId?: string | undefined;
        subject?: SpotCheckSubject | undefined;
        result?: SpotCheckResult | 'pending' | undefined;
      },
      page: PageRequest,
    ) {
      const result = await checks.listItems(auth.scope, filter, page);
      return { ...result, items: result.items.map(({ drawnOn: _, ...shown }) => shown) };
    },

    /** One check's findings and decision, recorded once; a report's findings become credit records. */
    async record(auth: SpotCheckCaller, id: string, input: SpotCheckRecordInput, demo = false) {
      const found = (await checks.listItems(auth.scope, { id }, one)).items[0];
      if (!found) throw new DomainError('obligations.spot_check_not_found');
      if (input.checkedOn < found.drawnOn || input.checkedOn > chinaDate(clock.now()))
        throw new DomainError('obligations.spot_check_date');
      const credit = input.findings.map((f) => ({ finding: f, rule: agencyCreditConsequence(f, problems) }));
      if (credit.some((c) => c.rule === null))
        throw new DomainError('obligations.spot_check_problem_unknown');
      await inTransaction(db, async (tx) => {
        const locked = await checks.lockItem(tx, id);
        if (!locked || locked.result !== null) throw new DomainError('obligations.spot_check_recorded');
        await checks.recordItem(
          tx,
          id,
          {
            checkedOn: input.checkedOn,
            inspectors: input.inspectors,
            findings: input.findings.map((f) => ({ ...f, note: f.note ?? null })),
            result: input.result,
            rectification: input.rectification || null,
            decision: input.decision || null,
          },
          clock.now(),
        );
        if (found.agencyId === null) return;
        for (const { finding, rule } of credit)
          await checks.insertCreditRecord(tx, {
            agencyId: found.agencyId,
            itemId: id,
            kind: rule!.kind,
            points: rule!.points,
            problem: finding.problem,
            severity: finding.severity,
            recordedOn: input.checkedOn,
            demo,
          });
      });
      return item(auth, id);
    },
  };
}

export type SpotChecksService = ReturnType<typeof createSpotChecksService>;
