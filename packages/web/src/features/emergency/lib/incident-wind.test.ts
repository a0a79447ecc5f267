import { describe, expect, it } from 'vitest';
import { compassPoint } from './incident-wind.ts';

describe('compassPoint', () => {
  it('names the 16 points, rounding to the nearest and wrapping at north', () => {
    expect(compassPoint(0, 'zh')).toBe('北风');
    expect(compassPoint(360, 'en')).toBe('N');
    expect(compassPoint(225, 'zh')).toBe('西南风');
    expect(compassPoint(270, 'en')).toBe('W');
    expect(compassPoint(11.24, 'en')).toBe('N');
    expect(compassPoint(11.25, 'en')).toBe('NNE');
    expect(compassPoint(349, 'zh')).toBe('北风');
  });
});
