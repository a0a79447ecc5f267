import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { drawAlgorithmDescription, penaltyKindNames, type PenaltyKind } from '@anjian/domain';
import type { CreditService } from './credit.service.ts';
import type { DisclosureRepository } from './disclosure.repository.ts';
import type { DrawsRepository } from './draws.repository.ts';
import type { DrawsService } from './draws.service.ts';
import type { InspectionsRepository } from './inspections.repository.ts';

const tags = ['public'];

/**
 * 一公开: what the law discloses, without sign-in — completed double-random inspections and their
 * results, penalty decisions on organisations, each draw's verification record, the credit list.
 * No inspector or contact details: enterprise name, credit code, county and the outcome only.
 */
export function registerDisclosureRoutes(
  app: FastifyInstance,
  deps: {
    credit: CreditService;
    draws: DrawsService;
    drawsRepository: DrawsRepository;
    inspections: InspectionsRepository;
    disclosure: DisclosureRepository;
  },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/public/disclosure',
    {
      config: { access: 'public' },
      schema: { tags, summary: '双随机、一公开: results, penalty decisions and draw records' },
    },
    async () => {
      const [inspections, decisions, announced] = await Promise.all([
        deps.inspections.completedDoubleRandom(),
        deps.disclosure.penaltyDecisions(),
        deps.drawsRepository.announced(),
      ]);
      return {
        algorithm: drawAlgorithmDescription,
        inspections: inspections.map((i) => ({
          id: i.id,
          drawId: i.drawId,
          drawTitle: i.drawTitle,
          enterpriseName: i.enterpriseName,
          county: i.county,
          completedAt: i.completedAt?.toISOString() ?? null,
          itemCount: i.summary.total,
          failedCount: i.summary.fail,
          result: i.summary.fail > 0 ? 'problems_found' : 'no_problems',
        })),
        penaltyDecisions: decisions.map((d) => ({
          ...d,
          penaltyKindNames: d.penaltyKinds.map((k) => penaltyKindNames[k as PenaltyKind]?.zh ?? k),
        })),
        draws: announced.map((d) => ({
          id: d.id,
          title: d.title,
          status: d.status === 'disclosed' ? 'disclosed' : 'announced',
          mode: d.record.mode,
          announcedAt: d.record.announcedAt,
          enterpriseCount: d.record.enterpriseCount,
          poolSize: d.record.pool.length,
          commitment: d.commitment,
          disclosedAt: d.disclosedAt?.toISOString() ?? null,
          verification: d.status === 'disclosed' ? `/api/v1/public/draws/${d.id}` : null,
        })),
      };
    },
  );

  api.get(
    '/api/v1/public/draws/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "A draw's verification record {record, commitment, seed, result}; post it to /api/v1/calc/draw/verify",
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request) => deps.draws.publicRecord(request.params.id),
  );

  api.get(
    '/api/v1/public/credit-list',
    {
      config: { access: 'public' },
      schema: { tags, summary: '安全生产严重失信主体名单 (published listings)' },
    },
    async () => ({ items: await deps.credit.publicList() }),
  );
}
