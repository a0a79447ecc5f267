import { describe, expect, it } from 'vitest';
import { drawAlgorithmVersion, runDraw, type DrawPublicRecord } from '@anjian/domain';
import { verifyDrawRecord } from './draw-verification.ts';

const SEED = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const OTHER_SEED = 'ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

const record: DrawPublicRecord = {
  algorithm: drawAlgorithmVersion,
  drawId: 'draw-2026-q4',
  title: '2026年第四季度危险化学品企业双随机抽查',
  announcedAt: '2026-11-29T02:00:00.000Z',
  mode: 'uniform',
  enterpriseCount: 3,
  inspectorsPerEnterprise: 2,
  pool: ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((enterpriseId) => ({ enterpriseId })),
  inspectorIds: ['i1', 'i2', 'i3', 'i4'],
  conflicts: [{ enterpriseId: 'e1', inspectorId: 'i1' }],
  exclusion: { periodDays: 365, excludedEnterpriseIds: ['e6'] },
};

/** What GET /api/v1/public/draws/:id answers for a disclosed draw. */
function published(seed = SEED) {
  const result = runDraw(record, seed);
  return { record, commitment: result.commitment, seed, result };
}

describe('verifying a draw in the browser', () => {
  it('matches the published record and shows the re-run result', () => {
    const outcome = verifyDrawRecord(JSON.stringify(published()));
    expect(outcome.ok).toBe(true);
    expect(outcome.recomputed?.selections.map((s) => s.enterpriseId)).toEqual(
      published().result.selections.map((s) => s.enterpriseId),
    );
    expect(
      outcome.recomputed?.selections.every((s) => !s.inspectorIds.includes('i1') || s.enterpriseId !== 'e1'),
    ).toBe(true);
  });

  it('takes the seed typed beside the record', () => {
    const { seed, ...withoutSeed } = published();
    expect(verifyDrawRecord(JSON.stringify(withoutSeed))).toEqual({ ok: false, reason: 'seed_missing' });
    expect(verifyDrawRecord(JSON.stringify(withoutSeed), ` ${seed} `).ok).toBe(true);
  });

  it('says the seed does not open the commitment', () => {
    expect(verifyDrawRecord(JSON.stringify(published()), OTHER_SEED)).toMatchObject({
      ok: false,
      reason: 'commitment_mismatch',
    });
  });

  it('names the first selection that differs from the published result', () => {
    const bundle = published();
    const [first, second, ...rest] = bundle.result.selections;
    const swapped = { ...bundle.result, selections: [second, first, ...rest] };
    expect(verifyDrawRecord(JSON.stringify({ ...bundle, result: swapped }))).toMatchObject({
      ok: false,
      reason: 'result_mismatch',
      detail: 'selections[0]',
    });
  });

  it('refuses text that is not a verification record', () => {
    expect(verifyDrawRecord('{"record":')).toEqual({ ok: false, reason: 'invalid_json' });
    expect(verifyDrawRecord('[1,2]')).toEqual({ ok: false, reason: 'invalid_shape' });
    expect(verifyDrawRecord(JSON.stringify({ ...published(), commitment: 'xyz' }))).toEqual({
      ok: false,
      reason: 'invalid_shape',
      detail: 'commitment',
    });
  });
});
