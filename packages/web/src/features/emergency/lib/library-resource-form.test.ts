import { describe, expect, it } from 'vitest';
import { emergencyResourceInputSchema, type EmergencyResource } from '@anjian/domain';
import {
  blankMaterialRow,
  blankResourceForm,
  materialsInputOf,
  resourceFormOf,
  resourceFormProblems,
  resourceInputOf,
  type ResourceForm,
} from './library-resource-form.ts';

const team = (over: Partial<ResourceForm> = {}): ResourceForm => ({
  ...blankResourceForm('team'),
  name: '玉溪危化品救援队',
  county: '530402',
  lon: 102.55,
  lat: 24.35,
  contactName: '张队长',
  contactPhone: '13812345678',
  specialties: ['hazmat', 'fire'],
  members: 32,
  equipment: '防化服\n\n 气体检测仪 ',
  status: 'deployed',
  ...over,
});

describe('resource library form', () => {
  it('turns a team form into the API body the server schema accepts, equipment one per line', () => {
    const body = resourceInputOf(team());
    expect(body).toEqual({
      kind: 'team',
      name: '玉溪危化品救援队',
      county: '530402',
      location: { lon: 102.55, lat: 24.35 },
      contactName: '张队长',
      contactPhone: '13812345678',
      teamType: 'professional',
      specialties: ['hazmat', 'fire'],
      members: 32,
      equipment: ['防化服', '气体检测仪'],
      status: 'deployed',
    });
    expect(emergencyResourceInputSchema.safeParse(body).success).toBe(true);
    expect(resourceFormProblems(team())).toEqual({});
  });

  it('names each problem by its field: name, county, typed lon/lat, phone, specialties', () => {
    expect(
      resourceFormProblems(
        team({ name: '队', county: '', lon: null, lat: 30, contactPhone: '0871-12', specialties: [] }),
      ),
    ).toEqual({
      name: 'nameLength',
      county: 'countyRequired',
      lon: 'lonRequired',
      lat: 'latOutside',
      contactPhone: 'phoneInvalid',
      specialties: 'specialtiesRequired',
    });
    // A phone shown masked (no pi:view) must be typed again rather than sent back as stars.
    expect(resourceFormProblems(team({ contactPhone: '138****5678' }))).toEqual({
      contactPhone: 'phoneMasked',
    });
  });

  it('checks an expert’s fields and each warehouse material row', () => {
    const expert = {
      ...team(),
      ...blankResourceForm('expert'),
      name: '李专家',
      county: '530402',
      lon: 102.5,
      lat: 24.3,
    };
    expect(resourceFormProblems(expert)).toEqual({ fields: 'fieldsRequired' });
    expect(resourceInputOf({ ...expert, fields: [' 危险化学品 ', ''], availability: 'busy' })).toEqual({
      kind: 'expert',
      name: '李专家',
      county: '530402',
      location: { lon: 102.5, lat: 24.3 },
      fields: ['危险化学品'],
      availability: 'busy',
    });

    const warehouse: ResourceForm = {
      ...blankResourceForm('warehouse'),
      name: '红塔区物资库',
      county: '530402',
      lon: 102.54,
      lat: 24.36,
      owner: '红塔区应急局',
      materials: [
        { name: '正压式空气呼吸器', unit: '套', quantity: 20, minimumStock: 10, expiresOn: '2027-06-30' },
        { ...blankMaterialRow(), name: '吸附棉', unit: '', quantity: -1, expiresOn: '2027-02-30' },
      ],
    };
    expect(resourceFormProblems(warehouse)).toEqual({
      'materials.1.unit': 'materialUnit',
      'materials.1.quantity': 'materialQuantity',
      'materials.1.expiresOn': 'materialExpiry',
    });
    expect(materialsInputOf(warehouse.materials.slice(0, 1))).toEqual({
      items: [
        { name: '正压式空气呼吸器', unit: '套', quantity: 20, minimumStock: 10, expiresOn: '2027-06-30' },
      ],
    });
    expect(resourceInputOf(warehouse)).toMatchObject({ kind: 'warehouse', owner: '红塔区应急局' });
  });

  it('fills the edit form from a stored resource, materials included', () => {
    const stored: EmergencyResource = {
      id: '00000000-0000-4000-8000-000000000001',
      kind: 'warehouse',
      name: '市级物资储备库',
      county: '530402',
      location: { lon: 102.5, lat: 24.3 },
      address: '红塔区',
      contactName: null,
      contactPhone: null,
      attributes: { owner: '市应急局', notes: '24 小时值守' },
      materials: [
        {
          name: '沙袋',
          unit: '个',
          quantity: 500,
          expiresOn: undefined,
          belowMinimum: false,
          expired: false,
          expiringSoon: false,
        },
      ],
      demo: false,
    };
    const form = resourceFormOf(stored, 'warehouse');
    expect(form).toMatchObject({
      name: '市级物资储备库',
      lon: 102.5,
      lat: 24.3,
      address: '红塔区',
      owner: '市应急局',
      notes: '24 小时值守',
      materials: [{ name: '沙袋', unit: '个', quantity: 500, minimumStock: null, expiresOn: '' }],
    });
    expect(resourceFormProblems(form)).toEqual({});
  });
});
