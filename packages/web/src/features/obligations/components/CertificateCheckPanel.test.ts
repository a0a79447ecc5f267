// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { flushPromises } from '@vue/test-utils';
import { mountInApp } from '../../../test-support/mount-in-app.ts';
import CertificateCheckPanel from './CertificateCheckPanel.vue';

// The phone pages' Vant set without its style sheets, which Node cannot load.
vi.mock('../../enforcement/components/phone-ui.ts', async () => {
  const vant = await import('vant');
  return {
    VanButton: vant.Button,
    VanCell: vant.Cell,
    VanCellGroup: vant.CellGroup,
    VanField: vant.Field,
    VanTag: vant.Tag,
  };
});

const ENTERPRISE = '0b6f3c1e-4a5d-4e8f-9a1b-2c3d4e5f6a70';
const INSPECTION = '1c7a4d2f-5b6e-4f90-8b2c-3d4e5f6a7b81';
const PERSON = '2d8b5e3a-6c7f-4a01-9c3d-4e5f6a7b8c92';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

describe('CertificateCheckPanel (the inspector’s phone)', () => {
  it('checks a card by number and records the site’s certificate gap into the inspection', async () => {
    const calls: { method: string; url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        const method = String(init.method ?? 'GET');
        calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : null });
        if (url.endsWith('/certificate-gaps'))
          return json([
            {
              kind: 'uncertified_operation',
              personId: PERSON,
              personName: '孙演练',
              operation: 'electrical',
            },
          ]);
        if (url.includes('/certificates/'))
          return url.endsWith(encodeURIComponent('YX-0007'))
            ? json({
                certificate: { number: 'YX-0007', status: 'expired', expiresOn: '2025-03-01' },
                person: { id: PERSON, name: '孙演练', post: 'special_operation' },
                enterprise: { id: ENTERPRISE, name: '演示化工有限公司' },
              })
            : json({ code: 'obligations.certificate_not_found', message: '未找到该证书' }, 404);
        return json({ itemId: 'x', added: true }, 201);
      }),
    );
    const recorded: string[] = [];
    mountInApp(
      () => null,
      () =>
        h(CertificateCheckPanel, {
          enterpriseId: ENTERPRISE,
          inspectionId: INSPECTION,
          onRecorded: () => recorded.push('recorded'),
        }),
    );
    await flushPromises();
    // Vant renders (the components are registered, not left as unknown tags).
    expect(document.querySelector('[data-testid="certificate-check"]')?.classList).toContain(
      'van-cell-group',
    );
    const gap = document.querySelector('[data-testid="certificate-gap"]')!;
    expect(gap.textContent).toContain('特种作业人员无有效操作证上岗');
    expect(gap.textContent).toContain('孙演练');

    const input = document.querySelector<HTMLInputElement>('[data-testid="certificate-number"] input')!;
    input.value = 'NOPE-1';
    input.dispatchEvent(new Event('input'));
    document.querySelector<HTMLElement>('[data-testid="certificate-lookup"]')!.click();
    await flushPromises();
    expect(document.querySelector('[data-testid="certificate-not-found"]')).not.toBeNull();

    // A card's QR code read by a scanner gun: the number is taken out of the address.
    input.value = 'https://anjian.yuxi.example/obligations/m/certificates?no=YX-0007';
    input.dispatchEvent(new Event('input'));
    document.querySelector<HTMLElement>('[data-testid="certificate-lookup"]')!.click();
    await flushPromises();
    const result = document.querySelector('[data-testid="certificate-result"]')!;
    expect(result.textContent).toContain('孙演练（特种作业人员）');
    expect(result.textContent).toContain('已过期');
    expect(document.querySelector('[data-testid="certificate-not-found"]')).toBeNull();

    document.querySelector<HTMLElement>('[data-testid="gap-to-finding"]')!.click();
    await flushPromises();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `GET /api/v1/obligations/enterprises/${ENTERPRISE}/certificate-gaps`,
      'GET /api/v1/obligations/certificates/NOPE-1',
      'GET /api/v1/obligations/certificates/YX-0007',
      `POST /api/v1/obligations/enterprises/${ENTERPRISE}/certificate-gaps/findings`,
    ]);
    expect(calls[3]!.body).toEqual({
      inspectionId: INSPECTION,
      kind: 'uncertified_operation',
      personId: PERSON,
    });
    expect(recorded).toEqual(['recorded']);
  });
});
