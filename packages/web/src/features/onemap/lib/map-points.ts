/** One enterprise marker of the one-map, from the compact GET /map/enterprises answer. */
export interface EnterprisePoint {
  id: string;
  lon: number;
  lat: number;
  /** First regulatory sector (dictionary code), or null. */
  sector: string | null;
  name: string;
  status: string;
  demo: boolean;
}

export interface CompactPoints {
  columns: string[];
  points: unknown[][];
}

/**
 * Turns `{columns, points}` into objects, finding each value by its column name so that the server
 * may add or reorder columns. Points without a usable position are dropped.
 */
export function parseEnterprisePoints(answer: CompactPoints): EnterprisePoint[] {
  const at = (name: string) => answer.columns.indexOf(name);
  const [id, lon, lat, sector, name, status, demo] = [
    'id',
    'lon',
    'lat',
    'sector',
    'name',
    'status',
    'demo',
  ].map(at) as [number, number, number, number, number, number, number];
  const points: EnterprisePoint[] = [];
  const numberAt = (row: unknown[], index: number) => {
    const value = row[index];
    return value === null || value === undefined || value === '' ? Number.NaN : Number(value);
  };
  for (const row of answer.points) {
    const x = numberAt(row, lon);
    const y = numberAt(row, lat);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    points.push({
      id: String(row[id]),
      lon: x,
      lat: y,
      sector: sector >= 0 && row[sector] ? String(row[sector]) : null,
      name: String(row[name] ?? ''),
      status: String(row[status] ?? ''),
      demo: row[demo] === true,
    });
  }
  return points;
}

export interface Searchable {
  name: string;
}

/**
 * Name search of the map: case-insensitive, ignoring spaces; exact names first, then names that
 * start with the text, then names that contain it, each group in its original order.
 */
export function searchByName<T extends Searchable>(items: readonly T[], text: string, limit = 20): T[] {
  const wanted = text.replace(/\s+/g, '').toLowerCase();
  if (!wanted) return [];
  const exact: T[] = [];
  const prefix: T[] = [];
  const inside: T[] = [];
  for (const item of items) {
    const name = item.name.replace(/\s+/g, '').toLowerCase();
    if (name === wanted) exact.push(item);
    else if (name.startsWith(wanted)) prefix.push(item);
    else if (name.includes(wanted)) inside.push(item);
    if (exact.length >= limit) break;
  }
  return [...exact, ...prefix, ...inside].slice(0, limit);
}

/** One entry of the map's search list. */
export interface SearchHit {
  kind: 'enterprise' | 'object';
  id: string;
  name: string;
  /** Sector or kind, in words. */
  sub: string;
}
