import {
  AccidentError,
  canMoveTeamTask,
  teamTaskStatusNames,
  type TeamTaskStatus,
  DomainError,
  accidentLevelNames,
  checkAccidentType,
  findAccidentType,
  planAccidentReporting,
  recountAccidentCasualties,
  type Incident,
  type IncidentStatistics,
  type IncidentFollowUp,
  type IncidentReport,
  type RecordLabel,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import {
  inTransactionWithEvents,
  type AppEvents,
  type EventBus,
  type EventPublisher,
} from '../../platform/events/index.ts';
import { checkLabelWithin, scopeAllows } from '../../platform/scope-sql.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import type { SectorSuggester } from '../statistics/index.ts';
import type { IncidentListFilter, IncidentRecord, IncidentsRepository } from './incidents.repository.ts';
import type { ResourcesRepository } from './resources.repository.ts';
import type { TeamDispatchHooks } from './teams/index.ts';

type Tx = Parameters<Parameters<typeof inTransactionWithEvents>[2]>[0];

const field = (path: string, code: string) => [{ path, code, message: code }];

/** The accident and notification times of a first report, and its type against the version its date selects. */
function checkReportTimes(input: IncidentReport, now: Date): void {
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt > now)
    throw new DomainError('incident.in_future', { fields: field('occurredAt', 'incident.in_future') });
  if (input.notifiedAt !== undefined) {
    const notifiedAt = new Date(input.notifiedAt);
    if (notifiedAt < occurredAt)
      throw new DomainError('incident.notified_before_accident', {
        fields: field('notifiedAt', 'incident.notified_before_accident'),
      });
    if (notifiedAt > now)
      throw new DomainError('incident.notified_in_future', {
        fields: field('notifiedAt', 'incident.notified_in_future'),
      });
  }
  try {
    checkAccidentType(input.accidentType, occurredAt);
  } catch (error) {
    if (!(error instanceof AccidentError)) throw error;
    throw new DomainError(error.code, { fields: field('accidentType', error.code), details: error.details });
  }
}

export function createIncidentsService(deps: {
  db: Db;
  clock: Clock;
  incidents: IncidentsRepository;
  resources: ResourcesRepository;
  enterprises: EnterpriseLookup;
  events: EventBus;
  /** The bureau's industry → sector mapping (statistics): the first report's sector. */
  sectors: SectorSuggester;
  /** 应急联动: tells the team's phones of a dispatch and the command map of a status. */
  teamHooks?: TeamDispatchHooks;
}) {
  const { db, clock, incidents, resources, enterprises, events, sectors } = deps;

  function recount(record: IncidentRecord) {
    return recountAccidentCasualties({
      occurredAt: record.occurredAt,
      accidentType: record.accidentType,
      roadTraffic: record.roadTraffic,
      original: record.original,
      changes: record.changes,
    });
  }

  type PushStates = Awaited<ReturnType<TeamDispatchHooks['pushStates']>>;

  /** The incidents with their tasks' dispatch pushes (read from the warnings' outbox in one query). */
  async function presentAll(records: readonly IncidentRecord[]): Promise<Incident[]> {
    const taskIds = records.flatMap((r) => r.tasks.map((t) => t.id));
    const pushes =
      deps.teamHooks && taskIds.length > 0 ? await deps.teamHooks.pushStates(taskIds) : new Map();
    return records.map((r) => present(r, pushes));
  }

  function present(record: IncidentRecord, pushes: PushStates = new Map()): Incident {
    const counted = recount(record);
    const now = clock.now();
    // 国务院令第493号 §9: the unit's hour runs from when its responsible person was told.
    const plan = planAccidentReporting({
      level: counted.level,
      occurredAt: record.occurredAt,
      unitInformedAt: record.notifiedAt,
      // Art. 11: each level's two hours run from when it received the report.
      sentAt: Object.fromEntries(
        Object.entries(record.reportsSent).map(([step, sent]) => [step, new Date(sent)]),
      ),
    });
    return {
      id: record.id,
      occurredAt: record.occurredAt.toISOString(),
      notifiedAt: record.notifiedAt.toISOString(),
      county: record.county,
      enterpriseId: record.enterpriseId,
      enterpriseName: record.enterpriseName,
      location: record.location,
      position: record.position,
      accidentType: record.accidentType,
      accidentTypeVersion: findAccidentType(record.accidentType)?.version.id ?? '',
      roadTraffic: record.roadTraffic,
      deaths: counted.figures.deaths,
      seriousInjuries: counted.figures.seriousInjuries,
      missing: record.missing,
      directLossWan: String(counted.figures.directLossWan),
      level: counted.level,
      originalLevel: counted.originalLevel,
      reclassified: counted.reclassified,
      casualtyWindowEndsAt: counted.windowEndsAt.toISOString(),
      description: record.description,
      reporter: record.reporter,
      status: record.status,
      securityLabel: record.securityLabel,
      statistics: {
        ...record.statistics,
        sector: record.statistics.sector ?? 'other',
        reviewedAt: record.statistics.reviewedAt?.toISOString() ?? null,
      },
      reporting: plan.steps.map((step) => {
        const sentAt = record.reportsSent[step.id] ?? null;
        return {
          id: step.id,
          toZh: step.toZh,
          toEn: step.toEn,
          latestAt: step.latestAt.toISOString(),
          sentAt,
          overdue: sentAt === null && now > step.latestAt,
        };
      }),
      followUpReportsPerDay: plan.followUpReportsPerDay,
      tasks: record.tasks.map((t) => ({
        ...t,
        status: t.status as Incident['tasks'][number]['status'],
        updatedAt: new Date(t.updatedAt).toISOString(),
        pushes: (pushes.get(t.id) ?? []).map((p) => ({
          recipient: p.recipient,
          channel: p.channel,
          status: p.status,
          attempts: p.attempts,
          deliveredAt: p.deliveredAt?.toISOString() ?? null,
        })),
      })),
      timeline: record.events.map((e) => ({
        ...e,
        at: new Date(e.at).toISOString(),
        kind: e.kind as Incident['timeline'][number]['kind'],
      })),
    };
  }

  async function visible(auth: AuthContext, id: string): Promise<IncidentRecord> {
    const record = await incidents.find(id, auth.scope);
    if (!record) throw new DomainError('incident.not_found');
    return record;
  }

  async function changed(
    auth: AuthContext,
    id: string,
    work: (tx: Tx, record: IncidentRecord, published: EventPublisher) => Promise<void>,
  ) {
    const record = await visible(auth, id);
    if (!scopeAllows(auth.scope, record.county, null)) throw new DomainError('registry.scope_outside_caller');
    await inTransactionWithEvents(db, events, (tx, published) => work(tx, record, published));
    return (await presentAll([(await incidents.find(id, auth.scope))!]))[0]!;
  }

  /** Tells the screens (the cockpit and big screen stream) that an incident changed. */
  function announce(
    published: EventPublisher,
    record: IncidentRecord,
    change: AppEvents['incident.changed']['change'],
    status: string = record.status,
  ) {
    published.publish('incident.changed', {
      id: record.id,
      county: record.county,
      enterpriseId: record.enterpriseId,
      change,
      status,
    });
  }

  /** Keeps the statistics' copy of the counted figures and tells the statistics it changed. */
  async function recounted(tx: Tx, record: IncidentRecord, published: EventPublisher) {
    const counted = recount(record);
    await incidents.setCounted(tx, record.id, {
      deaths: counted.figures.deaths,
      seriousInjuries: counted.figures.seriousInjuries,
      directLossWan: String(counted.figures.directLossWan),
      level: counted.level,
    });
    published.publish('statistics.changed', { divisionCode: record.county });
  }

  return {
    async list(auth: AuthContext, filter: IncidentListFilter = {}) {
      return presentAll(await incidents.list(auth.scope, filter));
    },

    async get(auth: AuthContext, id: string) {
      return (await presentAll([await visible(auth, id)]))[0]!;
    },

    /** Changes the incident's security label (密级), never above the caller's own clearance. */
    async setLabel(auth: AuthContext, id: string, label: RecordLabel) {
      const previous = (await visible(auth, id)).securityLabel;
      checkLabelWithin(auth.clearance, label);
      const incident = await changed(auth, id, (tx) => incidents.setLabel(tx, id, label, clock.now()));
      return { previous, incident };
    },

    async report(auth: AuthContext, input: IncidentReport) {
      if (!scopeAllows(auth.scope, input.county, null))
        throw new DomainError('registry.scope_outside_caller');
      const enterprise = input.enterpriseId
        ? await enterprises.findById(input.enterpriseId, auth.scope)
        : null;
      if (input.enterpriseId && !enterprise) throw new DomainError('enterprise.not_found');
      checkLabelWithin(auth.clearance, input.securityLabel);
      const now = clock.now();
      checkReportTimes(input, now);
      const id = await inTransactionWithEvents(db, events, async (tx, published) => {
        const newId = await incidents.insert(tx, input, auth.userId, now);
        const industryCode = input.industryCode ?? enterprise?.industryCode ?? null;
        await incidents.setStatisticalFields(tx, newId, {
          sector: input.sector ?? (await sectors.suggest(tx, industryCode)),
          industryCode,
          township: input.township ?? null,
        });
        const inserted = (await incidents.find(newId, auth.scope, tx))!;
        await recounted(tx, inserted, published);
        announce(published, inserted, 'reported');
        // Recording it here means the report has reached the unit and the county bureau.
        await incidents.update(
          tx,
          newId,
          { reportsSent: { site_to_unit: now.toISOString(), unit_to_county: now.toISOString() } },
          now,
        );
        await incidents.event(
          tx,
          newId,
          now,
          auth.username,
          'report',
          `首报：${input.location}，死亡 ${input.deaths} 人，重伤 ${input.seriousInjuries} 人，失踪 ${input.missing} 人，直接经济损失约 ${input.directLossWan} 万元`,
        );
        return newId;
      });
      const created = present((await incidents.find(id, auth.scope))!);
      await incidents.event(
        db,
        id,
        now,
        'system',
        'note',
        `事故等级：${accidentLevelNames[created.level].zh}`,
      );
      return present((await incidents.find(id, auth.scope))!);
    },

    async followUp(auth: AuthContext, id: string, input: IncidentFollowUp) {
      return changed(auth, id, async (tx, record, published) => {
        const now = clock.now();
        const at = input.at ? new Date(input.at) : now;
        if (at < record.occurredAt || at > now) throw new DomainError('accident.change_before_accident');
        const before = recount(record).level;
        const change = {
          at,
          ...(input.deaths !== undefined ? { deaths: input.deaths } : {}),
          ...(input.seriousInjuries !== undefined ? { seriousInjuries: input.seriousInjuries } : {}),
        };
        const changes = [...record.changes, change];
        const original =
          input.directLossWan !== undefined
            ? { ...record.original, directLossWan: input.directLossWan }
            : undefined;
        await incidents.update(
          tx,
          id,
          {
            changes,
            ...(original ? { original } : {}),
            ...(input.missing !== undefined ? { missing: input.missing } : {}),
          },
          now,
        );
        await incidents.event(tx, id, now, auth.username, 'follow_up', `续报：${input.description}`);
        const updated = { ...record, changes, original: original ?? record.original };
        await recounted(tx, updated, published);
        announce(published, record, 'followed_up');
        const after = recount(updated).level;
        if (after !== before) {
          await incidents.event(
            tx,
            id,
            now,
            'system',
            'reclassified',
            `事故等级由${accidentLevelNames[before].zh}调整为${accidentLevelNames[after].zh}`,
          );
        }
      });
    },

    /** A reviewer decides whether it counts as a 生产安全事故 (not every death is one), and its sector. */
    async classify(auth: AuthContext, id: string, input: IncidentStatistics) {
      return changed(auth, id, async (tx, record, published) => {
        const now = clock.now();
        const industryCode = input.industryCode ?? record.statistics.industryCode;
        await incidents.classify(tx, id, input, industryCode, auth.userId, now);
        await incidents.event(
          tx,
          id,
          now,
          auth.username,
          'note',
          `统计审核：${input.countsAsProduction ? '计入' : '不计入'}生产安全事故（${input.reason}）`,
        );
        published.publish('statistics.changed', { divisionCode: record.county });
        announce(published, record, 'classified');
      });
    },

    async reportSent(auth: AuthContext, id: string, stepId: string) {
      return changed(auth, id, async (tx, record) => {
        const step = present(record).reporting.find((s) => s.id === stepId);
        if (!step) throw new DomainError('incident.unknown_report_step');
        const now = clock.now();
        await incidents.update(
          tx,
          id,
          { reportsSent: { ...record.reportsSent, [stepId]: now.toISOString() } },
          now,
        );
        await incidents.event(
          tx,
          id,
          now,
          auth.username,
          'report_sent',
          `已报告${step.toZh}${step.overdue ? '（已超时）' : ''}`,
        );
      });
    },

    async dispatch(auth: AuthContext, id: string, resourceId: string, note: string | undefined) {
      return changed(auth, id, async (tx, record, published) => {
        const resource = await resources.find(resourceId, auth.scope);
        if (!resource) throw new DomainError('emergency.resource_not_found');
        const now = clock.now();
        // A resource already on an open task of the incident is not dispatched again (a double
        // click, a retried request, a second desk): no second task, notification or push.
        if (await incidents.openTask(tx, id, resourceId)) return;
        const taskId = await incidents.insertTask(tx, id, resourceId, note ?? null, now);
        if (resource.kind === 'team')
          await deps.teamHooks?.dispatched(tx, published, {
            id: taskId,
            incidentId: id,
            county: record.county,
            location: record.location,
            teamId: resourceId,
            teamName: resource.name,
            accidentType: record.accidentType,
            occurredAt: record.occurredAt,
            note: note ?? null,
          });
        await incidents.event(
          tx,
          id,
          now,
          auth.username,
          'dispatch',
          `调派${resource.name}${note ? `：${note}` : ''}`,
        );
      });
    },

    async taskStatus(auth: AuthContext, id: string, taskId: string, status: TeamTaskStatus) {
      return changed(auth, id, async (tx, record, published) => {
        const now = clock.now();
        const task = record.tasks.find((t) => t.id === taskId);
        if (!task) throw new DomainError('incident.task_not_found');
        // Forward only, as from the team's phone (teams/team-task-status.ts).
        if (!canMoveTeamTask(task.status as TeamTaskStatus, status))
          throw new DomainError('incident.task_status_backward');
        const name = await incidents.setTaskStatus(tx, id, taskId, status, now);
        if (!name) throw new DomainError('incident.task_not_found');
        await incidents.event(
          tx,
          id,
          now,
          auth.username,
          'task_status',
          `${name}：${teamTaskStatusNames[status].zh}`,
        );
        deps.teamHooks?.statusChanged(published, {
          id: taskId,
          incidentId: id,
          county: record.county,
          teamId: task.resourceId,
          status,
        });
      });
    },

    async note(auth: AuthContext, id: string, text: string) {
      return changed(auth, id, async (tx) =>
        incidents.event(tx, id, clock.now(), auth.username, 'note', text),
      );
    },

    async close(auth: AuthContext, id: string, text: string) {
      return changed(auth, id, async (tx, record, published) => {
        const now = clock.now();
        await incidents.update(tx, id, { status: 'closed' }, now);
        await incidents.event(tx, id, now, auth.username, 'closed', text);
        announce(published, record, 'closed', 'closed');
      });
    },
  };
}

export type IncidentsService = ReturnType<typeof createIncidentsService>;
