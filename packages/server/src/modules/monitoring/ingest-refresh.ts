import type { Db } from '../../platform/db.ts';
import type { LivePoint } from './live-points.ts';

/**
 * Several processes share the ingestion (MQTT shared subscription, a proxy in front of HTTP): the
 * process that runs the tick has evaluated only the readings it took itself. Before a tick, each
 * point whose duration or no-data check is due learns the newest good reading any process stored
 * (one index look-up per due point, on the readings' key), so that silence is judged from the
 * database, never from one process's share — no no-data alarm for a point another process hears.
 * The reading is not evaluated again here (its process did that); it only moves `last` forward.
 */
export async function refreshDuePointsFromDatabase(
  db: Db,
  points: Iterable<LivePoint>,
  now: number,
): Promise<number> {
  const due = [...points].filter((point) => point.nextCheckAt !== null && point.nextCheckAt <= now);
  if (due.length === 0) return 0;
  const newest = await db.query<{ no: number; ts: Date; value: number }>(
    `SELECT r.point_no AS no, r.ts, r.value
       FROM unnest($1::int[]) AS p(no)
       CROSS JOIN LATERAL (
         SELECT point_no, ts, value FROM readings
          WHERE point_no = p.no AND flags = 0 AND ts <= $2
          ORDER BY ts DESC LIMIT 1) r`,
    [due.map((point) => point.no), new Date(now)],
  );
  const byNo = new Map(due.map((point) => [point.no, point]));
  let moved = 0;
  for (const row of newest.rows) {
    const point = byNo.get(row.no)!;
    const at = row.ts.getTime();
    if (point.state.last && point.state.last[0] >= at) continue;
    point.state = { ...point.state, last: [at, row.value] };
    moved += 1;
  }
  return moved;
}
