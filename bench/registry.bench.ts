/**
 * Registry benchmark (issues 3 and 19), at two sizes: the city (37,000 enterprises, the plan's
 * count, and 5,000 regulated objects) and a province (370,000 and 50,000). p50/p95 of a filtered
 * list page, a name search, the one-map layer at the zooms a user moves through, and the Excel export
 * of every row (time, size, and the server's peak RSS over its RSS before), through the real app on
 * an embedded PostgreSQL. Goals on the 2-core reference machine: list and search p95 ≤ 50 ms, map
 * ≤ 300 ms at any zoom, export in constant memory.
 *
 *   REGISTRY_SCALE=city|province|both (default both)   npm run bench:registry
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchApp, benchDatabase, measure, printFigures } from './support.ts';
import { loadRegistry, REGISTRY_SIZES, type RegistryScale } from './registry-load.ts';

const requested = process.env.REGISTRY_SCALE ?? 'both';
const scales: RegistryScale[] =
  requested === 'both'
    ? ['city', 'province']
    : requested in REGISTRY_SIZES
      ? [requested as RegistryScale]
      : [];
if (scales.length === 0) throw new Error(`REGISTRY_SCALE must be city, province or both, not ${requested}`);

/** The views of the one-map the bench asks for: the whole city, then closer, then a street. */
const VIEWS: { zoom: number; bbox: [number, number, number, number] }[] = [
  { zoom: 9, bbox: [100.9, 23.3, 103.9, 25.0] },
  { zoom: 10, bbox: [101.7, 23.8, 103.2, 24.6] },
  { zoom: 11, bbox: [102.2, 24.1, 102.95, 24.5] },
  { zoom: 12, bbox: [102.35, 24.2, 102.72, 24.42] },
  { zoom: 13, bbox: [102.45, 24.28, 102.64, 24.38] },
  { zoom: 14, bbox: [102.5, 24.31, 102.59, 24.36] },
  { zoom: 15, bbox: [102.52, 24.32, 102.57, 24.345] },
  { zoom: 17, bbox: [102.54, 24.33, 102.552, 24.336] },
];

async function run(scale: RegistryScale): Promise<void> {
  const size = REGISTRY_SIZES[scale];
  const database = await benchDatabase();
  const { db } = database;
  try {
    const loadStart = performance.now();
    await loadRegistry(db, size);
    const loadSeconds = (performance.now() - loadStart) / 1000;

    const { app, headers } = await benchApp(database, { username: 'bench_city', displayName: '压测' });
    const get = async (url: string) => {
      const response = await app.inject({ method: 'GET', url, headers });
      if (response.statusCode !== 200)
        throw new Error(`${url} → ${response.statusCode} ${response.body.slice(0, 200)}`);
      return response;
    };
    const counties = [
      '530402',
      '530403',
      '530423',
      '530424',
      '530425',
      '530426',
      '530427',
      '530428',
      '530481',
    ];
    const sectors = ['commerce', 'machinery', 'building_materials', 'light_industry', 'construction'];
    const words = ['恒通', '鑫源', '宏达', '玉溪', '化工', '矿业', '物流', '建材', '0421', '有限公司1'];
    const mapUrl = (i: number) => {
      const view = VIEWS[i % VIEWS.length]!;
      // Each request a little further east: a user panning, not one view asked again.
      const shift = ((i >> 3) % 10) * (view.bbox[2] - view.bbox[0]) * 0.05;
      const bbox = [view.bbox[0] + shift, view.bbox[1], view.bbox[2] + shift, view.bbox[3]];
      return `/api/v1/map/enterprises?zoom=${view.zoom}&bbox=${bbox.map((v) => v.toFixed(5)).join(',')}`;
    };

    const figures = {
      listPage: await measure(200, async (i) => {
        await get(
          `/api/v1/enterprises?county=${counties[i % 9]}&sector=${sectors[i % 5]}&page=${1 + (i % 5)}&pageSize=20`,
        );
      }),
      nameSearch: await measure(200, async (i) => {
        await get(`/api/v1/enterprises?q=${encodeURIComponent(words[i % words.length]!)}&pageSize=20`);
      }),
      mapLayerAnyZoom: await measure(160, async (i) => {
        await get(mapUrl(i));
      }),
    };
    const overview = (await get(mapUrl(0))).json() as {
      points: unknown[];
      clusters: unknown[];
      total: number;
    };
    const street = (await get(mapUrl(7))).json() as { points: unknown[]; clusters: unknown[] };

    // The export over real HTTP, read as it arrives: the server's memory, not a buffered reply.
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as { port: number };
    const exportOnce = async () => {
      const before = process.memoryUsage().rss;
      let peak = before;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const start = performance.now();
      const response = await fetch(`http://127.0.0.1:${address.port}/api/v1/enterprises/export`, { headers });
      if (response.status !== 200) throw new Error(`export → ${response.status}`);
      let bytes = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
      const seconds = (performance.now() - start) / 1000;
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return { seconds, bytes, rssDeltaMb: (peak - before) / 2 ** 20 };
    };
    const exports = [];
    for (let i = 0; i < (scale === 'city' ? 3 : 1); i++) exports.push(await exportOnce());
    const slowest = exports.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    printFigures(`registry (${scale})`, figures, {
      scale,
      enterprises: size.enterprises,
      objects: size.objects,
      loadSeconds: +loadSeconds.toFixed(1),
      overviewZoom9: {
        points: overview.points.length,
        clusters: overview.clusters.length,
        total: overview.total,
      },
      streetZoom17: { points: street.points.length, clusters: street.clusters.length },
      exportSeconds: +slowest.seconds.toFixed(2),
      exportMb: +(slowest.bytes / 2 ** 20).toFixed(1),
      exportPeakRssDeltaMb: +Math.max(...exports.map((e) => e.rssDeltaMb)).toFixed(1),
      loadAverage: os.loadavg().map((v) => +v.toFixed(2)),
    });
    await app.close();
  } finally {
    await database.close();
  }
}

for (const scale of scales) await run(scale);
