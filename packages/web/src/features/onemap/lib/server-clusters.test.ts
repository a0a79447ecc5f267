// @vitest-environment happy-dom
import L from 'leaflet';
import { describe, expect, it } from 'vitest';
import { countIcon, viewQuery } from './server-clusters.ts';

describe('server clusters', () => {
  it('asks for the view with a fifth more on each side, rounded, and the zoom as an integer', () => {
    const map = {
      getBounds: () => L.latLngBounds([24, 102], [24.5, 103]),
      getZoom: () => 10.4,
    } as unknown as L.Map;
    expect(viewQuery(map)).toEqual({ bbox: '101.80000,23.90000,103.20000,24.60000', zoom: 10 });
  });

  it('keeps a world view inside the valid range', () => {
    const map = {
      getBounds: () => L.latLngBounds([-89, -179], [89, 179]),
      getZoom: () => 1,
    } as unknown as L.Map;
    expect(viewQuery(map).bbox).toBe('-180.00000,-90.00000,180.00000,90.00000');
  });

  it('numbers a cluster like the client’s: thousands as k from 10,000', () => {
    expect(countIcon(7).options.html).toContain('<span>7</span>');
    expect(countIcon(7).options.className).toBe('aj-cluster aj-cluster-s');
    expect(countIcon(2500).options.className).toBe('aj-cluster aj-cluster-xl');
    expect(countIcon(41_300).options.html).toContain('<span>41k</span>');
  });
});
