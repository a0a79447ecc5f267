/**
 * Accident types of GB 6441-1986 (now GB/T 6441-1986), 20 types with codes 01–20 in the standard's
 * order (standards.md §3.5). They classify accidents before GB 6441-2025 takes effect (2026-07-01);
 * the 2025 list and the choice by accident date are in accident-type-versions.ts.
 */
export const gb6441AccidentTypeStandard = 'GB6441-1986';

export const gb6441AccidentTypeCodes = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
] as const;

export type Gb6441AccidentTypeCode = (typeof gb6441AccidentTypeCodes)[number];

export interface Gb6441AccidentType {
  readonly code: Gb6441AccidentTypeCode;
  readonly zh: string;
  readonly en: string;
}

export const gb6441AccidentTypes: readonly Gb6441AccidentType[] = [
  { code: '01', zh: '物体打击', en: 'Struck by object' },
  { code: '02', zh: '车辆伤害', en: 'Vehicle injury' },
  { code: '03', zh: '机械伤害', en: 'Machinery injury' },
  { code: '04', zh: '起重伤害', en: 'Lifting injury' },
  { code: '05', zh: '触电', en: 'Electric shock' },
  { code: '06', zh: '淹溺', en: 'Drowning' },
  { code: '07', zh: '灼烫', en: 'Burns and scalds' },
  { code: '08', zh: '火灾', en: 'Fire' },
  { code: '09', zh: '高处坠落', en: 'Fall from height' },
  { code: '10', zh: '坍塌', en: 'Collapse' },
  { code: '11', zh: '冒顶片帮', en: 'Roof fall and rib spalling' },
  { code: '12', zh: '透水', en: 'Water inrush' },
  { code: '13', zh: '放炮', en: 'Blasting' },
  { code: '14', zh: '火药爆炸', en: 'Gunpowder explosion' },
  { code: '15', zh: '瓦斯爆炸', en: 'Firedamp explosion' },
  { code: '16', zh: '锅炉爆炸', en: 'Boiler explosion' },
  { code: '17', zh: '容器爆炸', en: 'Pressure vessel explosion' },
  { code: '18', zh: '其他爆炸', en: 'Other explosion' },
  { code: '19', zh: '中毒和窒息', en: 'Poisoning and asphyxiation' },
  { code: '20', zh: '其他伤害', en: 'Other injury' },
];

export function findGb6441AccidentType(code: string): Gb6441AccidentType | undefined {
  return gb6441AccidentTypes.find((type) => type.code === code.trim());
}
