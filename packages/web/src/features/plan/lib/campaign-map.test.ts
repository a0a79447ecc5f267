// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { rollupBands, rollupColour } from './campaign-map.ts';

describe('the campaign map’s colours', () => {
  it('fills a county by the share of its objects verified, grey without objects', () => {
    expect([null, 0, 49, 50, 79, 80, 99, 100].map(rollupColour)).toEqual([
      '#dcdfe6',
      '#f56c6c',
      '#f56c6c',
      '#e6a23c',
      '#e6a23c',
      '#95d475',
      '#95d475',
      '#67c23a',
    ]);
    // The legend lists every colour the map uses, in order.
    expect(rollupBands.map((b) => b.colour)).toEqual(['#dcdfe6', '#f56c6c', '#e6a23c', '#95d475', '#67c23a']);
  });
});
