import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '../../../platform/access.ts';
import { createEnterprisesRepository } from '../../registry/enterprises/enterprises.repository.ts';
import { createUploadsRepository } from '../../uploads/uploads.repository.ts';
import {
  createTestContext,
  type Caller,
  type TestContext,
  type TestUser,
} from '../../../../test/test-app.ts';
import { createHazardEscalationRepository } from './hazard-escalation.repository.ts';
import { createHazardsRepository } from './hazards.repository.ts';
import { createHazardsService } from './hazards.service.ts';
import { createPoint, gasPoint, monitoredSite } from '../../monitoring/monitoring-fixtures.test-support.ts';
import { insertEnterprise } from '../../../../test/factories.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('挂牌督办: listing, review and 核销; links to monitoring points', () => {
  let t: TestContext;
  let enterpriseId: string;
  let managerUser: TestUser;
  let officerUser: TestUser;
  let manager: Caller;
  let officer: Caller;
  let city: Caller;
  let otherCounty: Caller;
  // Monitoring points of the hazard's enterprise, and one of another enterprise (issue 19, defect 5).
  let POINT_A: string;
  let POINT_B: string;
  let FOREIGN_POINT: string;

  const act = (id: string, body: object, as: Caller) =>
    t.request({ method: 'POST', url: `/api/v1/hazards/${id}/actions`, payload: body, as });
  const review = (id: string, body: object, as: Caller) =>
    t.request({ method: 'POST', url: `/api/v1/hazards/${id}/supervision/review`, payload: body, as });
  const close = (id: string, body: object, as: Caller) =>
    t.request({ method: 'POST', url: `/api/v1/hazards/${id}/supervision/close`, payload: body, as });
  const upload = async () =>
    (
      await t.request({
        method: 'POST',
        url: '/api/v1/uploads',
        payload: PNG,
        headers: { 'content-type': 'image/png' },
        as: manager,
      })
    ).json().id as string;

  async function majorHazard(extra: object = {}) {
    const reported = await t.request({
      method: 'POST',
      url: '/api/v1/hazards',
      payload: {
        enterpriseId,
        source: 'self_check',
        location: { text: '液氨储罐区' },
        description: '液氨储罐区未设置泄漏报警装置',
        category: '19',
        tickedCriteria: ['hc-12'],
        ...extra,
      },
      as: manager,
    });
    expect(reported.statusCode).toBe(201);
    return reported.json();
  }

  /** Plan, rectification with evidence and the evaluation report: ready for acceptance. */
  async function rectify(id: string) {
    const plan = {
      responsiblePerson: '王安全',
      responsibleOrganisation: '设备部',
      measures: '加装氨气泄漏报警仪',
      funds: { amountYuan: '50000.00' },
      deadline: '2026-12-31',
      contingencyPlan: '每两小时巡检',
      objectives: '泄漏 30 秒内报警',
    };
    expect((await act(id, { action: 'submit_plan', plan }, manager)).statusCode).toBe(200);
    const submitted = await act(
      id,
      {
        action: 'submit_rectification',
        description: '报警仪已安装并联锁',
        photos: [await upload()],
        evaluationReport: await upload(),
      },
      manager,
    );
    expect(submitted.statusCode).toBe(200);
  }

  beforeAll(async () => {
    process.env.HAZARD_ESCALATION_INTERVAL_SECONDS = '0';
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    enterpriseId = await insertEnterprise(t.db, { name: '江川冷库有限公司', county: '530403', serial: 7101 });
    managerUser = await t.createUser({
      roles: ['enterprise_manager'],
      scope: { kind: 'enterprise', enterpriseId, county: '530403' },
    });
    officerUser = await t.createUser({
      roles: ['county_officer'],
      scope: { kind: 'county', counties: ['530403'] },
    });
    manager = await t.sessionFor(managerUser);
    officer = await t.sessionFor(officerUser);
    city = await t.sessionFor(await t.createUser({ roles: ['city_officer'], scope: { kind: 'city' } }));
    otherCounty = await t.sessionFor(
      await t.createUser({ roles: ['county_officer'], scope: { kind: 'county', counties: ['530423'] } }),
    );
    const site = await monitoredSite(t, '530403', 'major_hazard_source', enterpriseId);
    POINT_A = await createPoint(t, city, gasPoint(site.objectId, 'JC-GT-01'));
    POINT_B = await createPoint(t, city, gasPoint(site.objectId, 'JC-GT-02'));
    const neighbour = await monitoredSite(t, '530403');
    FOREIGN_POINT = await createPoint(t, city, gasPoint(neighbour.objectId, 'JC-GT-99'));
  });
  afterAll(() => t.close());

  it('lists with notice, unit and deadline; the listing county reviews; 核销 only after acceptance', async () => {
    const hazard = await majorHazard();
    expect((await review(hazard.id, { opinion: '尚未挂牌' }, officer)).json().error.code).toBe(
      'hazard.not_listed',
    );
    const listed = await act(
      hazard.id,
      {
        action: 'list_supervision',
        documentNo: '江应急督〔2026〕11号',
        notice: '责令于2026年12月31日前完成整改',
        supervisingUnit: '江川区应急管理局',
        deadline: '2026-12-31',
      },
      officer,
    );
    expect(listed.json().supervision).toEqual({
      level: 'county',
      listedAt: '2026-11-29T02:00:00.000Z',
      listedBy: officerUser.id,
      documentNo: '江应急督〔2026〕11号',
      notice: '责令于2026年12月31日前完成整改',
      supervisingUnit: '江川区应急管理局',
      deadline: '2026-12-31',
      reviews: [],
    });
    const pastDeadline = await act(
      (await majorHazard()).id,
      { action: 'list_supervision', deadline: '2026-11-28' },
      officer,
    );
    expect(pastDeadline.json().error.code).toBe('hazard.invalid_deadline');

    const reviewed = await review(
      hazard.id,
      { opinion: '现场核查：报警仪已到货，正在安装', onSite: true },
      officer,
    );
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json().supervision.reviews).toEqual([
      {
        at: '2026-11-29T02:00:00.000Z',
        by: officerUser.id,
        opinion: '现场核查：报警仪已到货，正在安装',
        onSite: true,
      },
    ]);
    expect(reviewed.json().status).toBe('reported');
    const byCity = await review(hazard.id, { opinion: '市局抽查' }, city);
    expect(byCity.statusCode).toBe(403);
    expect(byCity.json().error.code).toBe('hazard.wrong_supervisor');
    expect((await review(hazard.id, { opinion: '企业自查' }, manager)).statusCode).toBe(403);
    expect((await review(hazard.id, { opinion: '外县' }, otherCounty)).statusCode).toBe(404);
    expect((await review(hazard.id, { opinion: 'x' }, officer)).statusCode).toBe(400);

    expect((await close(hazard.id, { opinion: '同意核销' }, officer)).json().error.code).toBe(
      'hazard.illegal_transition',
    );
    await rectify(hazard.id);
    expect((await act(hazard.id, { action: 'accept', opinion: '现场验收合格' }, officer)).json().status).toBe(
      'closed',
    );
    const closed = await close(
      hazard.id,
      { opinion: '经现场核查，同意核销', documentNo: '江应急销〔2026〕2号' },
      officer,
    );
    expect(closed.statusCode).toBe(200);
    expect(closed.json().supervision).toMatchObject({
      closedAt: '2026-11-29T02:00:00.000Z',
      closedBy: officerUser.id,
      closingOpinion: '经现场核查，同意核销',
      closingDocumentNo: '江应急销〔2026〕2号',
    });
    expect(closed.json().timeline.map((e: { action: string }) => e.action)).toEqual([
      'report',
      'list_supervision',
      'review_supervision',
      'submit_plan',
      'submit_rectification',
      'accept',
      'close_supervision',
    ]);
    expect((await close(hazard.id, { opinion: '再次核销' }, officer)).json().error.code).toBe(
      'hazard.not_listed',
    );
    const audit = await t.db.query<{ action: string; status: number }>(
      "SELECT action, status FROM audit_log WHERE action LIKE 'hazard.supervision%' ORDER BY seq",
    );
    expect(audit.rows.map((r) => `${r.action} ${r.status}`)).toEqual([
      'hazard.supervision_review 409',
      'hazard.supervision_review 200',
      'hazard.supervision_review 403',
      'hazard.supervision_review 403',
      'hazard.supervision_review 404',
      'hazard.supervision_review 400',
      'hazard.supervision_close 409',
      'hazard.supervision_close 200',
      'hazard.supervision_close 409',
    ]);
  });

  it('keeps the linked monitoring points and asks the guard before an acceptance', async () => {
    const hazard = await majorHazard({ linkedPointIds: [POINT_A] });
    expect(hazard.linkedPointIds).toEqual([POINT_A]);
    const relinked = await t.request({
      method: 'PUT',
      url: `/api/v1/hazards/${hazard.id}/linked-points`,
      payload: { pointIds: [POINT_A, POINT_B, POINT_A] },
      as: officer,
    });
    expect(relinked.json().linkedPointIds).toEqual([POINT_A, POINT_B]);
    expect(
      (
        await t.request({
          method: 'PUT',
          url: `/api/v1/hazards/${hazard.id}/linked-points`,
          payload: { pointIds: ['not-a-uuid'] },
          as: officer,
        })
      ).statusCode,
    ).toBe(400);
    // Another enterprise's point, or an id that is no point at all: the same coded answer, nothing stored.
    for (const pointIds of [[POINT_A, FOREIGN_POINT], ['0d0c6f3e-3c1a-4f7e-9a55-1d2b3c4d5e6f']]) {
      const refused = await t.request({
        method: 'PUT',
        url: `/api/v1/hazards/${hazard.id}/linked-points`,
        payload: { pointIds },
        as: officer,
      });
      expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'hazard.point_not_linkable']);
    }
    const reportedWithForeign = await t.request({
      method: 'POST',
      url: '/api/v1/hazards',
      payload: {
        enterpriseId,
        source: 'self_check',
        location: { text: '液氨储罐区' },
        description: '借用邻厂监测点',
        category: '19',
        linkedPointIds: [FOREIGN_POINT],
      },
      as: manager,
    });
    expect(reportedWithForeign.json().error.code).toBe('hazard.point_not_linkable');
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/hazards/${hazard.id}`, as: officer })).json()
        .linkedPointIds,
    ).toEqual([POINT_A, POINT_B]);
    await rectify(hazard.id);

    // The service as the app builds it, with the monitoring module's guard given at construction.
    const asked: string[][] = [];
    let normal = false;
    const service = createHazardsService({
      db: t.db,
      clock: t.clock,
      hazards: createHazardsRepository(t.db),
      escalation: createHazardEscalationRepository(t.db),
      enterprises: createEnterprisesRepository(t.db),
      uploads: createUploadsRepository(t.db),
      acceptanceGuard: {
        linkablePoints: async (_enterpriseId, ids) => ids,
        canAccept: async (subject) => {
          asked.push([...subject.linkedPointIds]);
          return normal
            ? { ok: true }
            : { ok: false, code: 'hazard.points_not_normal', details: { points: [POINT_B] } };
        },
      },
    });
    const auth: AuthContext = {
      sessionId: 's',
      userId: officerUser.id,
      username: officerUser.username,
      roles: ['county_officer'],
      permissions: new Set(['hazard:read', 'hazard:supervise']),
      scope: { kind: 'county', counties: ['530403'] },
      clearance: 'sensitive',
      csrfToken: 'x',
      mustChangePassword: false,
      mustEnrolTotp: false,
    };
    await expect(service.act(auth, hazard.id, { action: 'accept' })).rejects.toMatchObject({
      code: 'hazard.points_not_normal',
    });
    expect((await service.get(auth, hazard.id)).status).toBe('pending_acceptance');
    // A step the workflow refuses anyway never reaches the guard.
    await expect(
      service.act(auth, hazard.id, {
        action: 'submit_plan',
        plan: { responsiblePerson: 'x', deadline: '2026-12-31' },
      }),
    ).rejects.toMatchObject({ code: 'hazard.illegal_transition' });
    normal = true;
    expect((await service.act(auth, hazard.id, { action: 'accept' })).status).toBe('closed');
    expect(asked).toEqual([
      [POINT_A, POINT_B],
      [POINT_A, POINT_B],
    ]);

    // The app's default guard lets an acceptance through.
    const plain = await majorHazard({ linkedPointIds: [POINT_A] });
    await rectify(plain.id);
    expect((await act(plain.id, { action: 'accept' }, officer)).json().status).toBe('closed');
    const frozen = await t.request({
      method: 'PUT',
      url: `/api/v1/hazards/${plain.id}/linked-points`,
      payload: { pointIds: [] },
      as: officer,
    });
    expect(frozen.json().error.code).toBe('hazard.illegal_transition');
  });
});
