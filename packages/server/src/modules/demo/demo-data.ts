import {
  generateSyntheticCreditCode,
  regulatedObjectInputSchema,
  type RegulatedObjectInput,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { chinaDate } from '@anjian/domain';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import {
  createEnterprisesRepository,
  type EnterpriseWrite,
} from '../registry/enterprises/enterprises.repository.ts';
import { createObjectsRepository } from '../registry/objects/objects.repository.ts';
import { toObjectWrite } from '../registry/objects/objects.service.ts';
import { namedEnterprises, namedObjects, namedParks, namedPipelines } from './demo-named-sites.ts';
import { seededRandom, syntheticEnterprises } from './synthetic-registry.ts';

const DEMO_KEY = 'demo.registry';
export const DEMO_SYNTHETIC_COUNT = 300;

/**
 * Loads the demo registry once per database (演示): the plan's named sites with approximate
 * coordinates, and about 300 synthetic enterprises. Every row carries demo = true, and the UI
 * shows 演示 wherever it appears.
 */
export async function loadDemoRegistry(deps: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
}): Promise<boolean> {
  const { db, clock, cipher } = deps;
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY]);
  if (done.rowCount) return false;
  const now = clock.now();
  const enterprises = createEnterprisesRepository(db);
  const objects = createObjectsRepository(db);
  const random = seededRandom(5304);
  const phone = () => `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;

  await inTransaction(db, async (tx) => {
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      DEMO_KEY,
      JSON.stringify({ loadedAt: now.toISOString() }),
    ]);

    const named: EnterpriseWrite[] = namedEnterprises.map((e, index) => ({
      name: e.name,
      creditCode: generateSyntheticCreditCode(900_000 + index, { divisionCode: e.county }),
      county: e.county,
      township: null,
      address: null,
      location: { lon: e.lon, lat: e.lat },
      locationApproximate: true,
      industryCode: e.industryCode,
      sectors: e.sectors,
      scale: e.scale,
      employees: e.employees,
      contacts: { safetyManager: { name: '演示联系人', phoneEnc: cipher.encrypt(phone()) } },
      status: 'operating',
      keyTags: e.keyTags,
      responsibleDepartment: 'emergency',
      demo: true,
    }));
    const namedIds = await enterprises.insertMany(tx, named, now);
    const idOf = (key: string) =>
      namedIds.get(named[namedEnterprises.findIndex((e) => e.key === key)]!.creditCode)!;

    const synthetic = syntheticEnterprises(DEMO_SYNTHETIC_COUNT, {
      seed: 20261129,
      startSerial: 1,
      today: chinaDate(now),
    });
    for (const item of synthetic) {
      item.enterprise.contacts = {
        legalRepresentative: { name: item.people.legal, phoneEnc: cipher.encrypt(item.people.legalPhone) },
        safetyManager: { name: item.people.safety, phoneEnc: cipher.encrypt(item.people.safetyPhone) },
      };
    }
    const syntheticIds = await enterprises.insertMany(
      tx,
      synthetic.map((s) => s.enterprise),
      now,
    );
    await enterprises.insertLicences(
      tx,
      synthetic.flatMap((s) =>
        s.licences.map((l) => ({ ...l, enterpriseId: syntheticIds.get(s.enterprise.creditCode)! })),
      ),
    );

    const inputs: RegulatedObjectInput[] = [
      ...namedObjects.map(
        (o) =>
          ({
            kind: o.kind,
            name: o.name,
            enterpriseId: idOf(o.owner),
            county: o.county,
            location: { lon: o.lon, lat: o.lat },
            locationApproximate: true,
            ...o.attributes,
          }) as RegulatedObjectInput,
      ),
      ...namedPipelines.map((p): RegulatedObjectInput => {
        const middle = Math.floor(p.line.length / 2);
        return {
          kind: 'pipeline',
          name: p.name,
          enterpriseId: idOf(p.owner),
          county: p.county,
          location: { lon: p.line[middle]![0], lat: p.line[middle]![1] },
          locationApproximate: true,
          medium: p.medium,
          geometry: { type: 'LineString', coordinates: p.line },
          // The stretch through the town nearest the middle of the line is the people-dense one.
          highConsequenceSegments: [
            {
              name: `${p.name} 城区段（演示）`,
              kind: 'people_dense',
              geometry: {
                type: 'LineString',
                coordinates: p.line.slice(Math.max(0, middle - 1), middle + 1),
              },
            },
          ],
        };
      }),
      ...namedParks.map((park): RegulatedObjectInput => {
        const rings = park.parcels.map(([lon, lat, dx, dy]) => [
          [
            [lon - dx, lat - dy],
            [lon + dx, lat - dy],
            [lon + dx, lat + dy],
            [lon - dx, lat + dy],
            [lon - dx, lat - dy],
          ] as [number, number][],
        ]);
        return {
          kind: 'park',
          name: park.name,
          county: park.county,
          location: { lon: park.centre[0], lat: park.centre[1] },
          locationApproximate: true,
          parkKind: park.parkKind,
          geometry:
            rings.length === 1
              ? { type: 'Polygon', coordinates: rings[0]! }
              : { type: 'MultiPolygon', coordinates: rings },
        };
      }),
      ...majorHazardSources(synthetic, syntheticIds, idOf),
    ];
    await insertObjects(tx, objects, inputs, now);
  });
  return true;
}

/** About 20 enterprises with major hazard sources, as the plan counts (专栏 6). */
function majorHazardSources(
  synthetic: ReturnType<typeof syntheticEnterprises>,
  ids: Map<string, string>,
  idOf: (key: string) => string,
): RegulatedObjectInput[] {
  const hazchem = synthetic.filter(
    (s) =>
      s.enterprise.sectors.some((sector) => sector.startsWith('hazchem')) &&
      s.enterprise.status === 'operating',
  );
  const sources: RegulatedObjectInput[] = hazchem.slice(0, 18).map((s, index) => ({
    kind: 'major_hazard_source',
    name: `${s.enterprise.name.replace(/有限公司\d+$/, '')}${['储罐区', '液氨储存单元', '液氯库', '甲醇罐区'][index % 4]}`,
    enterpriseId: ids.get(s.enterprise.creditCode)!,
    county: s.enterprise.county,
    location: s.enterprise.location!,
    locationApproximate: true,
    level: ((index % 4) + 1) as 1 | 2 | 3 | 4,
    units: [['储罐区', '装卸区'], ['液氨储罐'], ['液氯钢瓶库'], ['甲醇储罐', '泵房']][index % 4]!,
  }));
  sources.push(
    {
      kind: 'major_hazard_source',
      name: '玉溪新兴钢铁煤气柜',
      enterpriseId: idOf('xinxing'),
      county: '530402',
      location: { lon: 102.582, lat: 24.311 },
      locationApproximate: true,
      level: 3,
      units: ['转炉煤气柜'],
    },
    {
      kind: 'major_hazard_source',
      name: '玉昆钢铁煤气柜',
      enterpriseId: idOf('yukun'),
      county: '530402',
      location: { lon: 102.502, lat: 24.402 },
      locationApproximate: true,
      level: 3,
      units: ['高炉煤气柜'],
    },
  );
  return sources;
}

async function insertObjects(
  tx: Queryable,
  objects: ReturnType<typeof createObjectsRepository>,
  inputs: RegulatedObjectInput[],
  at: Date,
) {
  for (const input of inputs)
    await objects.insert(tx, toObjectWrite(regulatedObjectInputSchema.parse(input), true), at);
}
