import type { DrawMode, DrawPublicRecord, DrawResult } from '@anjian/domain';
import type { WeightedPoolEntry } from './draw-weight-terms.ts';

/** A draw as GET /api/v1/enforcement/draws/:id answers it (docs/enforcement.md). */
export type DrawStatus = 'draft' | 'published' | 'executed' | 'disclosed';

export interface DrawView {
  readonly id: string;
  readonly title: string;
  readonly county: string;
  readonly planId: string | null;
  readonly status: DrawStatus;
  readonly mode: DrawMode;
  readonly enterpriseCount: number;
  readonly inspectorsPerEnterprise: number;
  readonly exclusionPeriodDays: number;
  readonly poolSize: number;
  readonly excludedCount: number;
  readonly algorithm: { readonly zh: string; readonly en: string };
  readonly riskWeightFormula?: { readonly zh: string; readonly en: string };
  readonly record: DrawPublicRecord | null;
  pool: ({ enterpriseId: string; name: string; weight?: number } & WeightedPoolEntry)[];
  readonly commitment: string | null;
  readonly seed: string | null;
  readonly result: DrawResult | null;
  selections: {
    rank: number;
    enterpriseId: string;
    enterpriseName: string;
    inspectors: readonly { id: string; name: string }[];
  }[];
  readonly createdAt: string;
  readonly publishedAt: string | null;
  readonly executedAt: string | null;
  readonly disclosedAt: string | null;
}

/** What `POST /api/v1/enforcement/draws` takes (enforcementDrawRequestSchema). */
export interface DrawRequest {
  title: string;
  county: string;
  mode: DrawMode;
  enterpriseCount: number;
  inspectorsPerEnterprise: number;
  exclusionPeriodDays: number;
  pool: { countyCodes?: string[]; categoryCodes?: string[]; riskLevels?: (1 | 2 | 3 | 4)[] };
  inspectorIds?: string[];
}

export interface InspectorView {
  readonly id: string;
  readonly name: string;
  readonly certificateNo: string;
  readonly certificateExpiry: string;
  readonly county: string;
  readonly specialties: readonly string[];
  readonly userId: string | null;
  readonly active: boolean;
  readonly conflicts: readonly {
    id: string;
    enterpriseId: string;
    enterpriseName: string;
    relation: string;
    declaredAt: string;
  }[];
}

export interface EnforcementCategory {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly description: string | null;
  readonly sortOrder: number;
  readonly active: boolean;
}
