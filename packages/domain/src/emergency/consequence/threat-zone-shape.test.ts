import { describe, expect, it } from 'vitest';
import { plumeGroundCentreline, type PlumeParameters } from './gaussian-plume.ts';
import { puffGroundCentreline } from './gaussian-puff.ts';
import { halfWidthAt, threatZoneShape } from './threat-zone-shape.ts';

const ground: PlumeParameters = {
  emissionRateKgPerS: 0.1,
  windSpeedMPerS: 2,
  releaseHeightM: 0,
  stabilityClass: 'F',
  terrain: 'rural',
};
const centreline = plumeGroundCentreline(ground);

describe('threatZoneShape, ground-level plume', () => {
  it('finds the threat-zone length where the axis concentration falls to C* (CCPS p. 97 set-up)', () => {
    // C(500 m) = 1.1722e-4 kg/m³ (gaussian-plume.test.ts), so C* = that value gives 500 m.
    const shape = threatZoneShape(centreline, centreline.concentrationAt(500));
    expect(shape.status).toBe('reached');
    expect(shape.startM).toBe(0);
    expect(shape.endM).toBeCloseTo(500, 6);
  });

  it('has half-width y* = σy √(2 ln(C/C*)) at every station, zero at both ends', () => {
    const threshold = 1e-5;
    const shape = threatZoneShape(centreline, threshold);
    expect(shape.stations).toHaveLength(65);
    expect(shape.stations[0]).toEqual({ x: 0, halfWidth: 0 });
    expect(shape.stations[64]).toEqual({ x: shape.endM, halfWidth: 0 });
    for (const station of shape.stations.slice(1, -1)) {
      const c = centreline.concentrationAt(station.x);
      expect(station.halfWidth).toBeCloseTo(
        centreline.sigmaYAt(station.x) * Math.sqrt(2 * Math.log(c / threshold)),
        9,
      );
    }
  });

  it('reports the widest point, no narrower than any station', () => {
    const shape = threatZoneShape(centreline, 1e-5);
    const widestStation = Math.max(...shape.stations.map((s) => s.halfWidth));
    expect(shape.maxHalfWidthM).toBeGreaterThanOrEqual(widestStation);
    expect(shape.maxHalfWidthM).toBeCloseTo(halfWidthAt(centreline, 1e-5, shape.maxHalfWidthAtM), 9);
    expect(shape.maxHalfWidthAtM).toBeGreaterThan(0);
    expect(shape.maxHalfWidthAtM).toBeLessThan(shape.endM);
  });

  it('integrates the area 2∫y*dx within 0.5 % of a fine numerical integral', () => {
    const shape = threatZoneShape(centreline, 1e-5);
    let fine = 0;
    const n = 20_000;
    for (let i = 0; i < n; i += 1)
      fine += 2 * halfWidthAt(centreline, 1e-5, ((i + 0.5) * shape.endM) / n) * (shape.endM / n);
    expect(shape.areaM2 / fine).toBeCloseTo(1, 2);
  });

  it('is not reached when the threshold exceeds the concentration at 1 m', () => {
    expect(threatZoneShape(centreline, 2 * centreline.concentrationAt(1)).status).toBe('not_reached');
  });

  it('stops at 100 km and says so when the threshold is still exceeded there', () => {
    const shape = threatZoneShape(centreline, 1e-12);
    expect(shape.status).toBe('beyond_model_range');
    expect(shape.endM).toBe(100_000);
    expect(shape.stations[64]?.halfWidth).toBeGreaterThan(0);
  });
});

describe('threatZoneShape, elevated plume and puff', () => {
  const elevated = plumeGroundCentreline({ ...ground, releaseHeightM: 30, stabilityClass: 'D' });

  it('starts downwind of the source and ends beyond the ground-level maximum', () => {
    const threshold = 1e-6;
    const shape = threatZoneShape(elevated, threshold);
    expect(shape.status).toBe('reached');
    expect(shape.startM).toBeGreaterThan(50);
    expect(elevated.concentrationAt(shape.startM)).toBeCloseTo(threshold, 15);
    expect(elevated.concentrationAt(shape.endM)).toBeCloseTo(threshold, 15);
    expect(shape.stations[0]).toEqual({ x: shape.startM, halfWidth: 0 });
  });

  it('is not reached when the ground-level maximum stays below the threshold', () => {
    expect(threatZoneShape(elevated, 1e-3).status).toBe('not_reached');
  });

  it('works the same for a puff (peak concentration as the centre passes)', () => {
    const puff = puffGroundCentreline({
      massKg: 1,
      windSpeedMPerS: 2,
      releaseHeightM: 0,
      stabilityClass: 'F',
    });
    const shape = threatZoneShape(puff, puff.concentrationAt(500));
    expect(shape.endM).toBeCloseTo(500, 6);
  });
});

describe('threatZoneShape cost', () => {
  it('evaluates the dispersion model ~150 times per threshold: bisection and golden section, no grid', () => {
    let evaluations = 0;
    const counted = {
      ...centreline,
      concentrationAt: (x: number) => {
        evaluations += 1;
        return centreline.concentrationAt(x);
      },
    };
    threatZoneShape(counted, 1e-6);
    expect(evaluations).toBeGreaterThan(65);
    expect(evaluations).toBeLessThan(250);
  });
});
