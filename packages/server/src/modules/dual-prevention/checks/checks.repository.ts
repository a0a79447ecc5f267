import type { CheckFrequency, CheckListInput, DataScope } from '@anjian/domain';
import type { Db, Queryable } from '../../../platform/db.ts';
import { scopeCondition } from '../../../platform/scope-sql.ts';

export interface CheckList {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  name: string;
  target: string;
  frequency: CheckFrequency;
  responsiblePerson: string;
  items: { id: string; text: string; basis?: string }[];
  active: boolean;
}

export interface CheckTask {
  id: string;
  listId: string;
  listName: string;
  target: string;
  enterpriseId: string;
  enterpriseName: string;
  county: string;
  periodKey: string;
  periodStart: string;
  dueDate: string;
  status: 'pending' | 'done';
  items: CheckList['items'];
  results: unknown[] | null;
  hazardIds: string[];
  completedAt: string | null;
  completedBy: string | null;
}

const listScope = (scope: DataScope, params: unknown[]) =>
  scopeCondition(scope, { county: 'l.county', enterprise: 'l.enterprise_id' }, params);
const taskScope = (scope: DataScope, params: unknown[]) =>
  scopeCondition(scope, { county: 't.county', enterprise: 't.enterprise_id' }, params);

interface ListRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  county: string;
  name: string;
  target: string;
  frequency: CheckFrequency;
  responsible_person: string;
  items: CheckList['items'];
  active: boolean;
}
const toList = (r: ListRow): CheckList => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  county: r.county,
  name: r.name,
  target: r.target,
  frequency: r.frequency,
  responsiblePerson: r.responsible_person,
  items: r.items,
  active: r.active,
});

interface TaskRow {
  id: string;
  list_id: string;
  list_name: string;
  target: string;
  enterprise_id: string;
  enterprise_name: string;
  county: string;
  period_key: string;
  period_start: string;
  due_date: string;
  status: 'pending' | 'done';
  items: CheckList['items'];
  results: unknown[] | null;
  hazard_ids: string[];
  completed_at: Date | null;
  completed_by: string | null;
}
const toTask = (r: TaskRow): CheckTask => ({
  id: r.id,
  listId: r.list_id,
  listName: r.list_name,
  target: r.target,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  county: r.county,
  periodKey: r.period_key,
  periodStart: r.period_start,
  dueDate: r.due_date,
  status: r.status,
  items: r.items,
  results: r.results,
  hazardIds: r.hazard_ids,
  completedAt: r.completed_at?.toISOString() ?? null,
  completedBy: r.completed_by,
});

const SELECT_LIST =
  'SELECT l.*, e.name AS enterprise_name FROM check_lists l JOIN enterprise_directory e ON e.id = l.enterprise_id';
const SELECT_TASK = `SELECT t.*, to_char(t.period_start, 'YYYY-MM-DD') AS period_start, to_char(t.due_date, 'YYYY-MM-DD') AS due_date,
    l.name AS list_name, l.target, l.items, e.name AS enterprise_name
  FROM check_tasks t JOIN check_lists l ON l.id = t.list_id JOIN enterprise_directory e ON e.id = t.enterprise_id`;

export function createChecksRepository(db: Db) {
  return {
    async lists(scope: DataScope, enterpriseId?: string): Promise<CheckList[]> {
      const params: unknown[] = [];
      const conditions = [listScope(scope, params)];
      if (enterpriseId) {
        params.push(enterpriseId);
        conditions.push(`l.enterprise_id = $${params.length}`);
      }
      const rows = await db.query<ListRow>(
        `${SELECT_LIST} WHERE ${conditions.join(' AND ')} ORDER BY e.name, l.name LIMIT 2000`,
        params,
      );
      return rows.rows.map(toList);
    },

    async list(id: string, scope: DataScope): Promise<CheckList | null> {
      const params: unknown[] = [id];
      const rows = await db.query<ListRow>(
        `${SELECT_LIST} WHERE l.id = $1 AND ${listScope(scope, params)}`,
        params,
      );
      return rows.rows[0] ? toList(rows.rows[0]) : null;
    },

    async insertList(input: CheckListInput, county: string, at: Date): Promise<string> {
      const rows = await db.query<{ id: string }>(
        `INSERT INTO check_lists (enterprise_id, county, name, target, frequency, responsible_person, items, active, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
        [
          input.enterpriseId,
          county,
          input.name,
          input.target,
          input.frequency,
          input.responsiblePerson,
          JSON.stringify(input.items),
          input.active,
          at,
        ],
      );
      return rows.rows[0]!.id;
    },

    async updateList(id: string, input: Omit<CheckListInput, 'enterpriseId'>, at: Date): Promise<void> {
      await db.query(
        `UPDATE check_lists SET name = $2, target = $3, frequency = $4, responsible_person = $5, items = $6, active = $7, updated_at = $8 WHERE id = $1`,
        [
          id,
          input.name,
          input.target,
          input.frequency,
          input.responsiblePerson,
          JSON.stringify(input.items),
          input.active,
          at,
        ],
      );
    },

    async insertTasks(
      tasks: {
        listId: string;
        enterpriseId: string;
        county: string;
        key: string;
        start: string;
        due: string;
      }[],
    ): Promise<void> {
      if (tasks.length === 0) return;
      await db.query(
        `INSERT INTO check_tasks (list_id, enterprise_id, county, period_key, period_start, due_date)
         SELECT l, e, c, k, s::date, d::date FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(l, e, c, k, s, d)
         ON CONFLICT (list_id, period_key) DO NOTHING`,
        [
          tasks.map((t) => t.listId),
          tasks.map((t) => t.enterpriseId),
          tasks.map((t) => t.county),
          tasks.map((t) => t.key),
          tasks.map((t) => t.start),
          tasks.map((t) => t.due),
        ],
      );
    },

    async tasks(
      scope: DataScope,
      filter: { status?: string | undefined; enterpriseId?: string | undefined },
    ): Promise<CheckTask[]> {
      const params: unknown[] = [];
      const conditions = [taskScope(scope, params)];
      if (filter.status) {
        params.push(filter.status);
        conditions.push(`t.status = $${params.length}`);
      }
      if (filter.enterpriseId) {
        params.push(filter.enterpriseId);
        conditions.push(`t.enterprise_id = $${params.length}`);
      }
      const rows = await db.query<TaskRow>(
        `${SELECT_TASK} WHERE ${conditions.join(' AND ')} ORDER BY t.due_date DESC, l.name LIMIT 500`,
        params,
      );
      return rows.rows.map(toTask);
    },

    async task(id: string, scope: DataScope): Promise<CheckTask | null> {
      const params: unknown[] = [id];
      const rows = await db.query<TaskRow>(
        `${SELECT_TASK} WHERE t.id = $1 AND ${taskScope(scope, params)}`,
        params,
      );
      return rows.rows[0] ? toTask(rows.rows[0]) : null;
    },

    async complete(
      source: Queryable,
      id: string,
      results: unknown[],
      hazardIds: string[],
      at: Date,
      by: string,
    ): Promise<boolean> {
      const result = await source.query(
        `UPDATE check_tasks SET status = 'done', results = $2, hazard_ids = $3, completed_at = $4, completed_by = $5
         WHERE id = $1 AND status = 'pending'`,
        [id, JSON.stringify(results), hazardIds, at, by],
      );
      return result.rowCount === 1;
    },
  };
}

export type ChecksRepository = ReturnType<typeof createChecksRepository>;
