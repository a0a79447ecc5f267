import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  whistleStatisticsQuerySchema,
  whistleStatisticsSchema,
  type WhistleStatistics,
} from '@anjian/domain';
import { requireAuth } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { countyNameZh } from '../../platform/county-name.ts';
import { sendListExport, type ExportColumn } from '../../platform/office/index.ts';
import { whistleCategoryZh, whistleChannelZh } from './whistle-export.ts';
import type { WhistleStatisticsRepository } from './whistle-statistics.repository.ts';

const tags = ['whistleblowing'];
const base = '/api/v1/whistleblowing/statistics';
const read = { access: ['whistle:handle', 'whistle:identity'] } as const;

interface StatisticsRow {
  item: string;
  key: string;
  value: string | number;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** The workbook's rows: the counts by each dimension, then the rates and the rewards paid. */
function statisticsRows(s: WhistleStatistics): StatisticsRow[] {
  const by = (item: string, rows: { key: string; count: number }[], label: (k: string) => string) =>
    rows.map((r) => ({ item, key: label(r.key), value: r.count }));
  return [
    { item: '举报总数', key: '', value: s.total },
    ...by('渠道', s.byChannel, (k) => whistleChannelZh[k] ?? k),
    ...by('举报类别', s.byCategory, (k) => whistleCategoryZh[k] ?? k),
    ...by('区县', s.byCounty, (k) => (k ? countyNameZh(k) : '未定区县')),
    ...by('月份', s.byMonth, (k) => k),
    { item: '受理率', key: `${s.accepted}/${s.decided}`, value: percent(s.acceptanceRate) },
    { item: '属实率', key: `${s.verified}/${s.withOutcome}`, value: percent(s.verifiedRate) },
    { item: '按期受理率', key: `${s.acceptedOnTime}/${s.decided}`, value: percent(s.onTimeRate) },
    { item: '已发放奖励（元）', key: `${s.rewardsPaidCount}笔`, value: s.rewardsPaidYuan },
  ];
}

const columns: ExportColumn<StatisticsRow>[] = [
  { header: '统计项', width: 18, value: (r) => r.item },
  { header: '分类', width: 18, value: (r) => r.key },
  { header: '数值', width: 14, value: (r) => r.value },
];

/** 举报统计: the panel's figures and their workbook, in the caller's counties. */
export function registerWhistleStatisticsRoutes(
  app: FastifyInstance,
  deps: { statistics: WhistleStatisticsRepository; clock: Clock },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    base,
    {
      config: read,
      schema: {
        tags,
        summary:
          'Reports received in a period by channel, category, county and month, with the acceptance, verified and on-time rates and the rewards paid',
        querystring: whistleStatisticsQuerySchema,
        response: { 200: whistleStatisticsSchema },
      },
    },
    async (request) => deps.statistics.statistics(requireAuth(request).scope, request.query),
  );

  api.get(
    `${base}/export`,
    {
      config: { ...read, audit: 'whistle.statistics_export' },
      schema: {
        tags,
        summary: 'The statistics as an Excel workbook',
        querystring: whistleStatisticsQuerySchema,
      },
    },
    async (request, reply) => {
      const figures = await deps.statistics.statistics(requireAuth(request).scope, request.query);
      return sendListExport(
        request,
        reply,
        {
          asciiName: 'whistleblowing-statistics',
          name: `举报统计${request.query.from}至${request.query.to}`,
          clock: deps.clock,
        },
        columns,
        (async function* () {
          yield statisticsRows(figures);
        })(),
      );
    },
  );
}
