import { describe, expect, it } from 'vitest';
import { generateSyntheticCreditCode, type Enterprise } from '@anjian/domain';
import { draftFromEnterprise, draftToInput, draftToUpdate, emptyDraft } from './enterprise-draft.ts';

const code = generateSyntheticCreditCode(7, { divisionCode: '530403' });

function enterprise(overrides: Partial<Enterprise> = {}): Enterprise {
  return {
    id: '3f1c2a4e-8b8d-4c61-9a55-0f6f5b8b1d10',
    name: '江川某某化工有限公司',
    creditCode: code,
    county: '530403',
    countyName: '江川区',
    township: '530403101',
    townshipName: '江城镇',
    address: '江城镇某路 1 号',
    location: { lon: 102.75, lat: 24.29 },
    locationApproximate: false,
    industryCode: 'C2614',
    sectors: ['hazchem_production'],
    scale: 'small',
    employees: 40,
    legalRepresentative: { name: '张三', phone: '138****5678' },
    principal: { name: '李四', phone: null },
    safetyManager: null,
    licences: [
      {
        id: '8d0b0f7e-2b55-4a8e-9d39-59b3b1f3c001',
        type: 'safety_production',
        number: 'WH-1',
        validUntil: '2027-01-01',
        daysLeft: 30,
        reminder: 'd30',
      },
    ],
    status: 'operating',
    keyTags: [],
    responsibleDepartment: 'emergency',
    objectCount: 0,
    demo: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('draftToInput', () => {
  it('gives the request body of a new enterprise, leaving empty fields out', () => {
    const draft = { ...emptyDraft('530403'), name: ' 江川新材料有限公司 ', creditCode: code.toLowerCase() };
    const result = draftToInput(draft);
    expect(result).toEqual({
      ok: true,
      value: {
        name: '江川新材料有限公司',
        creditCode: code,
        county: '530403',
        sectors: [],
        licences: [],
        status: 'operating',
        keyTags: [],
        locationApproximate: false,
      },
    });
  });

  it('names the credit-code problem and the fields the schema refuses', () => {
    const wrongCheck = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
    const draft = {
      ...emptyDraft('530403'),
      name: 'x',
      creditCode: wrongCheck,
      lon: 102.7,
      lat: null,
      legalRepresentative: { name: '', phone: '13800000000', maskedPhone: null },
      licences: [{ type: 'safety_production', number: '', validUntil: '2027-01-01' }],
    };
    const result = draftToInput(draft);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => `${p.path}:${p.code}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'name:invalid',
        'creditCode:check_char',
        'location:invalid',
        'legalRepresentative.name:invalid',
        'licences.0.number:invalid',
      ]),
    );
  });

  it('checks that the township lies in the county once the rest is valid', () => {
    const draft = {
      ...emptyDraft('530403'),
      name: '江川新材料有限公司',
      creditCode: code,
      township: '530402001',
    };
    expect(draftToInput(draft)).toEqual({ ok: false, problems: [{ path: 'township', code: 'invalid' }] });
  });
});

describe('draftToUpdate', () => {
  it('sends only what changed', () => {
    const original = enterprise();
    const draft = draftFromEnterprise(original);
    draft.employees = 55;
    draft.sectors = ['hazchem_production', 'hazchem_storage'];
    draft.licences[0]!.validUntil = '2028-01-01';
    expect(draftToUpdate(draft, original)).toEqual({
      ok: true,
      value: {
        employees: 55,
        sectors: ['hazchem_production', 'hazchem_storage'],
        licences: [{ type: 'safety_production', number: 'WH-1', validUntil: '2028-01-01' }],
      },
    });
  });

  it('sends nothing when nothing changed, and keeps a masked phone untouched', () => {
    const original = enterprise();
    const draft = draftFromEnterprise(original);
    expect(draft.legalRepresentative).toEqual({ name: '张三', phone: '', maskedPhone: '138****5678' });
    expect(draftToUpdate(draft, original)).toEqual({ ok: true, value: {} });
  });

  it('asks for the phone again when a contact with a masked phone is renamed', () => {
    const original = enterprise();
    const draft = draftFromEnterprise(original);
    draft.legalRepresentative.name = '张三丰';
    expect(draftToUpdate(draft, original)).toEqual({
      ok: false,
      problems: [{ path: 'legalRepresentative.phone', code: 'phone_reenter' }],
    });
    draft.legalRepresentative.phone = '13900001111';
    expect(draftToUpdate(draft, original)).toEqual({
      ok: true,
      value: { legalRepresentative: { name: '张三丰', phone: '13900001111' } },
    });
  });

  it('reports emptied fields, which PATCH cannot clear', () => {
    const original = enterprise();
    const draft = draftFromEnterprise(original);
    draft.address = ' ';
    draft.lon = null;
    draft.lat = null;
    const result = draftToUpdate(draft, original);
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'address', code: 'cannot_clear' },
        { path: 'location', code: 'cannot_clear' },
      ],
    });
  });
});
