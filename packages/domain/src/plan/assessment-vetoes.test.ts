import { describe, expect, it } from 'vitest';
import { automaticVeto, effectiveVeto, type VetoAccidentRecord } from './assessment-vetoes.ts';

const hongta = { kind: 'county', divisionCode: '530402' } as const;
const at = (iso: string) => new Date(iso);

const records: VetoAccidentRecord[] = [
  { occurredAt: at('2025-07-01T02:00:00Z'), county: '530402', location: '某建筑工地', level: 'larger' },
  { occurredAt: at('2025-03-12T01:00:00Z'), county: '530402', location: '某道路K12', level: 'major' },
  { occurredAt: at('2025-05-01T01:00:00Z'), county: '530402', location: '某作业场所', level: 'general' },
  { occurredAt: at('2025-06-01T01:00:00Z'), county: '530421', location: '江川某矿', level: 'larger' },
  // 2024-12-31 16:30 UTC is 2025-01-01 00:30 in China: counts for 2025.
  { occurredAt: at('2024-12-31T16:30:00Z'), county: '530402', location: '某仓库', level: 'larger' },
  // 2025-12-31 16:30 UTC is 2026 in China: not 2025's.
  { occurredAt: at('2025-12-31T16:30:00Z'), county: '530402', location: '某码头', level: 'larger' },
];

describe('automatic vetoes from the accident statistics (一票否决)', () => {
  it('vetoes a county for its larger-or-worse accidents of the year, named by date, place and class, oldest first', () => {
    const veto = automaticVeto(hongta, 2025, records);
    expect(veto?.accidents).toEqual([
      { date: '2025-01-01', county: '530402', countyName: '红塔区', location: '某仓库', level: 'larger' },
      { date: '2025-03-12', county: '530402', countyName: '红塔区', location: '某道路K12', level: 'major' },
      { date: '2025-07-01', county: '530402', countyName: '红塔区', location: '某建筑工地', level: 'larger' },
    ]);
    expect(veto?.reason.zh).toBe(
      '辖区发生较大及以上生产安全事故：2025-01-01 红塔区 某仓库（较大事故）；2025-03-12 红塔区 某道路K12（重大事故）；2025-07-01 红塔区 某建筑工地（较大事故）',
    );
    expect(veto?.reason.en).toBe(
      'A larger or worse accident in the unit’s area: 2025-01-01, Hongta District, 某仓库 (larger accident); 2025-03-12, Hongta District, 某道路K12 (major accident); 2025-07-01, Hongta District, 某建筑工地 (larger accident)',
    );
  });

  it('does not veto for general accidents, other counties, other years or units that are not counties', () => {
    const general = records.filter((r) => r.level === 'general');
    expect(automaticVeto(hongta, 2025, general)).toBeNull();
    expect(automaticVeto({ kind: 'county', divisionCode: '530423' }, 2025, records)).toBeNull();
    expect(automaticVeto(hongta, 2024, records)).toBeNull();
    expect(automaticVeto({ kind: 'county_department', divisionCode: '530402' }, 2025, records)).toBeNull();
    expect(automaticVeto({ kind: 'city_department', divisionCode: '530400' }, 2025, records)).toBeNull();
    expect(automaticVeto({ kind: 'county', divisionCode: '530421' }, 2025, records)?.accidents).toHaveLength(
      1,
    );
  });

  it('counts the assessors’ own veto first, else the automatic one unless set aside with a reason', () => {
    const auto = automaticVeto(hongta, 2025, records);
    expect(effectiveVeto(null, auto, null)).toBe(auto!.reason.zh);
    expect(effectiveVeto(null, auto, '事故经调查认定为自然灾害，不属生产安全事故')).toBeNull();
    expect(effectiveVeto('瞒报事故', auto, '已核实')).toBe('瞒报事故');
    expect(effectiveVeto(null, null, null)).toBeNull();
  });

  it('vetoes a county for an accident of any class found concealed or falsely reported, not one reported late', () => {
    const at = (iso: string) => new Date(iso);
    const found = [
      {
        occurredAt: at('2025-06-01T02:00:00Z'),
        county: '530403',
        location: '某仓库',
        level: 'general' as const,
        reportingFinding: 'concealed' as const,
      },
      {
        occurredAt: at('2025-08-01T02:00:00Z'),
        county: '530403',
        location: '某矿山',
        level: 'general' as const,
        reportingFinding: 'late' as const,
      },
    ];
    const jiangchuan = { kind: 'county' as const, divisionCode: '530403' };
    const veto = automaticVeto(jiangchuan, 2025, found);
    expect(veto?.accidents).toEqual([
      {
        date: '2025-06-01',
        county: '530403',
        countyName: '江川区',
        location: '某仓库',
        level: 'general',
        finding: 'concealed',
      },
    ]);
    expect(veto?.reason.zh).toBe('瞒报、谎报生产安全事故：2025-06-01 江川区 某仓库（一般事故，瞒报）');
    expect(veto?.reason.en).toBe(
      'An accident concealed or falsely reported: 2025-06-01, Jiangchuan District, 某仓库 (general accident, concealed)',
    );
    expect(automaticVeto(jiangchuan, 2025, [found[1]!])).toBeNull();
    // A 较大 accident read twice (by class and by finding) is named once, under the finding.
    const larger = { ...found[0]!, level: 'larger' as const, reportingFinding: 'false_report' as const };
    expect(automaticVeto(jiangchuan, 2025, [larger, larger])?.reason.zh).toBe(
      '瞒报、谎报生产安全事故：2025-06-01 江川区 某仓库（较大事故，谎报）',
    );
  });
});
