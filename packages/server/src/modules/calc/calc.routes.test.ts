import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';
import { runDraw, type DrawPublicRecord } from '@anjian/domain';
import { consequenceExampleBodies, exampleDrawRecord, exampleDrawSeed } from './consequence-bodies.ts';

describe('consequence calculators over HTTP', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('answers every model with its name, assumptions and limits, without sign-in', async () => {
    for (const [path, body] of Object.entries(consequenceExampleBodies)) {
      const response = await t.request({
        method: 'POST',
        url: `/api/v1/calc/consequence/${path}`,
        payload: body,
      });
      expect(response.statusCode, path).toBe(200);
      if (path !== 'probit') {
        const model = response.json().model;
        expect(model.zh, path).toMatch(/[\u4e00-\u9fff]/);
        expect(model.assumptions.length, path).toBeGreaterThan(0);
        expect(model.limits.length, path).toBeGreaterThan(0);
      }
    }
  });

  it('draws chlorine zones downwind of the source: a west wind carries them east', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/calc/consequence/footprint',
      payload: consequenceExampleBodies.footprint,
    });
    const body = response.json();
    expect(body.zones).toHaveLength(3);
    expect(body.zones.map((z: { threshold: { id: string } }) => z.threshold.id)).toEqual([
      'AEGL-3',
      'AEGL-2',
      'AEGL-1',
    ]);
    const reaches = body.zones.map((z: { endM: number }) => z.endM);
    expect(reaches[0]).toBeLessThan(reaches[1]);
    expect(reaches[1]).toBeLessThan(reaches[2]);
    const ring: [number, number][] = body.zones[2].polygon;
    expect(ring[0]).toEqual(ring.at(-1));
    expect(Math.max(...ring.map((p) => p[0]))).toBeGreaterThan(102.76);
    expect(Math.min(...ring.map((p) => p[0]))).toBeGreaterThanOrEqual(102.749);
    // The rule: the larger of the AEGL-3 reach and the AEGL-2 reach, rounded up to 10 m.
    expect(body.evacuation.suggestedEvacuationRadiusM).toBe(
      Math.ceil(Math.max(reaches[0], reaches[1]) / 10) * 10,
    );
  });

  it('refuses an unknown chemical and a dense-gas release gets its warning', async () => {
    const unknown = await t.request({
      method: 'POST',
      url: '/api/v1/calc/consequence/plume',
      payload: { ...consequenceExampleBodies.plume, chemical: '可乐' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('calc.consequence_unknown_chemical');
    const chlorine = (
      await t.request({
        method: 'POST',
        url: '/api/v1/calc/consequence/plume',
        payload: consequenceExampleBodies.plume,
      })
    ).json();
    expect(chlorine.warnings.map((w: { code: string }) => w.code)).toContain('dense_gas');
  });
});

describe('double-random draw verification (public)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('confirms a published draw and catches a changed result or a wrong seed', async () => {
    const record = exampleDrawRecord as unknown as DrawPublicRecord;
    const result = runDraw(record, exampleDrawSeed);
    const body = { record, seed: exampleDrawSeed, commitment: result.commitment, result };
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/calc/draw/verify', payload: body })).json(),
    ).toEqual({ ok: true });
    const other = exampleDrawSeed.replace(/^8/, '9');
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/calc/draw/verify',
          payload: { ...body, seed: other },
        })
      ).json(),
    ).toMatchObject({ ok: false, reason: 'commitment_mismatch' });
    const swapped = { ...result, selections: [...result.selections].reverse() };
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/calc/draw/verify',
          payload: { ...body, result: swapped },
        })
      ).json(),
    ).toMatchObject({ ok: false, reason: 'result_mismatch' });
    const algorithm = (await t.request({ method: 'GET', url: '/api/v1/calc/draw/algorithm' })).json();
    expect(algorithm.zh).toMatch(/SM3/);
  });
});
