import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../test/read-workbook.ts';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { labelReaders } from '../../../test/label-readers.ts';

// Security labels (decision 0005) on incidents: a 敏感 accident is invisible to a 内部 clearance — in
// the list, the detail, the export, the cockpit's map, events and figures and the workbench's counts —
// and visible to 敏感.
describe('incident security labels', () => {
  let t: TestContext;
  let officer: Caller;
  let internalReader: Caller;
  let sensitiveReader: Caller;
  let plain: string;
  let sensitive: string;
  const county = { kind: 'county' as const, counties: ['530424'] };

  const report = (as: Caller, location: string, extra: Record<string, unknown> = {}) =>
    t.request({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: {
        occurredAt: new Date(t.clock.now().getTime() - 30 * 60_000).toISOString(),
        county: '530424',
        location,
        position: { lon: 102.75, lat: 24.12 },
        accidentType: 'WSA10023',
        deaths: 0,
        seriousInjuries: 1,
        description: '密级测试事故简况',
        reporter: '企业值班长 李某',
        ...extra,
      },
      as,
    });
  const list = async (as: Caller, query = '') => {
    const answer = await t.request({ method: 'GET', url: `/api/v1/incidents${query}`, as });
    expect(answer.statusCode).toBe(200);
    return (answer.json() as { items: { location: string; securityLabel: string }[] }).items
      .map((i) => `${i.location}:${i.securityLabel}`)
      .sort();
  };
  const exported = async (as: Caller, query = '') => {
    const answer = await t.request({ method: 'GET', url: `/api/v1/incidents/export${query}`, as });
    expect(answer.statusCode).toBe(200);
    const rows = await readWorkbook(answer.rawPayload);
    const column = rows[0]!.indexOf('密级');
    expect(column).toBeGreaterThan(0);
    return rows
      .slice(1)
      .map((row) => [row[3], row[column]])
      .sort();
  };
  const cockpit = async (as: Caller) => {
    const answer = await t.request({ method: 'GET', url: '/api/v1/cockpit', as });
    expect(answer.statusCode, answer.body).toBe(200);
    const body = answer.json() as {
      figures: { incidentsInProgress: number | null };
      map: { incidents: { id: string }[] };
      events: { kind: string; id: string }[];
    };
    return {
      open: body.figures.incidentsInProgress,
      map: body.map.incidents.map((i) => i.id).sort(),
      events: body.events
        .filter((e) => e.kind === 'incident')
        .map((e) => e.id)
        .sort(),
    };
  };
  /** The workbench's open-incident figure and its reports-due to-do. */
  const workbench = async (as: Caller) => {
    const answer = await t.request({ method: 'GET', url: '/api/v1/workbench', as });
    expect(answer.statusCode, answer.body).toBe(200);
    const body = answer.json() as {
      figures: { openIncidents: { total: number } | null };
      todo: { reportsDue: number | null };
    };
    return { open: body.figures.openIncidents?.total, due: body.todo.reportsDue };
  };
  const relabel = (as: Caller, id: string, securityLabel: string) =>
    t.request({
      method: 'PUT',
      url: `/api/v1/incidents/${id}/security-label`,
      payload: { securityLabel },
      as,
    });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    officer = await t.sessionFor(await t.createUser({ roles: ['county_officer'], scope: county }));
    ({ internal: internalReader, sensitive: sensitiveReader } = await labelReaders(
      t,
      'incident_reader',
      ['dashboard:view', 'emergency:read', 'emergency:write'],
      county,
    ));
    const first = await report(officer, '通海县某厂仓库');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().securityLabel).toBe('internal');
    plain = first.json().id as string;
    const second = await report(officer, '通海县某厂炸药库', { securityLabel: 'sensitive' });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().securityLabel).toBe('sensitive');
    sensitive = second.json().id as string;
  });
  afterAll(() => t.close());

  it('leaves a 敏感 accident out of a 内部 clearance’s list, export and cockpit, and answers its detail 404', async () => {
    expect(await list(internalReader)).toEqual(['通海县某厂仓库:internal']);
    expect(await exported(internalReader)).toEqual([['通海县某厂仓库', '内部']]);
    expect(await cockpit(internalReader)).toEqual({ open: 1, map: [plain], events: [plain] });
    expect(await workbench(internalReader)).toEqual({ open: 1, due: 1 });
    const detail = await t.request({
      method: 'GET',
      url: `/api/v1/incidents/${sensitive}`,
      as: internalReader,
    });
    expect(detail.statusCode).toBe(404);
    expect(detail.json().error.code).toBe('incident.not_found');
    const note = await t.request({
      method: 'POST',
      url: `/api/v1/incidents/${sensitive}/notes`,
      payload: { text: '看不到的事故' },
      as: internalReader,
    });
    expect(note.statusCode).toBe(404);
    // The command page's teams and their live stream are the incident's too.
    for (const url of [
      `/api/v1/incidents/${sensitive}/teams`,
      `/api/v1/incidents/${sensitive}/teams/stream`,
    ]) {
      const teams = await t.request({ method: 'GET', url, as: internalReader });
      expect([teams.statusCode, teams.json().error.code]).toEqual([404, 'incident.not_found']);
    }
    const own = await t.request({
      method: 'GET',
      url: `/api/v1/incidents/${plain}/teams`,
      as: internalReader,
    });
    expect(own.statusCode).toBe(200);
  });

  it('shows it to a 敏感 clearance in the list, the detail, the export and the cockpit', async () => {
    for (const caller of [officer, sensitiveReader]) {
      expect(await list(caller)).toEqual(['通海县某厂仓库:internal', '通海县某厂炸药库:sensitive']);
      const detail = await t.request({ method: 'GET', url: `/api/v1/incidents/${sensitive}`, as: caller });
      expect(detail.statusCode).toBe(200);
      expect(detail.json().securityLabel).toBe('sensitive');
      expect(await exported(caller)).toEqual([
        ['通海县某厂仓库', '内部'],
        ['通海县某厂炸药库', '敏感'],
      ]);
    }
    expect(await cockpit(sensitiveReader)).toEqual({
      open: 2,
      map: [plain, sensitive].sort(),
      events: [plain, sensitive].sort(),
    });
    expect(await workbench(sensitiveReader)).toEqual({ open: 2, due: 2 });
  });

  it('filters the list and its export by label within the clearance; a label above it finds nothing', async () => {
    for (const caller of [officer, sensitiveReader]) {
      expect(await list(caller, '?securityLabel=sensitive')).toEqual(['通海县某厂炸药库:sensitive']);
      expect(await exported(caller, '?securityLabel=sensitive')).toEqual([['通海县某厂炸药库', '敏感']]);
      expect(await list(caller, '?securityLabel=internal&status=open')).toEqual(['通海县某厂仓库:internal']);
      expect(await list(caller, '?securityLabel=public')).toEqual([]);
    }
    // Above the caller's clearance: an empty list, not a 403 — nothing is revealed either way.
    expect(await list(internalReader, '?securityLabel=sensitive')).toEqual([]);
    expect(await exported(internalReader, '?securityLabel=sensitive')).toEqual([]);
    expect(await exported(internalReader, '?securityLabel=internal')).toEqual([['通海县某厂仓库', '内部']]);
    for (const url of [
      '/api/v1/incidents?securityLabel=secret',
      '/api/v1/incidents/export?securityLabel=绝密',
    ]) {
      const bad = await t.request({ method: 'GET', url: encodeURI(url), as: officer });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('request.invalid');
    }
  });

  it('refuses a label above the writer’s clearance, storing nothing', async () => {
    const refused = await report(internalReader, '通海县某厂配电房', { securityLabel: 'sensitive' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('record.label_above_clearance');
    const up = await relabel(internalReader, plain, 'sensitive');
    expect(up.statusCode).toBe(403);
    expect(up.json().error.code).toBe('record.label_above_clearance');
    expect(await list(officer)).toHaveLength(2);
  });

  it('relabels an accident, audited; it then leaves the 内部 clearance’s view', async () => {
    const changed = await relabel(officer, plain, 'sensitive');
    expect(changed.statusCode).toBe(200);
    expect(changed.json().securityLabel).toBe('sensitive');
    const audit = await t.db.query<{ detail: string | null; status: number }>(
      "SELECT detail, status FROM audit_log WHERE action = 'incident.relabel' AND target = $1 ORDER BY seq",
      [plain],
    );
    expect(audit.rows).toEqual([
      { detail: null, status: 403 },
      { detail: 'internal -> sensitive', status: 200 },
    ]);
    expect(await list(internalReader)).toEqual([]);
    expect(await cockpit(internalReader)).toEqual({ open: 0, map: [], events: [] });
    expect(await workbench(internalReader)).toEqual({ open: 0, due: 0 });
    expect((await relabel(internalReader, plain, 'internal')).statusCode).toBe(404);
  });
});
