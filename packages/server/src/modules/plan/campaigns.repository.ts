import type { Db, Queryable } from '../../platform/db.ts';
import { viewerUnitsCondition, type PlanViewer } from './plan-viewer.ts';

interface CampaignRow {
  id: string;
  name: string;
  sector: string;
  start_date: string;
  end_date: string;
  description: string;
  objects: number;
  verified: number;
  demo: boolean;
}

interface ObjectRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  county: string;
  organisation_id: string;
  organisation_name: string;
  task: string;
  status: 'open' | 'closed' | 'verified';
  close_note: string | null;
  evidence: string[];
  closed_at: Date | null;
  verified_at: Date | null;
  verify_note: string | null;
}

const campaignSelect = `
  SELECT c.id, c.name, c.sector, to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date,
         c.description, c.demo,
         (SELECT count(*)::int FROM plan_campaign_objects x WHERE x.campaign_id = c.id) AS objects,
         (SELECT count(*)::int FROM plan_campaign_objects x WHERE x.campaign_id = c.id AND x.status = 'verified') AS verified
    FROM plan_campaigns c`;

const toCampaign = (row: CampaignRow) => ({
  id: row.id,
  name: row.name,
  sector: row.sector,
  startDate: row.start_date,
  endDate: row.end_date,
  description: row.description,
  objects: row.objects,
  verified: row.verified,
  demo: row.demo,
});

export function createCampaignsRepository(db: Db) {
  return {
    async list() {
      const rows = await db.query<CampaignRow>(`${campaignSelect} ORDER BY c.start_date DESC, c.id`);
      return rows.rows.map(toCampaign);
    },

    async find(id: string) {
      const rows = await db.query<CampaignRow>(`${campaignSelect} WHERE c.id = $1`, [id]);
      return rows.rows[0] ? toCampaign(rows.rows[0]) : null;
    },

    async insert(
      source: Queryable,
      input: { name: string; sector: string; startDate: string; endDate: string; description: string },
      by: string,
      at: Date,
      demo = false,
    ): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO plan_campaigns (name, sector, start_date, end_date, description, created_by, created_at, demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [input.name, input.sector, input.startDate, input.endDate, input.description, by, at, demo],
      );
      return rows.rows[0]!.id;
    },

    /** The campaign's objects the viewer may see (the 安委办 all, a unit its own). */
    async objects(source: Queryable, viewer: PlanViewer, campaignId: string, objectId?: string) {
      const params: unknown[] = [campaignId];
      const where = [`x.campaign_id = $1`, viewerUnitsCondition(viewer, 'x.organisation_id', params)];
      if (objectId) {
        params.push(objectId);
        where.push(`x.id = $${params.length}`);
      }
      const rows = await source.query<ObjectRow>(
        `SELECT x.id, x.enterprise_id, e.name AS enterprise_name, e.county, x.organisation_id, o.name AS organisation_name,
                x.task, x.status, x.close_note, x.evidence, x.closed_at, x.verified_at, x.verify_note
           FROM plan_campaign_objects x JOIN enterprise_directory e ON e.id = x.enterprise_id
           JOIN organisations o ON o.id = x.organisation_id
          WHERE ${where.join(' AND ')} ORDER BY e.county, e.name, x.id`,
        params,
      );
      return rows.rows.map((row) => ({
        id: row.id,
        enterpriseId: row.enterprise_id,
        enterpriseName: row.enterprise_name,
        county: row.county,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
        task: row.task,
        status: row.status,
        closeNote: row.close_note,
        evidence: row.evidence,
        closedAt: row.closed_at?.toISOString() ?? null,
        verifiedAt: row.verified_at?.toISOString() ?? null,
        verifyNote: row.verify_note,
      }));
    },

    async organisationExists(source: Queryable, id: string): Promise<boolean> {
      return ((await source.query('SELECT 1 FROM organisations WHERE id = $1', [id])).rowCount ?? 0) > 0;
    },

    async campaignOf(source: Queryable, objectId: string): Promise<string | null> {
      const rows = await source.query<{ campaign_id: string }>(
        'SELECT campaign_id FROM plan_campaign_objects WHERE id = $1 FOR UPDATE',
        [objectId],
      );
      return rows.rows[0]?.campaign_id ?? null;
    },

    async insertObject(
      source: Queryable,
      campaignId: string,
      input: { enterpriseId: string; organisationId: string; task: string },
      at: Date,
      demo = false,
    ): Promise<string> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO plan_campaign_objects (campaign_id, enterprise_id, organisation_id, task, created_at, demo)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [campaignId, input.enterpriseId, input.organisationId, input.task, at, demo],
      );
      return rows.rows[0]!.id;
    },

    async close(
      source: Queryable,
      id: string,
      note: string,
      evidence: readonly string[],
      by: string,
      at: Date,
    ) {
      await source.query(
        `UPDATE plan_campaign_objects SET status = 'closed', close_note = $2, evidence = $3, closed_by = $4, closed_at = $5,
                verified_at = NULL, verified_by = NULL WHERE id = $1`,
        [id, note, evidence, by, at],
      );
    },

    async verify(source: Queryable, id: string, accept: boolean, note: string, by: string, at: Date) {
      await source.query(
        `UPDATE plan_campaign_objects SET status = $2, verify_note = $3, verified_by = $4, verified_at = $5 WHERE id = $1`,
        [id, accept ? 'verified' : 'open', note, by, accept ? at : null],
      );
    },
  };
}

export type CampaignsRepository = ReturnType<typeof createCampaignsRepository>;
