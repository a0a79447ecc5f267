import type { HiddenHazardState } from '@anjian/domain';

/**
 * The domain state as stored in jsonb: instants become ISO strings on the way in and Dates on the
 * way out, field by field, so that nothing else changes shape.
 */
type Json = Record<string, unknown>;
const toDate = (value: unknown) => new Date(String(value));

export function stateToJson(state: HiddenHazardState): Json {
  return JSON.parse(JSON.stringify(state)) as Json;
}

export function stateFromJson(json: Json): HiddenHazardState {
  const s = json as unknown as HiddenHazardState & Json;
  const plan = s.plan ? { ...s.plan, submittedAt: toDate(s.plan.submittedAt) } : undefined;
  const supervision = s.supervision
    ? {
        ...s.supervision,
        listedAt: toDate(s.supervision.listedAt),
        ...(s.supervision.reviews
          ? { reviews: s.supervision.reviews.map((r) => ({ ...r, at: toDate(r.at) })) }
          : {}),
        ...(s.supervision.closedAt ? { closedAt: toDate(s.supervision.closedAt) } : {}),
      }
    : undefined;
  const extensionRequest = s.extensionRequest
    ? { ...s.extensionRequest, requestedAt: toDate(s.extensionRequest.requestedAt) }
    : undefined;
  const rectification = s.rectification
    ? { ...s.rectification, submittedAt: toDate(s.rectification.submittedAt) }
    : undefined;
  return {
    ...s,
    reportedAt: toDate(s.reportedAt),
    ...(s.closedAt ? { closedAt: toDate(s.closedAt) } : {}),
    ...(plan ? { plan } : {}),
    ...(supervision ? { supervision } : {}),
    ...(extensionRequest ? { extensionRequest } : {}),
    ...(rectification ? { rectification } : {}),
    ...(s.progressReports
      ? { progressReports: s.progressReports.map((r) => ({ ...r, at: toDate(r.at) })) }
      : {}),
    extensions: s.extensions.map((e) => ({ ...e, approvedAt: toDate(e.approvedAt) })),
    timeline: s.timeline.map((t) => ({ ...t, at: toDate(t.at) })),
  };
}
