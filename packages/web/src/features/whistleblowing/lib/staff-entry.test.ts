import { describe, expect, it } from 'vitest';
import { whistleStaffReportSchema } from '@anjian/domain';
import { blankStaffEntry, staffEntryBody } from './staff-entry.ts';

describe('the staff entry form’s request body', () => {
  it('sends an anonymous 12350 call with its pin as lon and lat, empty fields left out', () => {
    const body = staffEntryBody({
      ...blankStaffEntry('2026-05-06'),
      description: '  仓库内违规存放液化气钢瓶  ',
      pin: { lon: 102.5389, lat: 24.3443 },
      county: '530402',
    });
    expect(JSON.parse(JSON.stringify(body))).toEqual({
      channel: 'phone_12350',
      receivedOn: '2026-05-06',
      category: 'major_hazard',
      description: '仓库内违规存放液化气钢瓶',
      photoIds: [],
      anonymous: true,
      securityLabel: 'sensitive',
      county: '530402',
      lon: 102.5389,
      lat: 24.3443,
    });
    expect(whistleStaffReportSchema.safeParse(body).success).toBe(true);
  });

  it('sends the identity of a real-name letter and no pin when none was dropped', () => {
    const body = staffEntryBody({
      ...blankStaffEntry('2026-05-06'),
      securityLabel: 'internal',
      channel: 'letter',
      description: '夜班无人值守，安全出口锁闭',
      enterpriseName: '某某加工厂',
      anonymous: false,
      name: '张三',
      idNumber: '11010519491231002X',
      phone: '13800000000',
    });
    expect(JSON.parse(JSON.stringify(body))).toEqual({
      channel: 'letter',
      receivedOn: '2026-05-06',
      category: 'major_hazard',
      description: '夜班无人值守，安全出口锁闭',
      photoIds: [],
      anonymous: false,
      securityLabel: 'internal',
      enterpriseName: '某某加工厂',
      identity: { name: '张三', idNumber: '11010519491231002X', phone: '13800000000' },
    });
    expect(whistleStaffReportSchema.safeParse(body).success).toBe(true);
  });

  it('sends the photos a letter brought, as uploaded', () => {
    const photoIds = ['0b8c5a3e-6d1f-4c2a-9e7b-3f5d8a1c2e4b', '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b'];
    const body = staffEntryBody({
      ...blankStaffEntry('2026-05-06'),
      channel: 'letter',
      description: '来信反映违规动火，附现场照片两张',
      photoIds,
    });
    expect(body.photoIds).toEqual(photoIds);
    expect(whistleStaffReportSchema.safeParse(body).success).toBe(true);
  });
});
