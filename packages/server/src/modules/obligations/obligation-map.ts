import {
  certificateGaps,
  certificateStanding,
  chinaDate,
  insuranceCoverage,
  parameterOn,
  type CertificateGapKind,
  type CertificateKind,
  type DataScope,
  type ObligationParameters,
  type PersonPost,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { conditionsOf } from './obligations-sql.ts';

/** One enterprise of the one-map's 企业主体责任缺项 layer, with the day's gaps (codes; the page names them). */
export interface ObligationMapPoint {
  id: string;
  name: string;
  county: string;
  lon: number;
  lat: number;
  demo: boolean;
  certificateGaps: { kind: CertificateGapKind; personName: string | null; operation: string | null }[];
  /** A mandatory-sector enterprise without a policy in force. */
  uninsured: boolean;
}

/** The port the one-map reads: enterprises in the scope (with a position) that have an obligation gap today. */
export interface ObligationGapsMap {
  points(scope: DataScope, filter: { county?: string | undefined }): Promise<ObligationMapPoint[]>;
}

interface CandidateRow {
  id: string;
  name: string;
  county: string;
  lon: number;
  lat: number;
  demo: boolean;
  sectors: string[];
  people: {
    id: string;
    name: string;
    post: PersonPost;
    operation: string | null;
    certificates: {
      kind: CertificateKind;
      operation: string | null;
      expiresOn: string;
      reviewDueOn: string | null;
      reviewedOn: string | null;
    }[];
  }[];
  policies: { startsOn: string; endsOn: string; perPersonYuan: number }[];
}

/**
 * Candidates are the operating enterprises of the Art. 27 or mandatory-insurance sectors and those
 * with special-operation workers; the same dated rules as the 一企一档 tab and the coverage list judge them.
 */
export function createObligationGapsMap(deps: {
  db: Db;
  clock: Clock;
  parameters: ObligationParameters;
}): ObligationGapsMap {
  const { db, clock, parameters } = deps;
  return {
    async points(scope, filter) {
      const day = chinaDate(clock.now());
      const assessed = parameterOn(parameters.managerAssessmentSectors, day);
      const insured = parameterOn(parameters.insuranceSectors, day);
      const c = conditionsOf(scope, { county: 'e.county', enterprise: 'e.id' });
      if (filter.county) c.add((n) => `e.county = $${n}`, filter.county);
      c.add(
        (n) =>
          `(e.sectors && $${n}::text[] OR EXISTS (SELECT 1 FROM obligation_people s
             WHERE s.enterprise_id = e.id AND s.post = 'special_operation'))`,
        [...new Set([...assessed, ...insured])],
      );
      const rows = await db.query<CandidateRow>(
        `SELECT e.id, e.name, e.county, e.lon, e.lat, e.demo, e.sectors,
           (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'post', p.post, 'operation', p.operation,
               'certificates', (SELECT coalesce(json_agg(json_build_object('kind', c.kind, 'operation', c.operation,
                   'expiresOn', c.expires_on::text, 'reviewDueOn', c.review_due_on::text, 'reviewedOn', c.reviewed_on::text)),
                 '[]') FROM obligation_certificates c WHERE c.person_id = p.id))
               ORDER BY p.post, p.name, p.id), '[]') FROM obligation_people p WHERE p.enterprise_id = e.id) AS people,
           (SELECT coalesce(json_agg(json_build_object('startsOn', p.starts_on::text, 'endsOn', p.ends_on::text,
               'perPersonYuan', p.per_person_yuan::float8)), '[]')
              FROM obligation_policies p WHERE p.enterprise_id = e.id) AS policies
         FROM enterprise_directory e
         WHERE e.status = 'operating' AND e.lon IS NOT NULL AND e.lat IS NOT NULL AND ${c.where()}
         ORDER BY e.county, e.name, e.id`,
        c.params,
      );
      const points: ObligationMapPoint[] = [];
      for (const row of rows.rows) {
        const staff = row.people.map((p) => ({
          ...p,
          certificates: p.certificates.map((cert) => ({
            ...cert,
            status: certificateStanding(cert, day, parameters).status,
          })),
        }));
        const gaps = certificateGaps(row, staff, day, parameters).map((g) => ({
          kind: g.kind,
          personName: g.personName,
          operation: g.operation,
        }));
        const uninsured = insuranceCoverage(row, row.policies, day, parameters).status === 'uninsured';
        if (gaps.length === 0 && !uninsured) continue;
        points.push({
          id: row.id,
          name: row.name,
          county: row.county,
          lon: Number(row.lon),
          lat: Number(row.lat),
          demo: row.demo,
          certificateGaps: gaps,
          uninsured,
        });
      }
      return points;
    },
  };
}
