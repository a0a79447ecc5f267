import { describe, expect, it } from 'vitest';
import { findGb6441AccidentType, gb6441AccidentTypes } from './accident-types.ts';

describe('GB 6441-1986 accident types', () => {
  it('lists the 20 types with codes 01–20 in order', () => {
    expect(gb6441AccidentTypes.map((type) => type.code)).toEqual(
      Array.from({ length: 20 }, (_, index) => String(index + 1).padStart(2, '0')),
    );
    expect(gb6441AccidentTypes.map((type) => type.zh)).toEqual([
      '物体打击',
      '车辆伤害',
      '机械伤害',
      '起重伤害',
      '触电',
      '淹溺',
      '灼烫',
      '火灾',
      '高处坠落',
      '坍塌',
      '冒顶片帮',
      '透水',
      '放炮',
      '火药爆炸',
      '瓦斯爆炸',
      '锅炉爆炸',
      '容器爆炸',
      '其他爆炸',
      '中毒和窒息',
      '其他伤害',
    ]);
  });

  it.each([
    ['08', '火灾'],
    [' 19 ', '中毒和窒息'],
    ['21', undefined],
    ['8', undefined],
  ])('finds code %j: %s', (code, zh) => {
    expect(findGb6441AccidentType(code)?.zh).toBe(zh);
  });
});
