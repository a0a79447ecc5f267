import {
  DomainError,
  findWarningEventType,
  templatePlaceholders,
  type WarningTemplateInput,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { TemplateRow, WarningTemplatesRepository } from './warning-templates.repository.ts';

const present = (row: TemplateRow) => ({
  id: row.id,
  name: row.name,
  eventType: row.eventType,
  level: row.level,
  hours: row.hours,
  audience: row.audience,
  info: row.info,
  placeholders: templatePlaceholders(row),
  demo: row.demo,
  updatedAt: row.updatedAt.toISOString(),
});

/** Warning templates per event type, managed by the warning authors. */
export function createWarningTemplatesService(deps: { clock: Clock; templates: WarningTemplatesRepository }) {
  const { clock, templates } = deps;

  async function checked(input: WarningTemplateInput, exceptId: string | null) {
    if (!findWarningEventType(input.eventType)) throw new DomainError('warning.unknown_event_type');
    if (await templates.nameTaken(input.name, exceptId)) throw new DomainError('warning.template_name_taken');
  }

  async function found(id: string): Promise<TemplateRow> {
    const row = await templates.find(id);
    if (!row) throw new DomainError('warning.template_not_found');
    return row;
  }

  return {
    list: async () => (await templates.list()).map(present),

    async create(input: WarningTemplateInput, by: string, demo = false) {
      await checked(input, null);
      const id = await templates.insert(input, by, clock.now(), demo);
      if (!id) throw new DomainError('warning.template_name_taken');
      return present(await found(id));
    },

    async update(id: string, input: WarningTemplateInput) {
      await found(id);
      await checked(input, id);
      await templates.update(id, input, clock.now());
      return present(await found(id));
    },

    async remove(id: string) {
      if (!(await templates.remove(id))) throw new DomainError('warning.template_not_found');
    },

    /** Refuses a draft that names a template that does not exist. */
    async check(id: string): Promise<void> {
      await found(id);
    },
  };
}

export type WarningTemplatesService = ReturnType<typeof createWarningTemplatesService>;
