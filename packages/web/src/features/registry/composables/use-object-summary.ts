import { useI18n } from 'vue-i18n';
import type { RegulatedObject } from '@anjian/domain';

/** A regulated object's key figures in one line, by kind (一级 · 储罐区、装卸区 / 三等 · 头顶库 / 铁 · 运行). */
export function useObjectSummary() {
  const { t, te } = useI18n();
  const label = (key: string, value: unknown) =>
    value === undefined || value === null || value === ''
      ? null
      : te(`${key}.${String(value)}`)
        ? t(`${key}.${String(value)}`)
        : String(value);
  const figure = (key: string, value: unknown) =>
    typeof value === 'number' ? `${t(`objects.${key}`)} ${value.toLocaleString('zh-CN')}` : null;

  return (object: RegulatedObject): string => {
    const a = object.attributes;
    const parts: (string | null)[] = [];
    switch (object.kind) {
      case 'major_hazard_source':
        parts.push(label('objects.levels', a.level));
        if (Array.isArray(a.units) && a.units.length) parts.push(a.units.join(t('scope.separator')));
        break;
      case 'tailings_pond':
        parts.push(
          label('objects.grades', a.grade),
          figure('damHeightM', a.damHeightM),
          figure('capacityWanM3', a.capacityWanM3),
        );
        if (a.overhead === true) parts.push(t('objects.overhead'));
        parts.push(label('objects.statuses', a.status));
        break;
      case 'underground_mine':
      case 'open_pit_mine':
        parts.push(
          typeof a.mineral === 'string' ? a.mineral : null,
          figure('capacityWanTa', a.capacityWanTa),
        );
        parts.push(label('objects.statuses', a.status));
        break;
      case 'waste_dump':
        parts.push(figure('heightM', a.heightM), label('objects.statuses', a.status));
        break;
      case 'pipeline':
        parts.push(label('objects.media', a.medium), figure('lengthKm', a.lengthKm));
        if (Array.isArray(a.highConsequenceSegments) && a.highConsequenceSegments.length)
          parts.push(`${t('objects.highConsequenceSegments')} ${a.highConsequenceSegments.length}`);
        break;
      case 'park':
        parts.push(label('objects.parkKinds', a.parkKind));
        break;
      case 'geo_hazard_site':
        parts.push(
          label('objects.hazardTypes', a.hazardType),
          label('objects.scales', a.scale),
          figure('threatenedPeople', a.threatenedPeople),
          figure('threatenedHouseholds', a.threatenedHouseholds),
        );
        break;
      case 'forest_fire_area':
        parts.push(
          label('objects.fireRiskGrades', a.fireRiskGrade),
          figure('areaHa', a.areaHa),
          figure('threatenedPeople', a.threatenedPeople),
        );
        break;
    }
    return parts.filter((p): p is string => !!p).join(' · ') || '—';
  };
}
