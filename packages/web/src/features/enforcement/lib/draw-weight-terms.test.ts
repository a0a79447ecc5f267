// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n/index.ts';
import { weightTermsText } from './draw-weight-terms.ts';

const t = (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {});
const points = {
  levelPoints: 2,
  hazardPoints: 1,
  alarmPoints: 0,
  reportPoints: 4,
  multiplier: 2,
  weight: 14,
};
const factors = { riskLevel: 3, openHiddenHazards: 1, alarmsLast90Days: 3, creditListed: true } as const;

describe('the terms of a draw weight', () => {
  it('names each term as the formula does, the verified reports with their count', () => {
    expect(weightTermsText({ points, factors: { ...factors, verifiedReports: 2 } }, t)).toBe(
      '风险等级 2 + 隐患 1 + 报警 0 + 举报 4（2 件） × 失信系数 2',
    );
  });

  it('leaves the report term out of a draw published before it', () => {
    expect(weightTermsText({ points: { ...points, reportPoints: 0 }, factors }, t)).toBe(
      '风险等级 2 + 隐患 1 + 报警 0 × 失信系数 2',
    );
    expect(weightTermsText({}, t)).toBe('');
  });
});
