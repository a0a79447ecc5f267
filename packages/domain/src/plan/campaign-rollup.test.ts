import { describe, expect, it } from 'vitest';
import { campaignRollup } from './campaign-rollup.ts';

const object = (county: string, unit: string, status: 'open' | 'closed' | 'verified') => ({
  county,
  organisationId: unit,
  organisationName: unit === 'u1' ? '市应急管理局' : '江川区人民政府',
  status,
});

describe('a campaign rolled up by county and unit', () => {
  it('counts objects, closed (awaiting or verified) and verified, and the share verified', () => {
    const rollup = campaignRollup([
      object('530403', 'u2', 'verified'),
      object('530403', 'u2', 'closed'),
      object('530403', 'u1', 'open'),
      object('530402', 'u1', 'verified'),
    ]);
    expect(rollup.byCounty).toHaveLength(9);
    expect(rollup.byCounty.find((c) => c.county === '530403')).toEqual({
      county: '530403',
      countyZh: '江川区',
      countyEn: 'Jiangchuan District',
      objects: 3,
      closed: 2,
      verified: 1,
      percent: 33,
    });
    expect(rollup.byCounty.find((c) => c.county === '530423')).toMatchObject({ objects: 0, percent: null });
    // Most objects first, then by name in pinyin order (江 before 市).
    expect(rollup.byUnit).toEqual([
      {
        organisationId: 'u2',
        organisationName: '江川区人民政府',
        objects: 2,
        closed: 2,
        verified: 1,
        percent: 50,
      },
      {
        organisationId: 'u1',
        organisationName: '市应急管理局',
        objects: 2,
        closed: 1,
        verified: 1,
        percent: 50,
      },
    ]);
  });
});
