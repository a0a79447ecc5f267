import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { point, polygon } from '@turf/helpers';
import { yuxiCounties, yuxiTownships } from '@anjian/domain';

/**
 * What stays schematic now that the counties have real boundaries (county-boundaries.ts): a rough
 * outline of the city and placeholder township centres. Both are marked schematic wherever drawn.
 */

// A rough outline of Yuxi (WGS-84), hand-drawn around the counties' extent. Schematic only.
const cityOutline: [number, number][] = [
  [101.3, 24.2],
  [101.55, 24.45],
  [101.95, 24.55],
  [102.05, 24.9],
  [102.35, 24.95],
  [102.6, 24.78],
  [102.85, 24.86],
  [103.1, 24.75],
  [103.16, 24.35],
  [103.05, 24.05],
  [102.75, 23.95],
  [102.45, 23.85],
  [102.2, 23.55],
  [101.95, 23.3],
  [101.65, 23.45],
  [101.45, 23.8],
  [101.3, 24.2],
];

// Approximate area centres of the counties (ecosystem-security.md §B1), where township spirals start.
const countyCentres: Record<string, [number, number]> = {
  '530402': [102.494, 24.364],
  '530403': [102.763, 24.352],
  '530423': [102.705, 24.111],
  '530424': [102.993, 24.278],
  '530425': [102.116, 24.69],
  '530426': [102.214, 24.24],
  '530427': [101.733, 24.023],
  '530428': [102.012, 23.579],
  '530481': [102.94, 24.671],
};

export function schematicCityOutline(): Feature<Polygon> {
  return polygon([cityOutline]);
}

/**
 * Placeholder centre points for townships (their seats are not in the code lists): a golden-angle
 * spiral around the county centre, kept inside the county's schematic cell. Marked schematic.
 */
export function schematicTownshipCentres(
  boundaries: Map<string, Polygon | MultiPolygon>,
): Map<string, [number, number]> {
  const centres = new Map<string, [number, number]>();
  for (const county of yuxiCounties) {
    const townships = yuxiTownships.filter((township) => township.county === county.code);
    const cell = boundaries.get(county.code);
    const [cx, cy] = countyCentres[county.code]!;
    townships.forEach((township, i) => {
      const angle = i * 2.399963; // golden angle, radians
      let radius = 0.035 * Math.sqrt(i + 0.5);
      let candidate: [number, number] = [cx, cy];
      for (let attempt = 0; attempt < 8; attempt++) {
        const next: [number, number] = [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
        if (!cell || booleanPointInPolygon(point(next), cell)) {
          candidate = next;
          break;
        }
        radius /= 2;
      }
      centres.set(township.code, [Number(candidate[0].toFixed(5)), Number(candidate[1].toFixed(5))]);
    });
  }
  return centres;
}
