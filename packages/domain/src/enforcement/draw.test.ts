import { describe, expect, it } from 'vitest';
import { drawAlgorithmDescription, drawCommitment, type DrawResult, runDraw, verifyDraw } from './draw.ts';
import { createDrawRandom, parseDrawSeed } from './draw-random.ts';
import { type DrawPublicRecord, normalizeDrawRecord } from './draw-record.ts';
import { ids, seedA, seedOf, uniformRecord, weightedRecord } from './draw.test-fixtures.ts';
import { EnforcementError } from './enforcement.errors.ts';
import { defaultRiskWeightFormula, riskWeightOf } from './risk-weight.ts';

function errorOf(run: () => unknown): EnforcementError {
  try {
    run();
  } catch (error) {
    if (error instanceof EnforcementError) return error;
    throw error;
  }
  throw new Error('expected an EnforcementError');
}

describe('published test vector (anjian-draw-v1)', () => {
  // Third-party re-implementations check themselves against these values.
  it('derives the random words as SM3(seed ‖ uint64be(counter)), four words a block', () => {
    const random = createDrawRandom(parseDrawSeed(seedA));
    const words = Array.from({ length: 5 }, () => random.nextWord().toString(16).padStart(16, '0'));
    // Blocks 0 and 1 computed independently with OpenSSL's SM3.
    expect(words).toEqual([
      'f542eb21b17b11be',
      'daada6229a6be848',
      '254e4adbccf7ef62',
      '29e07fef0115c5b9',
      '8ab85a14b4c6425b',
    ]);
  });

  it('gives this uniform draw', () => {
    expect(runDraw(uniformRecord(), seedA)).toEqual({
      algorithm: 'anjian-draw-v1',
      drawId: 'draw-2026-q2-01',
      commitment: '35fd455fb3e850620dc3afb025bc8f0a4072761fd734ca00a06e69c1bc9ef174',
      mode: 'uniform',
      eligibleCount: 7,
      selections: [
        { rank: 1, enterpriseId: 'e06', inspectorIds: ['i01', 'i05'] },
        { rank: 2, enterpriseId: 'e01', inspectorIds: ['i05', 'i03'] },
        { rank: 3, enterpriseId: 'e04', inspectorIds: ['i03', 'i01'] },
      ],
    });
  });

  it('gives this risk-weighted draw', () => {
    const result = runDraw(weightedRecord(), seedA);
    expect(result.commitment).toBe('a52835f2fae0f6ad625939fe8d4dfdc9ce37db8bbb3377ac22dd86018bd63f96');
    expect(result.totalWeight).toBe(40);
    expect(result.selections.map((s) => [s.enterpriseId, s.weight])).toEqual([
      ['w3', 4],
      ['w5', 9],
      ['w6', 16],
    ]);
  });

  it('gives this risk-weighted draw with verified reports (issue 16)', () => {
    const reports = [0, 3, 0, 0, 1, 0];
    const base = weightedRecord();
    const pool = base.pool.map((entry, i) => {
      const factors = { ...entry.factors!, verifiedReports: reports[i]! };
      return { enterpriseId: entry.enterpriseId, factors, weight: riskWeightOf(factors) };
    });
    // w2: 一般风险 2 + three reports 6 = 8; w5: 重大 8 + one hazard 1 + one report 2 = 11.
    expect(pool.map((p) => p.weight)).toEqual([1, 8, 4, 8, 11, 16]);
    const record = { ...base, riskWeightFormula: defaultRiskWeightFormula, pool };
    const result = runDraw(record, seedA);
    expect(result.commitment).toBe('d36cecbd2a59eef749a990ba176f024bc53a5b4a5d4d1990a148ea90492dc94b');
    expect(result.totalWeight).toBe(48);
    expect(result.selections.map((s) => [s.enterpriseId, s.weight])).toEqual([
      ['w5', 11],
      ['w1', 1],
      ['w6', 16],
    ]);
    expect(verifyDraw(record, seedA, result.commitment, result)).toEqual({ ok: true });
  });
});

describe('reproducible from the public record', () => {
  const record = uniformRecord();
  const published = runDraw(record, seedA);

  it('gives the same result for the same record and seed', () => {
    expect(runDraw(record, seedA)).toEqual(published);
  });

  it('does not depend on the order the record lists things in, nor on the case of the seed', () => {
    const reordered: DrawPublicRecord = {
      ...record,
      pool: [...record.pool].reverse(),
      inspectorIds: [...record.inspectorIds].reverse(),
      conflicts: [...record.conflicts].reverse(),
    };
    expect(runDraw(reordered, seedA.toUpperCase())).toEqual(published);
    expect(drawCommitment(reordered, seedA)).toBe(published.commitment);
  });

  it('verifies a genuine draw', () => {
    expect(verifyDraw(record, seedA, published.commitment, published)).toEqual({ ok: true });
  });

  it.each<[string, () => ReturnType<typeof verifyDraw>, string, string?]>([
    [
      'another seed',
      () => verifyDraw(record, seedOf('other', 1), published.commitment, published),
      'commitment_mismatch',
    ],
    [
      'a record changed after publication',
      () => verifyDraw({ ...record, pool: record.pool.slice(1) }, seedA, published.commitment, published),
      'commitment_mismatch',
    ],
    [
      'swapped inspectors',
      () => {
        const [first, ...rest] = published.selections;
        const tampered: DrawResult = {
          ...published,
          selections: [{ ...first!, inspectorIds: ['i02', 'i05'] }, ...rest],
        };
        return verifyDraw(record, seedA, published.commitment, tampered);
      },
      'result_mismatch',
      'selections[0]',
    ],
    [
      'a dropped enterprise',
      () =>
        verifyDraw(record, seedA, published.commitment, {
          ...published,
          selections: published.selections.slice(0, 2),
        }),
      'result_mismatch',
      'selections[2]',
    ],
    [
      'a changed summary',
      () => verifyDraw(record, seedA, published.commitment, { ...published, eligibleCount: 8 }),
      'result_mismatch',
      'summary',
    ],
    [
      'a malformed seed',
      () => verifyDraw(record, 'abc', published.commitment, published),
      'invalid_input',
      'enforcement.draw_seed_invalid',
    ],
  ])('rejects %s', (_name, verify, reason, detail) => {
    const verification = verify();
    expect(verification).toMatchObject({ ok: false, reason });
    if (detail) expect(verification).toMatchObject({ detail });
  });

  it('accepts the commitment in upper case', () => {
    expect(verifyDraw(record, seedA, published.commitment.toUpperCase(), published)).toEqual({ ok: true });
  });
});

describe('pairing inspectors', () => {
  it('never pairs a declared conflict and never repeats an inspector within a team', () => {
    const conflicts = ids('e', 10).flatMap((enterpriseId, e) =>
      ids('i', 6)
        .filter((_, i) => (i + e) % 3 === 0)
        .map((inspectorId) => ({ enterpriseId, inspectorId })),
    );
    const record = uniformRecord({
      enterpriseCount: 10,
      inspectorsPerEnterprise: 3,
      pool: ids('e', 10).map((enterpriseId) => ({ enterpriseId })),
      inspectorIds: ids('i', 6),
      conflicts,
      exclusion: { periodDays: 0, excludedEnterpriseIds: [] },
    });
    const forbidden = new Set(conflicts.map((c) => `${c.enterpriseId}/${c.inspectorId}`));
    for (let t = 0; t < 500; t++) {
      for (const selection of runDraw(record, seedOf('conflicts', t)).selections) {
        expect(new Set(selection.inspectorIds).size).toBe(3);
        for (const inspector of selection.inspectorIds) {
          expect(forbidden.has(`${selection.enterpriseId}/${inspector}`)).toBe(false);
        }
      }
    }
  });

  it('pairs the only free inspectors when exactly k are left', () => {
    const conflicts = ['i01', 'i02', 'i03'].map((inspectorId) => ({ enterpriseId: 'e01', inspectorId }));
    const record = uniformRecord({ enterpriseCount: 7, conflicts });
    for (let t = 0; t < 50; t++) {
      const team = runDraw(record, seedOf('exact', t)).selections.find((s) => s.enterpriseId === 'e01')!;
      expect([...team.inspectorIds].sort()).toEqual(['i04', 'i05']);
    }
  });

  it('refuses, naming the enterprise, when an enterprise has too few free inspectors — whatever the seed', () => {
    const conflicts = ['i01', 'i02', 'i03', 'i04'].map((inspectorId) => ({
      enterpriseId: 'e05',
      inspectorId,
    }));
    const record = uniformRecord({ conflicts });
    for (const seed of [seedA, seedOf('infeasible', 1)]) {
      const error = errorOf(() => runDraw(record, seed));
      expect(error.code).toBe('enforcement.draw_inspectors_unavailable');
      expect(error.details).toMatchObject({
        enterpriseId: 'e05',
        enterpriseIds: ['e05'],
        required: 2,
        available: 1,
      });
    }
  });

  it('ignores a conflict of an excluded enterprise', () => {
    const conflicts = ['i01', 'i02', 'i03', 'i04'].map((inspectorId) => ({
      enterpriseId: 'e08',
      inspectorId,
    }));
    expect(runDraw(uniformRecord({ conflicts }), seedA).selections).toHaveLength(3);
  });
});

describe('exclusion period', () => {
  it('never draws an enterprise drawn within the period', () => {
    const record = uniformRecord({
      exclusion: { periodDays: 365, excludedEnterpriseIds: ['e01', 'e02', 'e03'] },
    });
    for (let t = 0; t < 300; t++) {
      const drawn = runDraw(record, seedOf('exclusion', t)).selections.map((s) => s.enterpriseId);
      expect(drawn.filter((id) => ['e01', 'e02', 'e03'].includes(id))).toEqual([]);
    }
  });

  it('refuses when fewer than N enterprises are left', () => {
    const record = uniformRecord({
      enterpriseCount: 4,
      exclusion: { periodDays: 365, excludedEnterpriseIds: ['e01', 'e02', 'e03', 'e04', 'e05'] },
    });
    const error = errorOf(() => runDraw(record, seedA));
    expect(error.code).toBe('enforcement.draw_pool_too_small');
    expect(error.details).toEqual({ eligible: 3, excluded: 5, requested: 4 });
  });

  it('can draw every eligible enterprise', () => {
    const drawn = runDraw(uniformRecord({ enterpriseCount: 7 }), seedA).selections.map((s) => s.enterpriseId);
    expect([...drawn].sort()).toEqual(ids('e', 7));
  });
});

describe('record checks', () => {
  const weighted = weightedRecord();
  const firstWeighted = weighted.pool[0]!;
  it.each<[string, DrawPublicRecord, string]>([
    [
      'one inspector per enterprise',
      uniformRecord({ inspectorsPerEnterprise: 1 }),
      'inspectors_per_enterprise',
    ],
    ['N = 0', uniformRecord({ enterpriseCount: 0 }), 'enterprise_count'],
    ['N not an integer', uniformRecord({ enterpriseCount: 2.5 }), 'enterprise_count'],
    [
      'a negative exclusion period',
      uniformRecord({ exclusion: { periodDays: -1, excludedEnterpriseIds: [] } }),
      'exclusion_period',
    ],
    ['another algorithm', { ...uniformRecord(), algorithm: 'v0' as 'anjian-draw-v1' }, 'algorithm'],
    [
      'an enterprise twice',
      uniformRecord({ pool: [{ enterpriseId: 'e01' }, { enterpriseId: 'e01' }] }),
      'duplicate_enterprise',
    ],
    ['an inspector twice', uniformRecord({ inspectorIds: ['i01', 'i02', 'i01'] }), 'duplicate_inspector'],
    ['an empty id', uniformRecord({ inspectorIds: ['i01', ''] }), 'empty_inspector_id'],
    [
      'a conflict twice',
      uniformRecord({
        conflicts: [
          { enterpriseId: 'e01', inspectorId: 'i01' },
          { enterpriseId: 'e01', inspectorId: 'i01' },
        ],
      }),
      'duplicate_conflict',
    ],
    [
      'a weight in a uniform draw',
      uniformRecord({ pool: [{ enterpriseId: 'e01', weight: 3 }] }),
      'weight_in_uniform_draw',
    ],
    [
      'a formula in a uniform draw',
      uniformRecord({ riskWeightFormula: defaultRiskWeightFormula }),
      'formula_in_uniform_draw',
    ],
    ['a weighted draw without formula', { ...weighted, riskWeightFormula: undefined }, 'formula_missing'],
    [
      'a weight that does not match its factors',
      { ...weighted, pool: [{ ...firstWeighted, weight: 5 }, ...weighted.pool.slice(1)] },
      'weight_mismatch',
    ],
    [
      'a weighted entry without factors',
      { ...weighted, pool: [{ enterpriseId: 'w1', weight: 1 }, ...weighted.pool.slice(1)] },
      'factors_missing',
    ],
  ])('rejects %s', (_name, record, problem) => {
    const error = errorOf(() => normalizeDrawRecord(record));
    expect(error.code).toBe('enforcement.draw_record_invalid');
    expect(error.details.problem).toBe(problem);
  });

  it.each(['', 'zz'.repeat(32), '0'.repeat(63), '0'.repeat(66)])('rejects the seed %j', (seed) => {
    expect(errorOf(() => runDraw(uniformRecord(), seed)).code).toBe('enforcement.draw_seed_invalid');
  });
});

describe('uniform integers', () => {
  it('uses no random word for a bound of 1 and stays in range', () => {
    const random = createDrawRandom(parseDrawSeed(seedA));
    expect(random.uniformInt(1)).toBe(0);
    expect(random.nextWord().toString(16)).toBe('f542eb21b17b11be');
    for (const bound of [2, 3, 7, 1000, 2 ** 53 - 1]) {
      const value = random.uniformInt(bound);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(bound);
    }
  });

  it('rejects a bound that is not a positive safe integer', () => {
    const random = createDrawRandom(parseDrawSeed(seedA));
    for (const bound of [0, -1, 1.5, 2 ** 53]) expect(() => random.uniformInt(bound)).toThrow(RangeError);
  });
});

describe('the published description', () => {
  it('names the pieces a re-implementation needs, in both languages', () => {
    for (const phrase of ['SM3(种子 ‖ 8 字节大端计数器)', 'Fisher–Yates', '2⁶⁴ − (2⁶⁴ mod n)']) {
      expect(drawAlgorithmDescription.zh).toContain(phrase);
    }
    for (const phrase of [
      'SM3(seed ‖ 8-byte big-endian counter)',
      'partial Fisher–Yates',
      'without replacement',
    ]) {
      expect(drawAlgorithmDescription.en).toContain(phrase);
    }
  });
});
