import {
  checkDisasterReport,
  disasterDeadlines,
  DomainError,
  findTownship,
  latestPerTownship,
  totalFigures,
  type DisasterDetail,
  type DisasterEvent,
  type DisasterEventInput,
  type DisasterReport,
  type DisasterReportInput,
  type DisasterRules,
} from '@anjian/domain';
import type { AuthContext } from '../../../platform/access.ts';
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction, type Db } from '../../../platform/db.ts';
import { assertMayWrite } from '../emergency-scope.ts';
import type { DisasterEventRecord, DisastersRepository } from './disasters.repository.ts';

/** A township of the event's county, or the coded refusal. */
function townshipOf(county: string, code: string) {
  const township = findTownship(code);
  if (!township || township.county !== county)
    throw new DomainError('disaster.township_outside_county', {
      fields: [{ path: 'township', code: 'township_outside_county', message: code }],
    });
  return township;
}

function summary(event: DisasterEventRecord, reports: readonly DisasterReport[]): DisasterEvent {
  const latest = latestPerTownship(reports);
  const { townships: _townships, ...rest } = event;
  return {
    ...rest,
    townshipCount: new Set([...event.townships, ...latest.keys()]).size,
    totals: totalFigures([...latest.values()].map((r) => r.figures)),
    lastReportAt:
      reports
        .map((r) => r.recordedAt)
        .sort()
        .at(-1) ?? null,
  };
}

export function createDisastersService(deps: {
  db: Db;
  clock: Clock;
  disasters: DisastersRepository;
  rules: DisasterRules;
}) {
  const { db, clock, disasters, rules } = deps;

  async function detail(auth: AuthContext, id: string): Promise<DisasterDetail> {
    const event = await disasters.find(id, auth.scope);
    if (!event) throw new DomainError('disaster.not_found');
    const reports = await disasters.reportsOf([id]);
    const latest = latestPerTownship(reports);
    const codes = [...new Set([...event.townships, ...latest.keys()])].sort();
    return {
      ...summary(event, reports),
      townships: codes.map((code) => ({
        code,
        nameZh: findTownship(code)?.nameZh ?? code,
        latest: latest.get(code) ?? null,
        history: reports.filter((r) => r.township === code),
      })),
      deadlines: disasterDeadlines({ ...event, townships: codes }, reports, rules, clock.now()),
    };
  }

  return {
    rules: () => rules,

    async list(
      auth: AuthContext,
      filter: Parameters<DisastersRepository['list']>[1],
    ): Promise<DisasterEvent[]> {
      const events = await disasters.list(auth.scope, filter);
      const reports = await disasters.reportsOf(events.map((e) => e.id));
      return events.map((event) =>
        summary(
          event,
          reports.filter((r) => r.eventId === event.id),
        ),
      );
    },

    get: detail,

    async create(auth: AuthContext, input: DisasterEventInput): Promise<DisasterDetail> {
      assertMayWrite(auth.scope, input.county);
      if (!rules.kinds.includes(input.kind))
        throw new DomainError('disaster.unknown_kind', {
          fields: [{ path: 'kind', code: 'unknown_kind', message: input.kind }],
        });
      const now = clock.now();
      if (Date.parse(input.occurredAt) > now.getTime()) throw new DomainError('disaster.occurred_in_future');
      const townships = [...new Set(input.townships)]
        .map((code) => townshipOf(input.county, code).code)
        .sort();
      const id = await disasters.insertEvent(
        db,
        { ...input, townships, createdBy: auth.username, demo: false },
        now,
      );
      return detail(auth, id);
    },

    async report(auth: AuthContext, id: string, input: DisasterReportInput): Promise<DisasterDetail> {
      await inTransaction(db, async (tx) => {
        // The event row is locked so that two reports of one township are checked one after the other.
        const event = await disasters.find(id, auth.scope, tx, true);
        if (!event) throw new DomainError('disaster.not_found');
        assertMayWrite(auth.scope, event.county);
        townshipOf(event.county, input.township);
        const now = clock.now();
        const reportedAt = input.reportedAt ?? now.toISOString();
        if (Date.parse(reportedAt) < Date.parse(event.occurredAt) || Date.parse(reportedAt) > now.getTime())
          throw new DomainError('disaster.report_time_invalid');
        const history = (await disasters.reportsOf([id], tx)).filter((r) => r.township === input.township);
        checkDisasterReport(history, { ...input, reportedAt }, rules);
        await disasters.insertReport(
          tx,
          id,
          {
            township: input.township,
            stage: input.stage,
            reportedAt,
            reporter: input.reporter,
            recordedBy: auth.username,
            figures: input.figures,
            note: input.note?.trim() || null,
          },
          now,
        );
      });
      return detail(auth, id);
    },

    async stabilise(auth: AuthContext, id: string, at: string | undefined): Promise<DisasterDetail> {
      const event = await disasters.find(id, auth.scope);
      if (!event) throw new DomainError('disaster.not_found');
      assertMayWrite(auth.scope, event.county);
      if (event.stabilisedAt) throw new DomainError('disaster.already_stabilised');
      const now = clock.now();
      const when = at ? new Date(at) : now;
      if (when.getTime() < Date.parse(event.occurredAt) || when.getTime() > now.getTime())
        throw new DomainError('disaster.report_time_invalid');
      await disasters.markStabilised(id, when, now);
      return detail(auth, id);
    },
  };
}

export type DisastersService = ReturnType<typeof createDisastersService>;
