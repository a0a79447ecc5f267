import type { HiddenHazardAction } from '@anjian/domain';

/* The 整改进展 form (report_progress) as typed on a phone: the percent is a text field. */

export interface ProgressDraft {
  progress: string;
  /** Digits typed by the user; empty = not estimated. */
  percent: string;
  temporaryMeasures: string;
  photos: string[];
}

export type ProgressAction = Extract<HiddenHazardAction, { action: 'report_progress' }>;

export function emptyProgressDraft(): ProgressDraft {
  return { progress: '', percent: '', temporaryMeasures: '', photos: [] };
}

/** The action body, blank optional fields left out; the server checks the percent is 0–100. */
export function progressFromDraft(draft: ProgressDraft): ProgressAction {
  const percent = draft.percent.trim();
  const measures = draft.temporaryMeasures.trim();
  return {
    action: 'report_progress',
    progress: draft.progress.trim(),
    ...(percent ? { percent: Number(percent) } : {}),
    ...(measures ? { temporaryMeasures: measures } : {}),
    photos: [...draft.photos],
  };
}
