import type { IndicatorSummary, MonthlyReport, StatisticsImportReport } from '@anjian/domain';
import { api } from '../../../lib/api.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ControlNumbers {
  year: number;
  items: {
    county: string;
    countyZh: string;
    countyEn: string;
    used: number;
    limit: number;
    remaining: number;
    percent: number | null;
    level: 'normal' | 'warning' | 'reached';
  }[];
}

export interface DrillAnswer {
  counties: { divisionCode: string; accidents: number; deaths: number }[];
  enterprises: {
    enterpriseId: string | null;
    enterpriseName: string | null;
    accidents: number;
    deaths: number;
  }[];
  accidents: {
    id: string;
    source: string;
    occurredAt: string;
    county: string;
    enterpriseName: string | null;
    location: string;
    sector: string;
    accidentType: string;
    level: string;
    deaths: number;
    seriousInjuries: number;
    lossWan: number;
    demo: boolean;
    /** 瞒报 / 谎报 / 迟报 found by the statistics staff. */
    reportingFinding: 'concealed' | 'false_report' | 'late' | null;
  }[];
}

export type ImportKind = 'accidents' | 'denominators' | 'control-numbers';

/** The statistics endpoints, one call each. */
export function useStatistics() {
  return {
    monthly: (year: number, month: number, divisionCode?: string) =>
      api.get<MonthlyReport>('/statistics/monthly', { year, month, divisionCode }),
    exportMonthly: (year: number, month: number, divisionCode?: string) =>
      api.download('/statistics/monthly/export', { year, month, divisionCode }, 'statistics.xlsx'),
    indicators: (year: number, divisionCode?: string) =>
      api.get<IndicatorSummary>('/statistics/indicators', { year, divisionCode }),
    controlNumbers: (year: number) => api.get<ControlNumbers>('/statistics/control-numbers', { year }),
    drill: (query: { year: number; month?: number; divisionCode?: string; enterpriseId?: string }) =>
      api.get<DrillAnswer>('/statistics/drill', query),
    template: (kind: ImportKind) => api.download(`/statistics/imports/${kind}/template`, {}, `${kind}.xlsx`),
    upload: (kind: ImportKind, file: Blob, validOnly: boolean) =>
      api.upload<StatisticsImportReport>(`/statistics/imports/${kind}`, file, XLSX, {
        validOnly: String(validOnly),
      }),
  };
}
