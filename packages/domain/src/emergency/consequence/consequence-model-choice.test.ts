import { describe, expect, it } from 'vitest';
import { consequenceChemicals } from './consequence-chemicals.ts';
import { defaultConsequenceModel, incidentEventOf } from './consequence-model-choice.ts';

const chemical = (key: string) => consequenceChemicals.find((c) => c.key === key)!;

describe('defaultConsequenceModel', () => {
  it.each([
    // [GB 6441 type, chemical, instantaneous, model]
    ['08', 'gasoline', false, 'pool_fire'], // 火灾 on a petrol tank: a pool fire, not a plume
    ['08', 'methane', false, 'pool_fire'], // LNG spill fire
    ['08', 'lpg', false, 'bleve'], // LPG tank in a fire
    ['08', 'propane', false, 'bleve'],
    ['08', 'hydrogen', false, 'vce'], // jet fires are not modelled
    ['08', 'chlorine', false, 'continuous'], // a fire in a chlorine store: the toxic cloud
    ['15', 'methane', false, 'vce'], // 瓦斯爆炸
    ['18', 'lpg', false, 'vce'], // 其他爆炸
    ['17', 'ammonia', false, 'instantaneous'], // 容器爆炸 of a toxic gas: the contents at once
    ['19', 'chlorine', false, 'continuous'], // 中毒和窒息, a leak
    ['19', 'chlorine', true, 'instantaneous'], // 中毒和窒息, a burst cylinder
    ['19', 'hydrogen_sulfide', false, 'continuous'],
    ['01', 'gasoline', false, 'pool_fire'], // a spill with no fire yet: the likely outcome
    ['01', 'lpg', false, 'continuous'], // a gas leak: the flammable cloud
    [null, 'ammonia', false, 'continuous'],
    [null, 'ammonia', true, 'instantaneous'],
  ] as const)('type %s, %s, instantaneous %s → %s', (type, key, instantaneous, model) => {
    const answer = defaultConsequenceModel({ accidentType: type, chemical: chemical(key), instantaneous });
    expect(answer.scenario).toBe(model);
    expect(answer.reason.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reads the GB 6441 type codes that decide a model and no others', () => {
    expect(['08', '13', '14', '15', '16', '17', '18', '19', '20', '', 'x'].map(incidentEventOf)).toEqual([
      'fire',
      'explosion',
      'explosion',
      'explosion',
      'explosion',
      'explosion',
      'explosion',
      'toxic_release',
      'other',
      'other',
      'other',
    ]);
  });
});
