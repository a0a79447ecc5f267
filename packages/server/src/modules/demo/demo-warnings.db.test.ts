import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_FIELD_KEY } from '../../../test/test-app.ts';
import { createManualClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { validateCap } from '../warnings/cap-schema.ts';
import { loadDemoWarnings } from './demo-warnings.ts';

describe('demo public warnings (演示)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('loads warnings in four states once, the 江川区 one published as valid CAP', async () => {
    const { db } = database;
    const clock = createManualClock(new Date('2026-11-29T02:00:00Z'));
    const deps = { db, clock, config: loadConfig({}), cipher: createFieldCipher(TEST_FIELD_KEY) };
    expect(await loadDemoWarnings(deps)).toBe(true);
    expect(await loadDemoWarnings(deps)).toBe(false);

    const rows = await db.query<{ status: string; counties: string[]; demo: boolean }>(
      'SELECT status, counties, demo FROM warnings ORDER BY created_at, status',
    );
    expect(rows.rows.map((r) => r.status).sort()).toEqual([
      'draft',
      'published',
      'rejected',
      'submitted',
      'submitted',
    ]);
    expect(rows.rows.every((r) => r.demo)).toBe(true);
    const published = await db.query<{ cap_xml: string; counties: string[] }>(
      `SELECT v.cap_xml, w.counties FROM warning_versions v JOIN warnings w ON w.id = v.warning_id`,
    );
    expect(published.rows).toHaveLength(1);
    expect(published.rows[0]!.counties).toEqual(['530403']);
    expect(published.rows[0]!.cap_xml).toContain('<areaDesc>江川区</areaDesc>');
    expect(await validateCap(published.rows[0]!.cap_xml)).toEqual({ valid: true, errors: [] });
    // It carries the zone sketch as a released PNG resource.
    expect(published.rows[0]!.cap_xml).toContain('<resourceDesc>【演示】泄漏影响范围示意图</resourceDesc>');
    expect(published.rows[0]!.cap_xml).toContain('<mimeType>image/png</mimeType>');

    // A received gale warning (演示), forwarded to 华宁县 and linked both ways.
    const forwarded = await db.query<{ headline: string; source_label: string; counties: string[] }>(
      `SELECT w.info->'zh'->>'headline' AS headline, w.source_label, w.counties
         FROM warnings w JOIN warning_imports i ON i.id = w.source_id WHERE w.source_kind = 'import'`,
    );
    expect(forwarded.rows).toEqual([
      {
        headline: '【演示】玉溪市气象台发布大风黄色预警',
        source_label: '玉溪市气象台（演示） 2026-11-29 10:00',
        counties: ['530424'],
      },
    ]);

    // Templates (演示) for a duty officer to fill in a minute, loaded once.
    const templates = await db.query<{ name: string; demo: boolean }>(
      'SELECT name, demo FROM warning_templates ORDER BY name',
    );
    expect(templates.rows).toEqual([
      { name: '【演示】危化品泄漏（橙色）', demo: true },
      { name: '【演示】尾矿库险情（红色）', demo: true },
      { name: '【演示】燃气泄漏（黄色）', demo: true },
    ]);
  });
});
