import { chinaDate } from '../../common/china-time.ts';
import { AccidentError } from './accident.errors.ts';
import { gb6441AccidentTypes } from './accident-types.ts';
import { gb6441v2025AccidentTypes } from './accident-types-2025.ts';

/** One accident type of a classification version; `fire` marks the type with Art. 13's 7-day window. */
export interface AccidentType {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly fire?: boolean;
}

/** A version of the GB 6441 classification and the first accident day (China time) it applies to. */
export interface AccidentTypeVersion {
  readonly id: string;
  readonly titleZh: string;
  readonly titleEn: string;
  /** First accident date (YYYY-MM-DD, China Standard Time) classified by this version; null = always. */
  readonly effectiveFrom: string | null;
  /** True while the list is taken from secondary sources and not checked against the standard. */
  readonly unconfirmed: boolean;
  readonly types: readonly AccidentType[];
}

export interface AccidentTypeOptions {
  /** The versions, oldest first; each applies from its `effectiveFrom` until the next one's. */
  readonly versions: readonly AccidentTypeVersion[];
}

/**
 * GB 6441-2025 replaces GB 6441-1986 for accidents from 2026-07-01 (statistics-and-plan.md §3:
 * published 2025-12-31, in force 2026-07-01 [S19, S20]; a draft said 2027-01-01). The date and the
 * lists are data: pass other `versions` to change them.
 */
export const defaultAccidentTypeOptions: AccidentTypeOptions = Object.freeze({
  versions: Object.freeze([
    {
      id: 'GB6441-1986',
      titleZh: 'GB 6441-1986《企业职工伤亡事故分类》',
      titleEn: 'GB 6441-1986 Classification of accidents causing injury to workers',
      effectiveFrom: null,
      unconfirmed: false,
      types: gb6441AccidentTypes.map((type) => (type.code === '08' ? { ...type, fire: true } : type)),
    },
    {
      id: 'GB6441-2025',
      titleZh: 'GB 6441-2025《生产安全事故分类与编码》',
      titleEn: 'GB 6441-2025 Classification and coding of work-safety accidents',
      effectiveFrom: '2026-07-01',
      unconfirmed: true,
      types: gb6441v2025AccidentTypes,
    },
  ]),
});

/** The classification version that applies to an accident at `occurredAt` (by its China date). */
export function accidentTypeVersionFor(
  occurredAt: Date,
  options: AccidentTypeOptions = defaultAccidentTypeOptions,
): AccidentTypeVersion {
  if (Number.isNaN(occurredAt.getTime())) throw new AccidentError('accident.invalid_time', { occurredAt });
  const day = chinaDate(occurredAt);
  const applicable = options.versions.filter((v) => v.effectiveFrom === null || v.effectiveFrom <= day);
  const version = applicable.at(-1) ?? options.versions[0];
  if (!version) throw new Error('no accident type version configured');
  return version;
}

/** The type with this code in any version, and its version; undefined for an unknown code. */
export function findAccidentType(
  code: string,
  options: AccidentTypeOptions = defaultAccidentTypeOptions,
): { version: AccidentTypeVersion; type: AccidentType } | undefined {
  const wanted = code.trim().toUpperCase();
  for (const version of options.versions) {
    const type = version.types.find((candidate) => candidate.code === wanted);
    if (type) return { version, type };
  }
  return undefined;
}

/**
 * The type of an accident, checked against the version its date selects: an unknown code is
 * `accident.unknown_type`, a code of the other version `accident.type_version_mismatch` (details
 * say which version the date needs).
 */
export function checkAccidentType(
  code: string,
  occurredAt: Date,
  options: AccidentTypeOptions = defaultAccidentTypeOptions,
): AccidentType {
  const found = findAccidentType(code, options);
  if (!found) throw new AccidentError('accident.unknown_type', { input: code });
  const required = accidentTypeVersionFor(occurredAt, options);
  if (found.version.id !== required.id) {
    throw new AccidentError('accident.type_version_mismatch', {
      input: code,
      codeVersion: found.version.id,
      requiredVersion: required.id,
      accidentDate: chinaDate(occurredAt),
    });
  }
  return found.type;
}
