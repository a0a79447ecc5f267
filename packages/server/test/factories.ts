import { generateSyntheticCreditCode } from '@anjian/domain';
import type { Queryable } from '../src/platform/db.ts';

/**
 * Test data made in one place. Each factory writes the rows a record needs, with the fewest
 * columns the schema requires plus the ones a test names; tests that care about a field pass it.
 * Records the API can make are made through the API in the tests themselves; these are for the
 * state a test starts from (a registered enterprise, a hazard in a given stage, a point, …).
 */

async function insertReturningId(
  db: Queryable,
  table: string,
  values: Record<string, unknown>,
): Promise<string> {
  const columns = Object.keys(values);
  const placeholders = columns.map((_, i) => `$${i + 1}`);
  const row = await db.query<{ id: string }>(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders.join(', ')}) RETURNING id`,
    Object.values(values),
  );
  return row.rows[0]!.id;
}

/** Only the fields given: an absent field leaves the column's default. */
function given(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

export interface EnterpriseSpec {
  name: string;
  county: string;
  /** Makes the credit code: a valid synthetic 统一社会信用代码 of the county, unique per serial. */
  serial: number;
  id?: string;
  sectors?: string[];
  keyTags?: string[];
  industryCode?: string;
  address?: string;
  lon?: number;
  lat?: number;
  createdAt?: Date | string;
}

/** A registered enterprise (the registry's row), answering its id. */
export function insertEnterprise(db: Queryable, spec: EnterpriseSpec): Promise<string> {
  const at = spec.createdAt ?? new Date();
  return insertReturningId(
    db,
    'enterprises',
    given({
      id: spec.id,
      name: spec.name,
      credit_code: generateSyntheticCreditCode(spec.serial, { divisionCode: spec.county }),
      county: spec.county,
      sectors: spec.sectors,
      key_tags: spec.keyTags,
      industry_code: spec.industryCode,
      address: spec.address,
      lon: spec.lon,
      lat: spec.lat,
      created_at: at,
      updated_at: new Date(),
    }),
  );
}

export interface ObjectSpec {
  enterpriseId: string;
  county: string;
  name: string;
  kind?: string;
  lon?: number;
  lat?: number;
}

/** A regulated object (a major hazard source by default) at a point near Yuxi. */
export function insertObject(db: Queryable, spec: ObjectSpec): Promise<string> {
  return insertReturningId(db, 'regulated_objects', {
    kind: spec.kind ?? 'major_hazard_source',
    name: spec.name,
    enterprise_id: spec.enterpriseId,
    county: spec.county,
    lon: spec.lon ?? 102.5,
    lat: spec.lat ?? 24.3,
    created_at: new Date(),
    updated_at: new Date(),
  });
}

export interface PointSpec {
  code: string;
  name: string;
  objectId: string;
  enterpriseId: string;
  county: string;
}

/** A combustible-gas monitoring point (0–100 %LEL, a reading every 10 s) on an object. */
export function insertPoint(db: Queryable, spec: PointSpec): Promise<string> {
  return insertReturningId(db, 'monitoring_points', {
    code: spec.code,
    name: spec.name,
    object_id: spec.objectId,
    enterprise_id: spec.enterpriseId,
    county: spec.county,
    type: 'combustible_gas',
    unit: '%LEL',
    range_min: 0,
    range_max: 100,
    expected_interval_seconds: 10,
    created_at: new Date(),
    updated_at: new Date(),
  });
}

export interface HazardSpec {
  enterpriseId: string;
  county: string;
  reportedBy: string;
  status: string;
  level?: 'general' | 'major';
  source?: string;
  locationText?: string;
  description?: string;
  category?: string;
  deadline?: string | null;
  supervisionLevel?: string | null;
  /** The workflow state as JSON (default `{}`). */
  state?: unknown;
  reportedAt?: Date | string;
}

/** A hidden hazard in a given stage of the closed loop, as the workflow would have left it. */
export function insertHazard(db: Queryable, spec: HazardSpec): Promise<string> {
  return insertReturningId(
    db,
    'hidden_hazards',
    given({
      enterprise_id: spec.enterpriseId,
      county: spec.county,
      source: spec.source ?? 'self_check',
      location_text: spec.locationText ?? '车间',
      description: spec.description ?? '测试隐患',
      category: spec.category ?? '05',
      level: spec.level ?? 'general',
      status: spec.status,
      deadline: spec.deadline,
      supervision_level: spec.supervisionLevel,
      state: JSON.stringify(spec.state ?? {}),
      reported_by: spec.reportedBy,
      reported_at: spec.reportedAt ?? new Date(),
      updated_at: new Date(),
    }),
  );
}

export interface IncidentSpec {
  county: string;
  createdBy: string;
  occurredAt: Date | string;
  enterpriseId?: string;
  location: string;
  description: string;
  status?: string;
  reportsSent?: unknown;
}

/** An incident report: a 09 (other) accident with one serious injury and 10 万元 direct loss. */
export function insertIncident(db: Queryable, spec: IncidentSpec): Promise<string> {
  return insertReturningId(
    db,
    'incidents',
    given({
      occurred_at: spec.occurredAt,
      county: spec.county,
      enterprise_id: spec.enterpriseId,
      location: spec.location,
      accident_type: '09',
      original: '{"deaths":0,"seriousInjuries":1,"directLossWan":"10"}',
      description: spec.description,
      reporter: '测试',
      reports_sent: spec.reportsSent === undefined ? undefined : JSON.stringify(spec.reportsSent),
      status: spec.status,
      created_by: spec.createdBy,
      created_at: new Date(),
      updated_at: new Date(),
    }),
  );
}

export interface AlarmSpec {
  pointId: string;
  objectId: string;
  enterpriseId: string;
  county: string;
  status: string;
  raisedAt: Date | string;
  /** Default: 30 minutes from now. */
  respondBy?: Date | string;
}

/** A yellow H-threshold alarm on a combustible-gas point (25 %LEL), awaiting a response for 30 minutes. */
export function insertAlarm(db: Queryable, spec: AlarmSpec): Promise<string> {
  return insertReturningId(db, 'alarms', {
    point_id: spec.pointId,
    object_id: spec.objectId,
    enterprise_id: spec.enterpriseId,
    county: spec.county,
    rule_id: 'combustible_gas.h',
    rule_version: 1,
    kind: 'threshold',
    level: 'H',
    colour: 'yellow',
    value: 25,
    status: spec.status,
    evaluation: 'firing',
    raised_at: spec.raisedAt,
    fired_at: spec.raisedAt,
    respond_by: spec.respondBy ?? new Date(Date.now() + 30 * 60_000),
    escalation: 'awaiting_response',
    timeline: '[]',
    updated_at: new Date(),
  });
}
