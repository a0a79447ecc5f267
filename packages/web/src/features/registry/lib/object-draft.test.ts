import { describe, expect, it } from 'vitest';
import { emptyObjectDraft, objectDraftToInput } from './object-draft.ts';

const enterpriseId = '3f1c2a4e-8b8d-4c61-9a55-0f6f5b8b1d10';

describe('objectDraftToInput', () => {
  it('gives a major hazard source with its level and units', () => {
    const draft = {
      ...emptyObjectDraft('major_hazard_source', '530403'),
      name: '液氨储罐区',
      enterpriseId,
      lon: 102.75,
      lat: 24.29,
      level: 2,
      units: [' 液氨储罐 ', ''],
    };
    expect(objectDraftToInput(draft)).toEqual({
      ok: true,
      value: {
        kind: 'major_hazard_source',
        name: '液氨储罐区',
        enterpriseId,
        county: '530403',
        location: { lon: 102.75, lat: 24.29 },
        locationApproximate: false,
        level: 2,
        units: ['液氨储罐'],
      },
    });
  });

  it('keeps only the fields of the kind, leaving empty figures out', () => {
    const draft = {
      ...emptyObjectDraft('tailings_pond', '530425'),
      name: '大沙河尾矿库',
      enterpriseId,
      lon: 102.1,
      lat: 24.6,
      grade: 3,
      overhead: true,
      level: 1,
      mineral: '铁',
    };
    const result = objectDraftToInput(draft);
    expect(result.ok && result.value).toEqual({
      kind: 'tailings_pond',
      name: '大沙河尾矿库',
      enterpriseId,
      county: '530425',
      location: { lon: 102.1, lat: 24.6 },
      locationApproximate: false,
      grade: 3,
      overhead: true,
      status: 'operating',
    });
  });

  it('names the fields the schema refuses', () => {
    const draft = { ...emptyObjectDraft('underground_mine'), name: 'x', lon: 120, lat: 24 };
    const result = objectDraftToInput(draft);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.fields.sort()).toEqual([
      'county',
      'enterpriseId',
      'location',
      'mineral',
      'name',
    ]);
  });

  it('sends a geological-hazard site with its responsible unit and no enterprise, whatever was picked', () => {
    const draft = {
      ...emptyObjectDraft('geo_hazard_site', '530426'),
      name: '老寨子滑坡隐患点',
      enterpriseId,
      lon: 102.318,
      lat: 24.214,
      responsibleUnit: ' 峨山县甸中镇人民政府 ',
      township: '甸中镇',
      hazardType: 'landslide',
      scale: 'medium',
      threatenedPeople: 126,
      threatenedHouseholds: 31,
    };
    const result = objectDraftToInput(draft);
    expect(result.ok && result.value).toEqual({
      kind: 'geo_hazard_site',
      name: '老寨子滑坡隐患点',
      responsibleUnit: '峨山县甸中镇人民政府',
      township: '甸中镇',
      county: '530426',
      location: { lon: 102.318, lat: 24.214 },
      locationApproximate: false,
      hazardType: 'landslide',
      scale: 'medium',
      threatenedPeople: 126,
      threatenedHouseholds: 31,
    });
  });

  it('asks a forest-fire risk area for its responsible unit and grade, not for an enterprise', () => {
    const draft = {
      ...emptyObjectDraft('forest_fire_area', '530425'),
      name: '龙泉林区',
      lon: 102.1,
      lat: 24.7,
    };
    const result = objectDraftToInput(draft);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fields.sort()).toEqual(['fireRiskGrade', 'responsibleUnit']);
  });
});
