import { describe, expect, it } from 'vitest';
import { distanceMetres, onlineRate } from './online-rate.ts';
import { streamRefProblem } from './video.schema.ts';

describe('online rate', () => {
  it('is online ÷ checked, with no rate when nothing was checked', () => {
    expect(onlineRate({ online: 3, checked: 4 })).toBe(0.75);
    expect(onlineRate({ online: 2, checked: 3 })).toBe(0.6667);
    expect(onlineRate({ online: 0, checked: 0 })).toBeNull();
  });
});

describe('distance', () => {
  it('measures a degree of latitude as about 111 km', () => {
    expect(Math.round(distanceMetres({ lon: 102.5, lat: 24 }, { lon: 102.5, lat: 25 }) / 1000)).toBe(111);
    expect(distanceMetres({ lon: 102.5, lat: 24.3 }, { lon: 102.5, lat: 24.3 })).toBe(0);
  });
});

describe('stream references', () => {
  it('fit their gateway', () => {
    expect(streamRefProblem('wvp', '34020000001320000001/34020000001310000001')).toBe(false);
    expect(streamRefProblem('wvp', 'rtsp://x')).toBe(true);
    expect(streamRefProblem('zlm', 'rtsp://10.0.0.8:554/live/1')).toBe(false);
    expect(streamRefProblem('zlm', 'http://x')).toBe(true);
    expect(streamRefProblem('hls', 'cam01/index.m3u8')).toBe(false);
    expect(streamRefProblem('hls', '../etc/passwd')).toBe(true);
    expect(streamRefProblem('test', '/abs')).toBe(true);
  });
});
