import type {
  RiskPointInput,
  RiskSitePlan,
  RiskSitePlanInput,
  RiskUnit,
  RiskUnitInput,
} from '@anjian/domain';
import { api } from '../../../lib/api.ts';

export interface LecResult {
  d: number;
  band: number;
  level: number;
  colour: 'red' | 'orange' | 'yellow' | 'blue';
}

export interface LsResult {
  r: number;
  level: number;
  colour: 'red' | 'orange' | 'yellow' | 'blue';
}

/** The risk register of /api/v1/risk and the public calculators of /api/v1/calc. */
export const riskApi = {
  units: (enterpriseId: string) =>
    api.get<{ items: RiskUnit[] }>('/risk/units', { enterpriseId }).then((answer) => answer.items),
  createUnit: (input: RiskUnitInput) => api.post<RiskUnit>('/risk/units', input),
  updateUnit: (id: string, input: Omit<RiskUnitInput, 'enterpriseId'>) =>
    api.put<RiskUnit>(`/risk/units/${encodeURIComponent(id)}`, input),
  deleteUnit: (id: string) => api.delete(`/risk/units/${encodeURIComponent(id)}`),
  addPoint: (unitId: string, input: RiskPointInput) =>
    api.post<RiskUnit>(`/risk/units/${encodeURIComponent(unitId)}/points`, input),
  updatePoint: (id: string, input: RiskPointInput) =>
    api.put<RiskUnit>(`/risk/points/${encodeURIComponent(id)}`, input),
  deletePoint: (id: string) => api.delete(`/risk/points/${encodeURIComponent(id)}`),
  /** The site plan under the four-colour map; null while the enterprise has none. */
  sitePlan: (enterpriseId: string) =>
    api
      .get<{ sitePlan: RiskSitePlan | null }>('/risk/site-plan', { enterpriseId })
      .then((answer) => answer.sitePlan),
  saveSitePlan: (input: RiskSitePlanInput) =>
    api.put<{ sitePlan: RiskSitePlan }>('/risk/site-plan', input).then((answer) => answer.sitePlan),
  lec: (scores: { l: number; e: number; c: number }) => api.post<LecResult>('/calc/lec', scores),
  ls: (scores: { l: number; s: number }) => api.post<LsResult>('/calc/ls', scores),
  ledger: (enterpriseId: string) => api.download('/risk/ledger', { enterpriseId }, 'risk-ledger.xlsx'),
  noticeBoard: (enterpriseId: string) =>
    api.download('/risk/notice-board', { enterpriseId }, 'notice-board.docx'),
  postCard: (unitId: string) =>
    api.download(`/risk/units/${encodeURIComponent(unitId)}/post-card`, {}, 'post-card.docx'),
};
