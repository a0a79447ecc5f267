import {
  defaultPointThresholds,
  monitoringPointProblems,
  monitoringPointTypeOf,
  type FieldProblem,
  type MonitoringPointDefinition,
  type MonitoringPointType,
  type PointThresholds,
  type ProcessThresholdLevel,
  type ToxicGasCode,
  type WarningColour,
} from '@anjian/domain';

/*
 * The "新增监测点" form as plain data: a new draft takes the type's default unit, range and
 * interval; thresholds left out take the type's defaults on the server.
 */

/** Kinds of regulated object a monitoring point may be put on (the server's rule). */
export const monitorableObjectKinds = [
  'major_hazard_source',
  'tailings_pond',
  'underground_mine',
  'open_pit_mine',
] as const;
export type MonitorableObjectKind = (typeof monitorableObjectKinds)[number];

export interface PointDraft {
  objectId: string;
  type: MonitoringPointType;
  code: string;
  name: string;
  unit: string;
  gas: ToxicGasCode | '';
  rangeMin: number | null;
  rangeMax: number | null;
  expectedIntervalSeconds: number | null;
  /** true: no thresholds are sent and the type's defaults apply. */
  useDefaultThresholds: boolean;
  thresholds: PointThresholds | null;
  location: string;
}

export function newPointDraft(type: MonitoringPointType, objectId = ''): PointDraft {
  const definition = monitoringPointTypeOf(type);
  return {
    objectId,
    type,
    code: '',
    name: '',
    unit: definition.units[0],
    gas: '',
    rangeMin: definition.range.min,
    rangeMax: definition.range.max,
    expectedIntervalSeconds: definition.expectedIntervalSeconds,
    useDefaultThresholds: true,
    thresholds: null,
    location: '',
  };
}

/** The draft after the type changed: the new type's unit, range and interval; the rest kept. */
export function withPointType(draft: PointDraft, type: MonitoringPointType): PointDraft {
  const fresh = newPointDraft(type, draft.objectId);
  return { ...fresh, code: draft.code, name: draft.name, location: draft.location };
}

/** The thresholds the type gives this draft (unit and gas matter), or null when only the design can. */
export function draftDefaultThresholds(draft: PointDraft): PointThresholds | null {
  return defaultPointThresholds({
    type: draft.type,
    unit: draft.unit,
    gas: draft.gas === '' ? undefined : draft.gas,
  });
}

/** The definition POST /api/v1/monitoring/points takes. */
export function pointDefinitionFromDraft(draft: PointDraft): MonitoringPointDefinition {
  return {
    code: draft.code.trim(),
    name: draft.name.trim(),
    objectId: draft.objectId,
    type: draft.type,
    unit: draft.unit,
    ...(draft.type === 'toxic_gas' && draft.gas !== '' ? { gas: draft.gas } : {}),
    range: { min: draft.rangeMin ?? Number.NaN, max: draft.rangeMax ?? Number.NaN },
    expectedIntervalSeconds: draft.expectedIntervalSeconds ?? Number.NaN,
    ...(!draft.useDefaultThresholds && draft.thresholds ? { thresholds: draft.thresholds } : {}),
    ...(draft.location.trim() ? { location: draft.location.trim() } : {}),
  };
}

/** Missing fields first (as `required`), then the domain's consistency checks. */
export function pointDraftProblems(draft: PointDraft): FieldProblem[] {
  const missing: FieldProblem[] = [];
  const need = (path: string, present: boolean) => {
    if (!present) missing.push({ path, code: 'required', message: 'required' });
  };
  need('objectId', draft.objectId !== '');
  need('code', /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(draft.code.trim()));
  need('name', draft.name.trim() !== '');
  need('range.min', draft.rangeMin !== null);
  need('range.max', draft.rangeMax !== null);
  need(
    'expectedIntervalSeconds',
    draft.expectedIntervalSeconds !== null &&
      Number.isInteger(draft.expectedIntervalSeconds) &&
      draft.expectedIntervalSeconds >= 1 &&
      draft.expectedIntervalSeconds <= 86_400,
  );
  if (missing.length > 0) return missing;
  return monitoringPointProblems(pointDefinitionFromDraft(draft));
}

/** Process thresholds with one set point changed (null removes it); its colour is kept. */
export function withProcessThreshold(
  thresholds: PointThresholds,
  level: ProcessThresholdLevel,
  value: number | null,
): PointThresholds {
  if (thresholds.scheme !== 'process') return thresholds;
  const { [level]: previous, ...rest } = thresholds;
  return value === null ? rest : { ...rest, [level]: { ...previous, value } };
}

/** Graded thresholds with one colour's limit changed (null removes it). */
export function withGradedThreshold(
  thresholds: PointThresholds,
  level: WarningColour,
  value: number | null,
): PointThresholds {
  if (thresholds.scheme !== 'graded') return thresholds;
  const { [level]: _previous, ...rest } = thresholds;
  return value === null ? rest : { ...rest, [level]: value };
}
