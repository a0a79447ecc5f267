import { drawnAreaBox, pointInDrawnArea, type WarningArea } from '@anjian/domain';
import type { Queryable } from '../../platform/db.ts';

export interface PlaceInArea {
  id: string;
  county: string;
  /** SM4-sealed phone of the safety manager (enterprise) or the contact (school, hospital). */
  phoneEnc: string | null;
}

interface Located extends PlaceInArea {
  lon: number | null;
  lat: number | null;
}

/** In the area: in one of its counties, or inside its drawn polygon or circle. */
function inArea(counties: readonly string[], area: WarningArea) {
  return (place: Located) =>
    counties.includes(place.county) ||
    (place.lon !== null && place.lat !== null && pointInDrawnArea({ lon: place.lon, lat: place.lat }, area));
}

function boxParams(area: WarningArea): [number, number, number, number] | [null, null, null, null] {
  const box = drawnAreaBox(area);
  return box ? [box.minLon, box.maxLon, box.minLat, box.maxLat] : [null, null, null, null];
}

/**
 * A read model over the registry's enterprises and the emergency module's schools and hospitals
 * (reads only, as the one-map does): what lies in a warning's area. SQL narrows by county or the
 * shapes' bounding box; the exact polygon and circle test is the domain's.
 */
export const warningRecipientQueries = {
  async enterprises(
    source: Queryable,
    counties: readonly string[],
    area: WarningArea,
  ): Promise<PlaceInArea[]> {
    const rows = await source.query<Located>(
      `SELECT id, county, lon, lat, safety_manager_phone_enc AS "phoneEnc" FROM enterprise_directory
        WHERE status = 'operating' AND (county = ANY ($1::text[])
          OR ($2::float8 IS NOT NULL AND lon BETWEEN $2 AND $3 AND lat BETWEEN $4 AND $5))
        ORDER BY id`,
      [counties, ...boxParams(area)],
    );
    return rows.rows
      .filter(inArea(counties, area))
      .map(({ id, county, phoneEnc }) => ({ id, county, phoneEnc }));
  },

  async places(
    source: Queryable,
    kinds: readonly ('school' | 'hospital')[],
    counties: readonly string[],
    area: WarningArea,
  ): Promise<PlaceInArea[]> {
    if (kinds.length === 0) return [];
    const rows = await source.query<Located>(
      `SELECT id, county, lon, lat, contact_phone_enc AS "phoneEnc" FROM emergency_resources
        WHERE kind = ANY ($1::text[]) AND (county = ANY ($2::text[])
          OR ($3::float8 IS NOT NULL AND lon BETWEEN $3 AND $4 AND lat BETWEEN $5 AND $6))
        ORDER BY id`,
      [kinds, counties, ...boxParams(area)],
    );
    return rows.rows
      .filter(inArea(counties, area))
      .map(({ id, county, phoneEnc }) => ({ id, county, phoneEnc }));
  },
};
