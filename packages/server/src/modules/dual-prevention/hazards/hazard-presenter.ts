import {
  availableHiddenHazardActions,
  evaluateHazardEscalation,
  type HiddenHazardActorKind,
  type HiddenHazardEscalationRules,
  type HiddenHazardResponse,
} from '@anjian/domain';
import type { HazardRecord } from './hazards.repository.ts';

export type HazardAnswer = HiddenHazardResponse & { enterpriseName: string; county: string };

/** The caller as the closed loop sees them, for the steps the answer offers. */
export interface HazardActingParty {
  readonly kind: HiddenHazardActorKind;
  readonly mayAct: boolean;
  readonly maySupervise: boolean;
}
type TimelineAnswer = HiddenHazardResponse['timeline'][number];

const iso = (d: Date) => d.toISOString();

function escalationOf(record: HazardRecord, now: Date, rules: HiddenHazardEscalationRules) {
  const s = record.state;
  return evaluateHazardEscalation(
    {
      level: s.level,
      status: s.status,
      source: s.source,
      deadline: s.deadline,
      supervisionLevel: s.supervision?.closedAt ? undefined : s.supervision?.level,
      submittedAt: s.rectification?.submittedAt,
    },
    now,
    rules,
  ).state;
}

/** The people's steps and the ladder's steps, in time order (people first at the same instant). */
function timelineOf(record: HazardRecord): TimelineAnswer[] {
  const people = record.state.timeline.map((t) => ({ ...t, at: iso(t.at) }) as TimelineAnswer);
  const ladder = record.escalationSteps.map((s): TimelineAnswer => ({
    at: iso(s.firedAt),
    actorKind: 'system',
    actorId: 'system',
    action: 'escalate',
    from: s.status as TimelineAnswer['to'],
    to: s.status as TimelineAnswer['to'],
    step: s.step,
    subject: s.subject,
    note: s.deadline,
  }));
  return [...people, ...ladder].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function supervisionOf(record: HazardRecord): HiddenHazardResponse['supervision'] {
  const s = record.state.supervision;
  if (!s) return undefined;
  const { closedAt, ...rest } = s;
  return {
    ...rest,
    listedAt: iso(s.listedAt),
    reviews: (s.reviews ?? []).map((r) => ({ ...r, at: iso(r.at) })),
    ...(closedAt ? { closedAt: iso(closedAt) } : {}),
  };
}

/** A hazard record as the API answers it; the escalation state under the configured days. */
export function presentHazard(
  record: HazardRecord,
  now: Date,
  rules: HiddenHazardEscalationRules,
  party?: HazardActingParty,
): HazardAnswer {
  const s = record.state;
  const supervision = supervisionOf(record);
  return {
    id: record.id,
    enterpriseId: record.enterpriseId,
    enterpriseName: record.enterpriseName,
    county: record.county,
    source: s.source,
    ...(record.sourceRef ? { sourceRef: record.sourceRef } : {}),
    location: { text: record.locationText, ...(record.lonLat ? { lonLat: record.lonLat } : {}) },
    description: record.description,
    category: record.category as HiddenHazardResponse['category'],
    photos: record.photos,
    securityLabel: record.securityLabel,
    level: s.level,
    criteria: [...s.criteria],
    ...(s.majorJudgement ? { majorJudgement: s.majorJudgement } : {}),
    status: s.status,
    ...(s.deadline ? { deadline: s.deadline } : {}),
    ...(s.plan ? { plan: { ...s.plan, submittedAt: iso(s.plan.submittedAt) } } : {}),
    ...(supervision ? { supervision } : {}),
    ...(s.extensionRequest
      ? { extensionRequest: { ...s.extensionRequest, requestedAt: iso(s.extensionRequest.requestedAt) } }
      : {}),
    extensions: s.extensions.map((e) => ({ ...e, approvedAt: iso(e.approvedAt) })),
    progressReports: (s.progressReports ?? []).map((r) => ({ ...r, at: iso(r.at), photos: [...r.photos] })),
    ...(s.rectification
      ? {
          rectification: {
            ...s.rectification,
            photos: [...s.rectification.photos],
            documents: [...s.rectification.documents],
            submittedAt: iso(s.rectification.submittedAt),
          },
        }
      : {}),
    rejectionCount: s.rejectionCount,
    reportedAt: iso(s.reportedAt),
    ...(s.closedAt ? { closedAt: iso(s.closedAt) } : {}),
    escalation: escalationOf(record, now, rules),
    linkedPointIds: record.linkedPointIds,
    timeline: timelineOf(record),
    ...(party ? { allowedActions: availableHiddenHazardActions(s, party.kind, party) } : {}),
  } as HazardAnswer;
}
