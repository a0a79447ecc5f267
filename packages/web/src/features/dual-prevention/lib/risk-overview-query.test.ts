import { describe, expect, it } from 'vitest';
import { overviewQuery } from './risk-overview-query.ts';

describe('the risk overview query', () => {
  it('carries only the filters that are set, the name trimmed', () => {
    expect(overviewQuery({ county: '', level: null, sector: '', keyTag: '', q: '  ' })).toEqual({});
    expect(
      overviewQuery({
        county: '530403',
        level: 2,
        sector: 'metallurgy',
        keyTag: 'plan5_non_coal_mine',
        q: ' 钢铁 ',
      }),
    ).toEqual({ county: '530403', level: 2, sector: 'metallurgy', keyTag: 'plan5_non_coal_mine', q: '钢铁' });
  });
});
