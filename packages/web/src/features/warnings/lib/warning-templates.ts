import { api } from '../../../lib/api.ts';
import type { InfoBlock, WarningLevel } from './warning-types.ts';

export interface WarningTemplateInput {
  name: string;
  eventType: string;
  level: WarningLevel;
  hours: number;
  audience: string;
  info: { zh: InfoBlock; en: InfoBlock | null };
}

export interface WarningTemplate extends WarningTemplateInput {
  id: string;
  placeholders: string[];
  demo: boolean;
  updatedAt: string;
}

export const listTemplates = async () =>
  (await api.get<{ items: WarningTemplate[] }>('/warnings/templates')).items;

export const saveTemplate = (input: WarningTemplateInput, id: string | null) =>
  id
    ? api.put<WarningTemplate>(`/warnings/templates/${id}`, input)
    : api.post<WarningTemplate>('/warnings/templates', input);

export const removeTemplate = (id: string) => api.delete<void>(`/warnings/templates/${id}`);

export const blankTemplate = (): WarningTemplateInput => ({
  name: '',
  eventType: 'hazchem_leak',
  level: 'yellow',
  hours: 6,
  audience: '',
  info: { zh: { headline: '', description: '', instruction: '' }, en: null },
});
