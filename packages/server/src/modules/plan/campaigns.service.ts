import {
  campaignRollup,
  DomainError,
  type CampaignCreate,
  type CampaignObjectCreate,
  type DataScope,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import type { UploadLookup } from '../uploads/index.ts';
import type { CampaignsRepository } from './campaigns.repository.ts';
import type { PlanViewer } from './plan-viewer.ts';

type CampaignObject = Awaited<ReturnType<CampaignsRepository['objects']>>[number];

/**
 * Special campaigns (专项整治): the 安委办 lists the objects (enterprises) and the unit that answers
 * for each; the unit closes an object (销号) with evidence, the 安委办 verifies or sends it back.
 */
export function allowedObjectActions(viewer: PlanViewer, object: Pick<CampaignObject, 'status'>) {
  if (viewer.manage) return object.status === 'closed' ? (['verify'] as const) : ([] as const);
  return object.status === 'open' ? (['close'] as const) : ([] as const);
}

export function createCampaignsService(deps: {
  db: Db;
  clock: Clock;
  campaigns: CampaignsRepository;
  enterprises: EnterpriseLookup;
  uploads: UploadLookup;
}) {
  const { db, clock, campaigns, enterprises, uploads } = deps;
  const city: DataScope = { kind: 'city' };

  async function detail(viewer: PlanViewer, id: string) {
    const campaign = await campaigns.find(id);
    if (!campaign) throw new DomainError('plan.campaign_not_found');
    const items = await campaigns.objects(db, viewer, id);
    return {
      ...campaign,
      items: items.map((o) => ({ ...o, allowedActions: [...allowedObjectActions(viewer, o)] })),
    };
  }

  /** Locks an object the viewer may see and checks the action is open to them. */
  async function lockObject(tx: Queryable, viewer: PlanViewer, objectId: string, action: 'close' | 'verify') {
    const campaignId = await campaigns.campaignOf(tx, objectId);
    const object = campaignId ? (await campaigns.objects(tx, viewer, campaignId, objectId))[0] : undefined;
    if (!campaignId || !object) throw new DomainError('plan.object_not_found');
    if (!(allowedObjectActions(viewer, object) as readonly string[]).includes(action))
      throw new DomainError('plan.object_wrong_status');
    return campaignId;
  }

  return {
    list: () => campaigns.list(),
    detail,

    /** The campaign's progress by county and unit, over the objects the viewer may see. */
    async rollup(viewer: PlanViewer, id: string) {
      const campaign = await campaigns.find(id);
      if (!campaign) throw new DomainError('plan.campaign_not_found');
      return { campaign, rollup: campaignRollup(await campaigns.objects(db, viewer, id)) };
    },

    async create(viewer: PlanViewer, input: CampaignCreate) {
      if (input.endDate < input.startDate) throw new DomainError('plan.campaign_dates');
      const id = await campaigns.insert(db, input, viewer.userId, clock.now());
      return detail(viewer, id);
    },

    async addObject(viewer: PlanViewer, campaignId: string, input: CampaignObjectCreate) {
      await inTransaction(db, async (tx) => {
        if (!(await campaigns.find(campaignId))) throw new DomainError('plan.campaign_not_found');
        if (!(await enterprises.findById(input.enterpriseId, city)))
          throw new DomainError('plan.enterprise_not_found');
        if (!(await campaigns.organisationExists(tx, input.organisationId)))
          throw new DomainError('plan.organisation_not_found');
        await campaigns.insertObject(tx, campaignId, input, clock.now());
      });
      return detail(viewer, campaignId);
    },

    async close(
      viewer: PlanViewer,
      scope: DataScope,
      objectId: string,
      input: { note: string; evidence: string[] },
    ) {
      const campaignId = await inTransaction(db, async (tx) => {
        const id = await lockObject(tx, viewer, objectId, 'close');
        for (const upload of input.evidence)
          if (!(await uploads.find(upload, scope))) throw new DomainError('plan.evidence_not_found');
        await campaigns.close(tx, objectId, input.note, input.evidence, viewer.userId, clock.now());
        return id;
      });
      return detail(viewer, campaignId);
    },

    async verify(viewer: PlanViewer, objectId: string, input: { accept: boolean; note: string }) {
      const campaignId = await inTransaction(db, async (tx) => {
        const id = await lockObject(tx, viewer, objectId, 'verify');
        await campaigns.verify(tx, objectId, input.accept, input.note, viewer.userId, clock.now());
        return id;
      });
      return detail(viewer, campaignId);
    },
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
