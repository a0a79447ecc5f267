import type {
  AlarmDisposal,
  AlarmRecord,
  AlarmResponse,
  AlarmRuleKind,
  AlarmRuleStatus,
  AlarmStatus,
  AlarmThresholdLevel,
  AlarmTimelineEntry,
  WarningColour,
} from '@anjian/domain';

/** An alarm row with the point's code, name and unit. */
export interface AlarmRow {
  id: string;
  point_id: string;
  object_id: string;
  enterprise_id: string | null;
  county: string;
  rule_id: string;
  rule_version: number;
  kind: AlarmRuleKind;
  level: AlarmThresholdLevel | null;
  colour: WarningColour | null;
  value: number | null;
  status: AlarmStatus;
  evaluation: AlarmRuleStatus;
  raised_at: Date;
  fired_at: Date | null;
  respond_by: Date | null;
  escalation: AlarmResponse['escalation'];
  acknowledged_at: Date | null;
  assignee: string | null;
  cleared_at: Date | null;
  cleared_by: AlarmRecord['clearedBy'] | null;
  clear_reason: string | null;
  disposal: AlarmDisposal | null;
  closed_at: Date | null;
  timeline: StoredTimelineEntry[];
}

export interface AlarmListRow extends AlarmRow {
  point_code: string;
  point_name: string;
  unit: string;
  enterprise_name: string | null;
  object_name: string;
  /** A site without an enterprise answers to this unit (decision 0006). */
  responsible_unit?: string | null;
}

type StoredTimelineEntry = Omit<AlarmTimelineEntry, 'at'> & { at: string };

const dateOr = (value: Date | null | undefined) => value ?? undefined;

export function recordOf(row: AlarmRow): AlarmRecord {
  return {
    status: row.status,
    raisedAt: row.raised_at,
    ...(row.fired_at ? { firedAt: row.fired_at } : {}),
    ...(row.acknowledged_at ? { acknowledgedAt: row.acknowledged_at } : {}),
    ...(row.assignee ? { assignee: row.assignee } : {}),
    ...(row.cleared_at ? { clearedAt: row.cleared_at } : {}),
    ...(row.cleared_by ? { clearedBy: row.cleared_by } : {}),
    ...(row.clear_reason ? { clearReason: row.clear_reason } : {}),
    ...(row.disposal ? { disposal: row.disposal } : {}),
    ...(row.closed_at ? { closedAt: row.closed_at } : {}),
    timeline: row.timeline.map((entry) => ({ ...entry, at: new Date(entry.at) })),
  };
}

/** The record's fields as row columns (timeline as stored JSON). */
export function columnsOf(record: AlarmRecord) {
  return {
    status: record.status,
    raised_at: record.raisedAt,
    fired_at: record.firedAt ?? null,
    acknowledged_at: record.acknowledgedAt ?? null,
    assignee: record.assignee ?? null,
    cleared_at: record.clearedAt ?? null,
    cleared_by: record.clearedBy ?? null,
    clear_reason: record.clearReason ?? null,
    disposal: record.disposal ?? null,
    closed_at: record.closedAt ?? null,
    timeline: record.timeline.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
  };
}

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : undefined);

export function alarmResponseOf(row: AlarmListRow) {
  const record = recordOf(row);
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    ...(row.responsible_unit ? { responsibleUnit: row.responsible_unit } : {}),
    objectId: row.object_id,
    objectName: row.object_name,
    county: row.county,
    point: row.point_code,
    pointId: row.point_id,
    pointName: row.point_name,
    ruleId: row.rule_id,
    ruleVersion: row.rule_version,
    kind: row.kind,
    level: row.level,
    colour: row.colour,
    value: row.value,
    unit: row.unit,
    status: row.status,
    evaluation: row.evaluation,
    raisedAt: row.raised_at.toISOString(),
    ...(row.fired_at ? { firedAt: iso(row.fired_at) } : {}),
    ...(row.respond_by ? { respondBy: iso(row.respond_by) } : {}),
    escalation: row.escalation,
    ...(row.acknowledged_at ? { acknowledgedAt: iso(dateOr(row.acknowledged_at)) } : {}),
    ...(record.assignee ? { assignee: record.assignee } : {}),
    ...(row.cleared_at ? { clearedAt: iso(row.cleared_at) } : {}),
    ...(record.clearedBy ? { clearedBy: record.clearedBy } : {}),
    ...(record.clearReason ? { clearReason: record.clearReason } : {}),
    ...(record.disposal ? { disposal: record.disposal } : {}),
    ...(row.closed_at ? { closedAt: iso(row.closed_at) } : {}),
    timeline: row.timeline,
  };
}
