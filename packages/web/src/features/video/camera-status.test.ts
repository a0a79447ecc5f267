import { describe, expect, it } from 'vitest';
import { percent } from './camera-status.ts';

describe('online rate as shown', () => {
  it('is a percentage with one decimal, and nothing when no camera was checked', () => {
    expect(percent(0.6667)).toBe('66.7%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(null)).toBeNull();
  });
});
