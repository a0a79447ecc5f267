import { XLSX_TYPE } from '../../src/platform/office/index.ts';
import { workbookOf } from '../../src/modules/statistics/statistics-test-support.ts';
import type { CaseInput, RouteCase, Target } from './matrix-support.ts';
import { countyOf, dispatchers, dispatchersOut, newIncident, statuses } from './matrix-support.ts';

/**
 * Authorisation-matrix rows for the statistics (see ../authorization-matrix.routes.test.ts). The
 * figures need stats:read (city, county and industry officers); a county named outside the caller's
 * scope is 403. Accident history is imported like an accident report (emergency:write), with
 * out-of-scope rows reported in a 200; denominators and control numbers are the city's
 * (registry:configure).
 */
const readers = (status: number) =>
  statuses(403, { cityOfficer: status, countyOfficer: status, industryOfficer: status });
const readersOut = () => statuses(403, { cityOfficer: 200, countyOfficer: 403, industryOfficer: 200 });
const cityOnly = (status: number) => statuses(403, { cityOfficer: status });

let minute = 0;
let mappingSeq = 0;
/** One accident row per build, each at its own minute so no build meets another's as a duplicate. */
const accidentFile = (target: Target) =>
  workbookOf('accidents', [
    {
      occurredAt: `2021-01-01 ${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute++ % 60).padStart(2, '0')}`,
      county: countyOf(target),
      location: '矩阵事故地点',
      sector: '工贸行业',
      accidentType: '物体打击',
      deaths: 1,
    },
  ]);

const upload = (url: string, file: Promise<Buffer>) => async () => ({
  url,
  payload: await file,
  headers: { 'content-type': XLSX_TYPE },
});

let findingSeq = 0;
/** A counted accident of its own per build (its own minute), with a finding when `found`. */
async function findingAccident(t: CaseInput['t'], found: boolean): Promise<string> {
  const at = new Date(Date.UTC(2020, 0, 1, 0, findingSeq++));
  const rows = await t.db.query<{ id: string }>(
    `INSERT INTO statistics_accidents (occurred_at, county, location, sector, accident_type, level, deaths, imported_at)
     VALUES ($1, '530403', '矩阵瞒报认定地点', 'construction', '01', 'general', 1, now()) RETURNING id`,
    [at],
  );
  const id = rows.rows[0]!.id;
  if (found)
    await t.db.query(
      `INSERT INTO statistics_reporting_findings (accident_id, finding, reason, set_by, set_at)
       VALUES ($1, 'late', '矩阵认定理由', (SELECT id FROM users LIMIT 1), now())`,
      [id],
    );
  return id;
}

export const statisticsMatrix: Record<string, RouteCase> = {
  // 瞒报/谎报/迟报 findings are the city's statistics staff's (registry:configure), with a reason.
  'PUT /api/v1/statistics/accidents/:id/reporting-finding': {
    build: async ({ t }) => ({
      url: `/api/v1/statistics/accidents/${await findingAccident(t, false)}/reporting-finding`,
      payload: { finding: 'concealed', reason: '矩阵测试认定理由' },
    }),
    in: cityOnly(200),
  },
  'DELETE /api/v1/statistics/accidents/:id/reporting-finding': {
    build: async ({ t }) => ({
      url: `/api/v1/statistics/accidents/${await findingAccident(t, true)}/reporting-finding`,
    }),
    in: cityOnly(204),
  },
  'GET /api/v1/statistics/indicators': {
    build: async ({ target }) => ({
      url: `/api/v1/statistics/indicators?year=2026&divisionCode=${countyOf(target)}`,
    }),
    in: readers(200),
    out: readersOut(),
  },
  'GET /api/v1/statistics/indicators/counties': {
    build: async () => ({ url: '/api/v1/statistics/indicators/counties?year=2026' }),
    in: readers(200),
  },
  'GET /api/v1/statistics/monthly': {
    build: async ({ target }) => ({
      url: `/api/v1/statistics/monthly?year=2026&month=11&divisionCode=${countyOf(target)}`,
    }),
    in: readers(200),
    out: readersOut(),
  },
  'GET /api/v1/statistics/monthly/export': {
    build: async ({ target }) => ({
      url: `/api/v1/statistics/monthly/export?year=2026&month=11&divisionCode=${countyOf(target)}`,
    }),
    in: readers(200),
    out: readersOut(),
  },
  'GET /api/v1/statistics/drill': {
    build: async ({ target }) => ({
      url: `/api/v1/statistics/drill?year=2026&divisionCode=${countyOf(target)}`,
    }),
    in: readers(200),
    out: readersOut(),
  },
  'GET /api/v1/statistics/control-numbers': {
    build: async () => ({ url: '/api/v1/statistics/control-numbers?year=2026' }),
    in: readers(200),
  },
  'GET /api/v1/statistics/imports/:kind/template': {
    build: async () => ({ url: '/api/v1/statistics/imports/accidents/template' }),
    in: readers(200),
  },
  'POST /api/v1/statistics/imports/accidents': {
    // Out-of-scope rows come back as row errors in a 200 report (statistics.routes.test.ts).
    build: async ({ target }) => upload('/api/v1/statistics/imports/accidents', accidentFile(target))(),
    in: dispatchers(200),
    out: dispatchers(200),
  },
  'POST /api/v1/statistics/imports/denominators': {
    build: upload(
      '/api/v1/statistics/imports/denominators',
      workbookOf('denominators', [{ year: 2024, county: '江川区', gdpYi: 210, workers: 30_000 }]),
    ),
    in: cityOnly(200),
  },
  'POST /api/v1/statistics/imports/control-numbers': {
    build: upload(
      '/api/v1/statistics/imports/control-numbers',
      workbookOf('control-numbers', [{ year: 2026, county: '江川区', deaths: 6 }]),
    ),
    in: cityOnly(200),
  },
  'GET /api/v1/statistics/sector-mappings': {
    build: async () => ({ url: '/api/v1/statistics/sector-mappings' }),
    in: readers(200),
  },
  'GET /api/v1/statistics/sector-mappings/export': {
    build: async () => ({ url: '/api/v1/statistics/sector-mappings/export' }),
    in: readers(200),
  },
  'PUT /api/v1/statistics/sector-mappings/:prefix': {
    build: async () => ({
      url: '/api/v1/statistics/sector-mappings/D44',
      payload: { sector: 'industry_trade' },
    }),
    in: cityOnly(200),
  },
  'DELETE /api/v1/statistics/sector-mappings/:prefix': {
    // A prefix of its own for each build, so every caller meets a row to delete.
    build: async ({ t }) => {
      const prefix = `T${String(10 + (mappingSeq++ % 90))}`;
      await t.db.query(
        `INSERT INTO statistics_sector_mappings (prefix, sector) VALUES ($1, 'other') ON CONFLICT DO NOTHING`,
        [prefix],
      );
      return { url: `/api/v1/statistics/sector-mappings/${prefix}` };
    },
    in: cityOnly(204),
  },
  'GET /api/v1/statistics/indicator-settings': {
    build: async () => ({ url: '/api/v1/statistics/indicator-settings' }),
    in: readers(200),
  },
  'PUT /api/v1/statistics/indicator-settings/:code': {
    // An indicator of the matrix's own, so the seed's four stay as they are for other rows.
    build: async () => ({
      url: '/api/v1/statistics/indicator-settings/matrix_indicator',
      payload: {
        nameZh: '矩阵指标',
        nameEn: 'Matrix indicator',
        unit: '人',
        kind: 'expected',
        formula: 'deaths',
        comparison: 'point',
        baselineFrom: 2020,
        baselineTo: 2020,
        targetYear: 2025,
        targetChange: -0.1,
        decimals: 0,
        position: 90,
        active: false,
      },
    }),
    in: cityOnly(200),
  },
  'PUT /api/v1/incidents/:id/statistics': {
    build: async ({ t, target }) => ({
      url: `/api/v1/incidents/${await newIncident(t, target)}/statistics`,
      payload: { sector: 'industry_trade', countsAsProduction: false, reason: '矩阵：统计核销' },
    }),
    in: dispatchers(200),
    out: dispatchersOut(200),
  },
};
