import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { insertEnterprise } from '../../../test/factories.ts';
import { labelReaders } from '../../../test/label-readers.ts';

// Security labels (decision 0005) travel from a penalty case to its 文书: the case's own (告知书) and
// those of the inspection it was filed from. A 内部 clearance does not see a 敏感 case's 文书 in any
// list, nor download them; the label is on each 文书 and printed at the top of its DOCX.
describe('the 文书 of a labelled case', () => {
  let t: TestContext;
  let officer: Caller;
  let internalReader: Caller;
  let enterpriseId: string;
  let caseId: string;
  let inspectionId: string;
  let otherInspectionId: string;
  const docs: Record<'notice' | 'record' | 'plain', string> = { notice: '', record: '', plain: '' };
  const COUNTY = '530403';
  const E = '/api/v1/enforcement';
  const scope = { kind: 'county' as const, counties: [COUNTY] };

  const post = async (as: Caller, url: string, payload: object) => {
    const answer = await t.request({ method: 'POST', url, payload, as });
    expect(answer.statusCode, answer.body).toBeLessThan(300);
    return answer.json();
  };
  const completedInspection = async () => {
    const rows = await t.db.query<{ id: string }>(
      `INSERT INTO enforcement_inspections (kind, status, enterprise_id, county, inspector_ids, created_by, created_at,
         updated_at, started_at, completed_at)
       VALUES ('ad_hoc', 'completed', $1, $2, '{}', (SELECT id FROM users LIMIT 1), now(), now(), now(), now())
       RETURNING id`,
      [enterpriseId, COUNTY],
    );
    return rows.rows[0]!.id;
  };
  /** The 文书 a list answers, as "number-kind:label". */
  const listed = async (as: Caller, query: string) => {
    const answer = await t.request({ method: 'GET', url: `${E}/documents?${query}`, as });
    if (answer.statusCode !== 200) return answer.json().error.code as string;
    return (answer.json().items as { id: string; securityLabel: string | null }[])
      .map((d) => `${Object.entries(docs).find(([, id]) => id === d.id)?.[0]}:${d.securityLabel}`)
      .sort();
  };
  const docxText = async (as: Caller, id: string) => {
    const answer = await t.request({ method: 'GET', url: `${E}/documents/${id}/docx`, as });
    if (answer.statusCode !== 200) return `${answer.statusCode} ${answer.json().error.code}`;
    return (await JSZip.loadAsync(answer.rawPayload)).file('word/document.xml')!.async('string');
  };
  const relabel = (id: string, securityLabel: string) =>
    t.request({
      method: 'PUT',
      url: `${E}/cases/${id}/security-label`,
      payload: { securityLabel },
      as: officer,
    });

  beforeAll(async () => {
    t = await createTestContext({ AUTH_TOTP_REQUIRED: 'false' });
    enterpriseId = await insertEnterprise(t.db, { name: '江川密级文书演示厂', county: COUNTY, serial: 7421 });
    officer = await t.sessionFor(await t.createUser({ roles: ['county_officer'], scope }));
    ({ internal: internalReader } = await labelReaders(
      t,
      'document_reader',
      ['enforcement:read', 'registry:read'],
      scope,
    ));
    const roster: string[] = [];
    for (const n of [1, 2])
      roster.push(
        (
          await post(officer, `${E}/inspectors`, {
            name: `密级办案员${n}`,
            certificateNo: `LABEL2026${n}`,
            certificateExpiry: '2029-12-31',
            county: COUNTY,
            userId: null,
          })
        ).id,
      );
    inspectionId = await completedInspection();
    otherInspectionId = await completedInspection();
    docs.record = (await post(officer, `${E}/documents`, { type: 'inspection_record', inspectionId })).id;
    docs.plain = (
      await post(officer, `${E}/documents`, { type: 'inspection_record', inspectionId: otherInspectionId })
    ).id;
    caseId = (
      await post(officer, `${E}/cases`, {
        enterpriseId,
        inspectionId,
        partyKind: 'organisation',
        partyName: '江川密级文书演示厂',
        summary: '未按照规定对从业人员进行安全生产教育和培训',
        securityLabel: 'sensitive',
      })
    ).id;
    await post(officer, `${E}/cases/${caseId}/actions`, {
      action: 'start_investigation',
      investigatorIds: roster,
    });
    await post(officer, `${E}/cases/${caseId}/actions`, {
      action: 'issue_notice',
      proposal: { kinds: ['fine'], fineYuan: '20000', violationCodes: ['wsl-97-training'] },
      servedOn: '2026-11-29',
    });
    docs.notice = (await post(officer, `${E}/documents`, { type: 'penalty_notice', caseId })).id;
  });
  afterAll(() => t.close());

  it('labels the case’s 文书 and its inspection’s with the case’s label, shown and printed', async () => {
    expect(await listed(officer, `caseId=${caseId}`)).toEqual(['notice:sensitive']);
    expect(await listed(officer, `inspectionId=${inspectionId}`)).toEqual(['record:sensitive']);
    expect(await listed(officer, `enterpriseId=${enterpriseId}`)).toEqual([
      'notice:sensitive',
      'plain:null',
      'record:sensitive',
    ]);
    const detail = await t.request({ method: 'GET', url: `${E}/cases/${caseId}`, as: officer });
    expect(detail.json().documents.map((d: { securityLabel: string }) => d.securityLabel)).toEqual([
      'sensitive',
    ]);
    for (const id of [docs.notice, docs.record]) expect(await docxText(officer, id)).toContain('密级：敏感');
    expect(await docxText(officer, docs.plain)).not.toContain('密级：');
  });

  it('hides a 敏感 case’s 文书 from a 内部 clearance: every list, the DOCX and the enterprise file’s count', async () => {
    expect(await listed(internalReader, `caseId=${caseId}`)).toBe('enforcement.case_not_found');
    expect(await listed(internalReader, `inspectionId=${inspectionId}`)).toEqual([]);
    expect(await listed(internalReader, `enterpriseId=${enterpriseId}`)).toEqual(['plain:null']);
    for (const id of [docs.notice, docs.record])
      expect(await docxText(internalReader, id)).toBe('404 enforcement.not_found');
    expect(await docxText(internalReader, docs.plain)).toContain('现场检查记录');
    const counted = async (as: Caller) =>
      (await t.request({ method: 'GET', url: `/api/v1/enterprises/${enterpriseId}/profile`, as })).json()
        .counts.documents;
    expect(await counted(internalReader)).toBe(1);
    expect(await counted(officer)).toBe(3);
  });

  it('follows the case when it is relabelled: 内部 is printed, 公开 is not', async () => {
    expect((await relabel(caseId, 'internal')).statusCode).toBe(200);
    expect(await listed(internalReader, `enterpriseId=${enterpriseId}`)).toEqual([
      'notice:internal',
      'plain:null',
      'record:internal',
    ]);
    expect(await docxText(internalReader, docs.notice)).toContain('密级：内部');
    expect((await relabel(caseId, 'public')).statusCode).toBe(200);
    expect(await listed(internalReader, `caseId=${caseId}`)).toEqual(['notice:public']);
    expect(await docxText(internalReader, docs.notice)).not.toContain('密级：');
  });
});
