import { describe, expect, it } from 'vitest';
import { AccidentError } from './accident.errors.ts';
import { classifyAccident, type AccidentFigures } from './accident-level.ts';

const none: AccidentFigures = { deaths: 0, seriousInjuries: 0, directLossWan: '0' };

describe('classifyAccident (国务院令第493号 Art. 3; 以上 includes, 以下 excludes)', () => {
  it.each([
    [0, 'general'],
    [2, 'general'],
    [3, 'larger'],
    [9, 'larger'],
    [10, 'major'],
    [29, 'major'],
    [30, 'especially_major'],
    [120, 'especially_major'],
  ])('%i deaths → %s', (deaths, level) => {
    expect(classifyAccident({ ...none, deaths }).level).toBe(level);
  });

  it.each([
    [9, 'general'],
    [10, 'larger'],
    [49, 'larger'],
    [50, 'major'],
    [99, 'major'],
    [100, 'especially_major'],
  ])('%i serious injuries → %s', (seriousInjuries, level) => {
    expect(classifyAccident({ ...none, seriousInjuries }).level).toBe(level);
  });

  it.each([
    ['0', 'general'],
    ['999.99', 'general'],
    ['999.999999', 'general'],
    ['1000', 'larger'],
    ['1000.00', 'larger'],
    ['4999.99', 'larger'],
    ['5000', 'major'],
    ['9999.99', 'major'],
    ['10000', 'especially_major'],
    [999.99, 'general'],
    [1000, 'larger'],
    [10000, 'especially_major'],
  ])('direct loss %j 万元 → %s', (directLossWan, level) => {
    expect(classifyAccident({ ...none, directLossWan }).level).toBe(level);
  });

  it('takes the highest level any one figure reaches and marks the deciding figures', () => {
    const result = classifyAccident({ deaths: 1, seriousInjuries: 12, directLossWan: '6000' });
    expect(result.level).toBe('major');
    expect(result.reasons.map((reason) => [reason.dimension, reason.level, reason.decisive])).toEqual([
      ['deaths', 'general', false],
      ['seriousInjuries', 'larger', false],
      ['directLoss', 'major', true],
    ]);
  });

  it('explains each figure in both languages', () => {
    const result = classifyAccident({ deaths: 3, seriousInjuries: 9, directLossWan: '999.99' });
    expect(result).toEqual({
      level: 'larger',
      reasons: [
        {
          dimension: 'deaths',
          value: '3',
          level: 'larger',
          decisive: true,
          zh: '死亡 3 人：3人以上10人以下，较大事故',
          en: '3 deaths: 3 to 9, larger accident',
        },
        {
          dimension: 'seriousInjuries',
          value: '9',
          level: 'general',
          decisive: false,
          zh: '重伤（含急性工业中毒）9 人：10人以下，一般事故',
          en: '9 serious injuries (incl. acute industrial poisoning): fewer than 10, general accident',
        },
        {
          dimension: 'directLoss',
          value: '999.99',
          level: 'general',
          decisive: false,
          zh: '直接经济损失 999.99 万元：1000万元以下，一般事故',
          en: 'direct economic loss 999.99 × 10,000 yuan: under 10 million yuan, general accident',
        },
      ],
    });
  });

  it.each<[string, Partial<AccidentFigures>, string]>([
    ['negative deaths', { deaths: -1 }, 'deaths'],
    ['fractional deaths', { deaths: 1.5 }, 'deaths'],
    ['negative serious injuries', { seriousInjuries: -2 }, 'seriousInjuries'],
    ['a negative loss', { directLossWan: '-0.01' }, 'directLossWan'],
    ['a loss that is not a number', { directLossWan: '一千' }, 'directLossWan'],
  ])('refuses %s', (_name, figures, field) => {
    try {
      classifyAccident({ ...none, ...figures });
      throw new Error('expected an AccidentError');
    } catch (error) {
      expect(error).toBeInstanceOf(AccidentError);
      expect((error as AccidentError).code).toBe('accident.invalid_figures');
      expect((error as AccidentError).details.field).toBe(field);
    }
  });
});
