import type { RiskOverviewQuery } from '@anjian/domain';

/** Only the filters that are set, as the query string carries them. */
export function overviewQuery(filters: {
  county: string;
  level: number | null;
  sector: string;
  keyTag: string;
  q: string;
}): Partial<RiskOverviewQuery> {
  const query: Partial<RiskOverviewQuery> = {};
  if (filters.county) query.county = filters.county;
  if (filters.level) query.level = filters.level;
  if (filters.sector) query.sector = filters.sector;
  if (filters.keyTag) query.keyTag = filters.keyTag;
  if (filters.q.trim()) query.q = filters.q.trim();
  return query;
}
