import { describe, expect, it } from 'vitest';
import { hiddenHazardActionSchema } from '@anjian/domain';
import { emptyProgressDraft, progressFromDraft } from './progress-draft.ts';

describe('the rectification progress form (整改进展)', () => {
  it('sends only the progress when nothing else is filled in', () => {
    expect(progressFromDraft({ ...emptyProgressDraft(), progress: ' 已采购配件 ', percent: ' ' })).toEqual({
      action: 'report_progress',
      progress: '已采购配件',
      photos: [],
    });
  });

  it('sends the percent as a number, the temporary measures and the photos', () => {
    const body = progressFromDraft({
      progress: '安全阀已送检',
      percent: '60',
      temporaryMeasures: ' 降压运行，专人值守 ',
      photos: ['2f0c1b8e-7a4d-4e3a-9c61-5b2d7e8f9a10'],
    });
    expect(body).toEqual({
      action: 'report_progress',
      progress: '安全阀已送检',
      percent: 60,
      temporaryMeasures: '降压运行，专人值守',
      photos: ['2f0c1b8e-7a4d-4e3a-9c61-5b2d7e8f9a10'],
    });
    expect(hiddenHazardActionSchema.safeParse(body).success).toBe(true);
  });

  it('leaves an out-of-range percent for the server to refuse', () => {
    const body = progressFromDraft({ ...emptyProgressDraft(), progress: '已完成', percent: '150' });
    expect(body.percent).toBe(150);
    expect(hiddenHazardActionSchema.safeParse(body).success).toBe(false);
  });
});
