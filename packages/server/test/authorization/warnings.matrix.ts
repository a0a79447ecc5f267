import { randomUUID } from 'node:crypto';
import { buildCapXml, defaultLevelMapping, findWarningEventType } from '@anjian/domain';
import type { TestContext } from '../test-app.ts';
import {
  countyOf,
  newEnterprise,
  everyone,
  newIncident,
  statuses,
  type RouteCase,
  type Target,
} from './matrix-support.ts';

/**
 * Authorisation-matrix rows for public warning release (see ../authorization-matrix.routes.test.ts).
 * City and county officers write (warning:write), city officers approve (warning:approve); the
 * author of every fixture warning is someone else, so the two-person rule never decides a row.
 * "In scope" is a warning for 江川区 (the county officer's), "out of scope" one for 通海县.
 */
const AUTHOR = '00000000-0000-4000-8000-00000000a001';

const INPUT = (target: Target) => ({
  eventType: 'gas',
  level: 'yellow',
  onset: '2026-11-29T10:00:00+08:00',
  expires: '2026-12-29T10:00:00+08:00',
  contact: '0877-2023110',
  area: { counties: [countyOf(target)] },
  info: { zh: { headline: '矩阵预警', description: '矩阵测试', instruction: '' } },
});

async function newWarning(t: TestContext, target: Target, status: string, released = 0): Promise<string> {
  const county = countyOf(target);
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO warnings (status, event_type, level, onset, expires, contact, area, counties, info, author_id,
       author_name, released_versions, created_at, updated_at)
     VALUES ($1, 'gas', 'yellow', '2026-11-29T02:00:00Z', '2026-12-29T02:00:00Z', '0877', $2, $3, $4, $5, '矩阵作者', $6, now(), now())
     RETURNING id`,
    [
      status,
      JSON.stringify({ counties: [county], townships: [], polygon: null, circle: null }),
      [county],
      JSON.stringify({ zh: { headline: '矩阵预警', description: '矩阵测试', instruction: '' }, en: null }),
      AUTHOR,
      released,
    ],
  );
  return row.rows[0]!.id;
}

async function newVersion(t: TestContext): Promise<string> {
  const id = await newWarning(t, 'in', 'published', 1);
  const identifier = `53040000000000_${randomUUID().replace(/\D/g, '').slice(0, 14).padEnd(14, '0')}_0`;
  await t.db.query(
    `INSERT INTO warning_versions (warning_id, version, identifier, msg_type, sent, content, cap_xml, sm3)
     VALUES ($1, 1, $2, 'Alert', now(), '{}', '<alert/>', 'x')`,
    [id, identifier],
  );
  return identifier;
}

/** A firing alarm at a site in the target county (the chain's first link). */
async function newAlarm(t: TestContext, target: Target): Promise<string> {
  const object = await t.db.query<{ id: string }>(
    `INSERT INTO regulated_objects (kind, name, enterprise_id, county, lon, lat, created_at, updated_at)
     VALUES ('major_hazard_source', '矩阵液氯罐区', $1, $2, 102.5, 24.3, now(), now()) RETURNING id`,
    [await newEnterprise(t, target), countyOf(target)],
  );
  const point = await t.db.query<{ id: string }>(
    `INSERT INTO monitoring_points (code, name, object_id, enterprise_id, county, type, unit, range_min, range_max,
       expected_interval_seconds, created_at, updated_at)
     SELECT $1, '矩阵氯气', o.id, o.enterprise_id, o.county, 'toxic_gas', 'ppm', 0, 100, 10, now(), now()
       FROM regulated_objects o WHERE o.id = $2 RETURNING id`,
    [`WX-${randomUUID().slice(0, 8)}`, object.rows[0]!.id],
  );
  const alarm = await t.db.query<{ id: string }>(
    `INSERT INTO alarms (point_id, object_id, enterprise_id, county, rule_id, rule_version, kind, level, colour, value,
       status, evaluation, raised_at, fired_at, respond_by, escalation, timeline, updated_at)
     SELECT p.id, p.object_id, p.enterprise_id, p.county, 'toxic_gas.h', 1, 'threshold', 'H', NULL, 3,
       'firing', 'firing', now(), now(), now() + interval '30 minutes', 'awaiting_response', '[]', now()
       FROM monitoring_points p WHERE p.id = $1 RETURNING id`,
    [point.rows[0]!.id],
  );
  return alarm.rows[0]!.id;
}

/** A received CAP message for the target county (the meteorological bureau's), not yet expired. */
async function newImport(t: TestContext, target: Target): Promise<string> {
  const identifier = `53040041600000_${randomUUID().replace(/\D/g, '').slice(0, 14).padEnd(14, '0')}_0`;
  const sent = new Date('2026-11-29T01:00:00Z');
  const xml = buildCapXml({
    identifier,
    sender: '53040041600000',
    sent,
    status: 'Actual',
    msgType: 'Alert',
    references: [],
    eventType: findWarningEventType('gale')!,
    level: defaultLevelMapping.blue,
    onset: sent,
    expires: new Date('2026-12-29T01:00:00Z'),
    audience: '',
    senderName: { zh: '玉溪市气象台', en: 'Yuxi Meteorological Observatory' },
    contact: '0877-12121',
    web: null,
    area: { counties: [countyOf(target)], townships: [], polygon: null, circle: null },
    info: { zh: { headline: '矩阵大风预警', description: '矩阵测试', instruction: '' }, en: null },
  });
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO warning_imports (identifier, sender, sent, msg_type, cap_xml, sm3, imported_at, imported_by)
     VALUES ($1, '53040041600000', '2026-11-29T09:00:00+08:00', 'Alert', $2, 'x', now(), '矩阵') RETURNING id`,
    [identifier, xml],
  );
  return row.rows[0]!.id;
}

const TEMPLATE = () => ({
  name: `矩阵模板${randomUUID().slice(0, 8)}`,
  eventType: 'gas',
  level: 'yellow',
  hours: 4,
  info: { zh: { headline: '{地点}燃气泄漏预警', description: '{时间}{地点}燃气泄漏。' } },
});

async function newTemplate(t: TestContext): Promise<string> {
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO warning_templates (name, event_type, level, hours, info, created_by, created_at, updated_at)
     VALUES ($1, 'gas', 'yellow', 4, $2, '矩阵', now(), now()) RETURNING id`,
    [TEMPLATE().name, JSON.stringify(TEMPLATE().info)],
  );
  return row.rows[0]!.id;
}

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/** An attachment (its upload a small PDF) of `warningId`; `releasedIn` as if a version listed it. */
async function newAttachment(t: TestContext, warningId: string, releasedIn: number | null): Promise<string> {
  const upload = await t.db.query<{ id: string }>(
    `INSERT INTO uploads (content_type, size, sha256, data, county, uploaded_by, created_at)
     VALUES ('application/pdf', $1, 'x', $2, '530403', (SELECT id FROM users LIMIT 1), now()) RETURNING id`,
    [PDF.length, PDF],
  );
  const row = await t.db.query<{ id: string }>(
    `INSERT INTO warning_attachments (warning_id, upload_id, description_zh, description_en, mime_type, size,
       sha1, released_in, created_by, created_at)
     VALUES ($1, $2, '矩阵附件', 'Matrix', 'application/pdf', $3, repeat('a', 40), $4,
       (SELECT id FROM users LIMIT 1), now()) RETURNING id`,
    [warningId, upload.rows[0]!.id, PDF.length, releasedIn],
  );
  return row.rows[0]!.id;
}

const ZONE = { site: { lat: 24.3, lon: 102.5 }, evacuationRadiusM: 800, chemical: '氯' };

const writers = (status: number) => statuses(403, { cityOfficer: status, countyOfficer: status });
const writersOut = (status: number) => statuses(403, { cityOfficer: status, countyOfficer: 404 });
const approvers = (status: number) => statuses(403, { cityOfficer: status });

const step = (action: string, from: string, ok: number[], body: object = {}, released = 0): RouteCase => ({
  build: async ({ t, target }) => ({
    url: `/api/v1/warnings/${await newWarning(t, target, from, released)}/${action}`,
    payload: body,
  }),
  in: ok.length === 2 ? writers(200) : approvers(200),
  out: ok.length === 2 ? writersOut(200) : approvers(200),
});

const CAP = `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>53040041600000_20261129090000_0</identifier>
  <sender>53040041600000</sender>
  <sent>2026-11-29T09:00:00+08:00</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
</alert>`;

export const warningsMatrix: Record<string, RouteCase> = {
  'POST /api/v1/warnings/imports': {
    build: async () => ({
      url: '/api/v1/warnings/imports',
      payload: CAP,
      headers: { 'content-type': 'application/cap+xml' },
    }),
    in: writers(200),
  },
  'GET /api/v1/warnings/imports': {
    build: async () => ({ url: '/api/v1/warnings/imports' }),
    in: writers(200),
  },
  'GET /api/v1/warnings': { build: async () => ({ url: '/api/v1/warnings' }), in: writers(200) },
  'GET /api/v1/warnings/export': {
    build: async () => ({ url: '/api/v1/warnings/export' }),
    in: writers(200),
  },
  'POST /api/v1/warnings': {
    build: async ({ target }) => ({ url: '/api/v1/warnings', payload: INPUT(target) }),
    in: writers(201),
    out: statuses(403, { cityOfficer: 201 }),
  },
  'GET /api/v1/warnings/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/warnings/${await newWarning(t, target, 'draft')}` }),
    in: writers(200),
    out: writersOut(200),
  },
  'PUT /api/v1/warnings/:id': {
    build: async ({ t, target }) => ({
      url: `/api/v1/warnings/${await newWarning(t, target, 'draft')}`,
      payload: INPUT(target),
    }),
    in: writers(200),
    out: writersOut(200),
  },
  'POST /api/v1/warnings/:id/submit': step('submit', 'draft', [1, 2]),
  'POST /api/v1/warnings/:id/approve': step('approve', 'submitted', [1]),
  'POST /api/v1/warnings/:id/reject': step('reject', 'submitted', [1], { comment: '请补充' }),
  'POST /api/v1/warnings/:id/publish': step('publish', 'approved', [1]),
  'POST /api/v1/warnings/:id/revise': step('revise', 'published', [1, 2], {}, 1),
  'POST /api/v1/warnings/:id/cancel': step('cancel', 'draft', [1]),
  'POST /api/v1/warnings/:id/retry': {
    build: async ({ t, target }) => ({
      url: `/api/v1/warnings/${await newWarning(t, target, 'draft')}/retry`,
    }),
    in: approvers(200),
    out: approvers(200),
  },
  'POST /api/v1/warnings/:id/attachments': {
    build: async ({ t, target }) => ({
      url: `/api/v1/warnings/${await newWarning(t, target, 'draft')}/attachments?descriptionZh=%E9%99%84%E4%BB%B6`,
      payload: PDF,
      headers: { 'content-type': 'application/pdf' },
    }),
    in: writers(201),
    out: writersOut(201),
  },
  'DELETE /api/v1/warnings/:id/attachments/:attachmentId': {
    build: async ({ t, target }) => {
      const id = await newWarning(t, target, 'draft');
      return { url: `/api/v1/warnings/${id}/attachments/${await newAttachment(t, id, null)}` };
    },
    in: writers(204),
    out: writersOut(204),
  },
  'GET /api/v1/public/warnings/:identifier/attachments/:attachmentId': {
    build: async ({ t }) => {
      const identifier = await newVersion(t);
      const warning = await t.db.query<{ warning_id: string }>(
        `SELECT warning_id FROM warning_versions WHERE identifier = $1`,
        [identifier],
      );
      const attachment = await newAttachment(t, warning.rows[0]!.warning_id, 1);
      return { url: `/api/v1/public/warnings/${identifier}/attachments/${attachment}` };
    },
    in: everyone(200),
  },
  'GET /api/v1/warnings/prefill/alarm/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/warnings/prefill/alarm/${await newAlarm(t, target)}` }),
    in: writers(200),
    out: writersOut(200),
  },
  'POST /api/v1/warnings/prefill/incident/:id': {
    build: async ({ t, target }) => ({
      url: `/api/v1/warnings/prefill/incident/${await newIncident(t, target)}`,
      payload: ZONE,
    }),
    in: writers(200),
    out: writersOut(200),
  },
  'GET /api/v1/warnings/prefill/import/:id': {
    build: async ({ t, target }) => ({
      url: `/api/v1/warnings/prefill/import/${await newImport(t, target)}`,
    }),
    in: writers(200),
    out: writersOut(200),
  },
  'GET /api/v1/warnings/linked/:kind/:id': {
    build: async ({ t, target }) => ({ url: `/api/v1/warnings/linked/alarm/${await newAlarm(t, target)}` }),
    in: writers(200),
    out: writersOut(200),
  },
  'GET /api/v1/warnings/templates': {
    build: async () => ({ url: '/api/v1/warnings/templates' }),
    in: writers(200),
  },
  'POST /api/v1/warnings/templates': {
    build: async () => ({ url: '/api/v1/warnings/templates', payload: TEMPLATE() }),
    in: writers(201),
  },
  'PUT /api/v1/warnings/templates/:id': {
    build: async ({ t }) => ({
      url: `/api/v1/warnings/templates/${await newTemplate(t)}`,
      payload: TEMPLATE(),
    }),
    in: writers(200),
  },
  'DELETE /api/v1/warnings/templates/:id': {
    build: async ({ t }) => ({ url: `/api/v1/warnings/templates/${await newTemplate(t)}` }),
    in: writers(204),
  },
  'GET /api/v1/public/warnings': {
    build: async () => ({ url: '/api/v1/public/warnings' }),
    in: everyone(200),
  },
  'GET /api/v1/public/warnings/feed.atom': {
    build: async () => ({ url: '/api/v1/public/warnings/feed.atom' }),
    in: everyone(200),
  },
  'GET /api/v1/public/warnings/widget.html': {
    build: async () => ({ url: '/api/v1/public/warnings/widget.html' }),
    in: everyone(200),
  },
  'GET /api/v1/public/warnings/cap/:file': {
    build: async ({ t }) => ({ url: `/api/v1/public/warnings/cap/${await newVersion(t)}.xml` }),
    in: everyone(200),
  },
};
