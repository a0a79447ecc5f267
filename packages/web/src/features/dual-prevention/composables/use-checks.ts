import type { CheckCompletion } from '@anjian/domain';
import { api } from '../../../lib/api.ts';

export interface CheckItem {
  id: string;
  text: string;
  basis?: string;
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
  items: CheckItem[];
  results: unknown[] | null;
  hazardIds: string[];
  completedAt: string | null;
  completedBy: string | null;
}

export const checksApi = {
  tasks: (query: { status?: 'pending' | 'done'; enterpriseId?: string } = {}) =>
    api.get<{ items: CheckTask[] }>('/checks/tasks', query).then((answer) => answer.items),
  complete: (id: string, completion: CheckCompletion) =>
    api.post<CheckTask>(`/checks/tasks/${encodeURIComponent(id)}/complete`, completion),
};
