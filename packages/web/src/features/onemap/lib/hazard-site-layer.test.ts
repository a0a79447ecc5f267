// @vitest-environment happy-dom
import L from 'leaflet';
import { describe, expect, it } from 'vitest';
import type { RegulatedObject } from '@anjian/domain';
import { createHazardSiteLayer } from './hazard-site-layer.ts';
import { hazardSiteViews } from './hazard-sites.ts';

const site: RegulatedObject = {
  id: '7d2f8a57-0d5e-4b71-a1c6-3c5b0b1f0a11',
  kind: 'geo_hazard_site',
  name: '大平掌泥石流隐患点',
  enterpriseId: null,
  enterpriseName: null,
  county: '530427',
  location: { lon: 101.566, lat: 24.049 },
  locationApproximate: false,
  attributes: { responsibleUnit: '戛洒镇人民政府', threatenedPeople: 214 },
  geometry: null,
  demo: true,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('the hazard-site layer', () => {
  it('draws a site in its warning colour with the people at risk, and opens its popup on a click', () => {
    const el = document.createElement('div');
    el.style.width = '400px';
    el.style.height = '300px';
    document.body.append(el);
    const map = L.map(el).setView([24.05, 101.57], 10);
    const layer = createHazardSiteLayer(
      map,
      (lon, lat) => L.latLng(lat, lon),
      () => ({
        kind: () => '地质灾害隐患点',
        people: (n) => `威胁人数：${n} 人`,
        responsibleUnit: '责任单位',
        points: () => '2 个监测点，1 个报警，红色预警',
      }),
    );
    const views = hazardSiteViews(
      [site],
      [{ objectId: site.id, level: 'red', pointCount: 2, firingCount: 1 }],
    );
    layer.setSites(views);
    const marker = el.querySelector<HTMLElement>('[data-testid="hazard-site-marker"]')!;
    expect(marker.dataset.level).toBe('red');
    expect(el.querySelector('.aj-hazard-site .people')!.textContent).toBe('214');
    marker.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const popup = el.querySelector('[data-testid="hazard-site-popup"]');
    expect(popup?.textContent).toContain('戛洒镇人民政府');
    expect(popup?.textContent).toContain('红色预警');
    map.remove();
  });
});
