import type { ResponsibilityHolderKind } from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { viewerUnitsCondition, type PlanViewer } from './plan-viewer.ts';

interface ListRow {
  id: string;
  kind: ResponsibilityHolderKind;
  organisation_id: string | null;
  organisation_name: string | null;
  holder: string;
  title: string;
  version: number;
  published_at: Date;
  publisher: string;
  items: string[];
  note: string;
  demo: boolean;
}

/** A list's row joined with its current version. */
const listSelect = `SELECT l.id, l.kind, l.organisation_id, o.name AS organisation_name, l.holder, l.title, l.version,
         v.published_at, u.display_name AS publisher, v.items, v.note, l.demo
    FROM plan_responsibility_lists l
    LEFT JOIN organisations o ON o.id = l.organisation_id
    JOIN plan_responsibility_list_versions v ON v.list_id = l.id AND v.version = l.version
    JOIN users u ON u.id = v.published_by`;

/** A city leader's list (no unit) is read by every plan reader; a unit's by the unit and the 安委办. */
function visible(viewer: PlanViewer, params: unknown[]): string {
  return `(l.organisation_id IS NULL OR ${viewerUnitsCondition(viewer, 'l.organisation_id', params)})`;
}

function toList(row: ListRow) {
  return {
    id: row.id,
    kind: row.kind,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    holder: row.holder,
    title: row.title,
    version: row.version,
    publishedAt: row.published_at.toISOString(),
    publishedBy: row.publisher,
    itemCount: row.items.length,
    items: row.items,
    note: row.note,
    demo: row.demo,
  };
}

export type ResponsibilityList = ReturnType<typeof toList>;

/** Writes version `version` of a list and makes it the current one. */
async function addVersion(
  source: Queryable,
  id: string,
  version: number,
  items: readonly string[],
  note: string,
  by: string,
  at: Date,
): Promise<void> {
  await source.query(
    `INSERT INTO plan_responsibility_list_versions (list_id, version, items, note, published_by, published_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, version, items, note, by, at],
  );
  await source.query('UPDATE plan_responsibility_lists SET version = $2 WHERE id = $1', [id, version]);
}

/** Responsibility lists (责任清单) and their versions; a version, once written, never changes. */
export function createResponsibilityListsRepository(db: Db) {
  return {
    async list(viewer: PlanViewer): Promise<ResponsibilityList[]> {
      const params: unknown[] = [];
      const rows = await db.query<ListRow>(
        `${listSelect} WHERE ${visible(viewer, params)}
          ORDER BY array_position(ARRAY['leader', 'department', 'county'], l.kind), o.code NULLS FIRST, l.title, l.id`,
        params,
      );
      return rows.rows.map(toList);
    },

    /** The list with its current version, if the viewer may read it; `lock` holds it for a revision. */
    async find(source: Queryable, viewer: PlanViewer, id: string, lock = false) {
      const params: unknown[] = [id];
      const rows = await source.query<ListRow>(
        `${listSelect} WHERE l.id = $1 AND ${visible(viewer, params)}${lock ? ' FOR UPDATE OF l' : ''}`,
        params,
      );
      return rows.rows[0] ? toList(rows.rows[0]) : null;
    },

    /** Every version of a list, newest first, with its items. */
    async versions(source: Queryable, id: string) {
      const rows = await source.query<{
        version: number;
        items: string[];
        note: string;
        publisher: string;
        published_at: Date;
      }>(
        `SELECT v.version, v.items, v.note, u.display_name AS publisher, v.published_at
           FROM plan_responsibility_list_versions v JOIN users u ON u.id = v.published_by
          WHERE v.list_id = $1 ORDER BY v.version DESC`,
        [id],
      );
      return rows.rows.map((row) => ({
        version: row.version,
        items: row.items,
        note: row.note,
        publishedBy: row.publisher,
        publishedAt: row.published_at.toISOString(),
      }));
    },

    /** The kind of a unit (to check it fits the list's holder); null when there is none. */
    async organisation(source: Queryable, id: string): Promise<{ kind: string; name: string } | null> {
      const rows = await source.query<{ kind: string; name: string }>(
        'SELECT kind, name FROM organisations WHERE id = $1',
        [id],
      );
      return rows.rows[0] ?? null;
    },

    /** A new list with its first version; null when a list of that title exists. */
    async insert(
      source: Queryable,
      input: {
        kind: ResponsibilityHolderKind;
        organisationId: string | null;
        holder: string;
        title: string;
        items: readonly string[];
        note: string;
      },
      by: string,
      at: Date,
      demo = false,
    ): Promise<string | null> {
      const rows = await source.query<{ id: string }>(
        `INSERT INTO plan_responsibility_lists (kind, organisation_id, holder, title, created_by, created_at, demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (title) DO NOTHING RETURNING id`,
        [input.kind, input.organisationId, input.holder, input.title, by, at, demo],
      );
      const id = rows.rows[0]?.id;
      if (!id) return null;
      await addVersion(source, id, 1, input.items, input.note, by, at);
      return id;
    },

    addVersion,
  };
}

export type ResponsibilityListsRepository = ReturnType<typeof createResponsibilityListsRepository>;
