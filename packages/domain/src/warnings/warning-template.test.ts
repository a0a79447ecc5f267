import { describe, expect, it } from 'vitest';
import {
  fillTemplateText,
  templatePlaceholders,
  warningDraftFromTemplate,
  warningTemplateInputSchema,
} from './warning-template.ts';

const template = {
  name: '液氯泄漏（橙色）',
  eventType: 'hazchem_leak',
  level: 'orange' as const,
  hours: 6,
  audience: '{县区}{地点}周边群众',
  info: {
    zh: {
      headline: '{县区}{物质}泄漏橙色预警',
      description: '{时间}，{企业}发生{物质}泄漏，影响范围约{范围}。',
      instruction: '请向上风向撤离。',
    },
    en: null,
  },
};

describe('warning templates', () => {
  it('lists the placeholders its texts use, once each, in order of use', () => {
    expect(templatePlaceholders(template)).toEqual(['县区', '物质', '时间', '企业', '范围']);
  });

  it('fills every placeholder and leaves an unfilled one visible', () => {
    expect(fillTemplateText('{县区}{物质}泄漏', { 县区: '江川区', 物质: '' })).toBe('江川区{物质}泄漏');
  });

  it('makes a draft from onset now to `hours` later, the area left to the officer', () => {
    const draft = warningDraftFromTemplate(
      template,
      { 县区: '江川区', 物质: '液氯', 时间: '10时05分', 企业: '某化工企业', 范围: '800米', 地点: '前卫镇' },
      new Date('2026-11-29T02:05:00Z'),
    );
    expect(draft).toMatchObject({
      level: 'orange',
      onset: '2026-11-29T10:05:00+08:00',
      expires: '2026-11-29T16:05:00+08:00',
      audience: '江川区前卫镇周边群众',
      area: { counties: [], townships: [], polygon: null, circle: null },
    });
    expect(draft.info.zh.description).toBe('10时05分，某化工企业发生液氯泄漏，影响范围约800米。');
  });

  it('refuses an unknown placeholder with its code and name', () => {
    const result = warningTemplateInputSchema.safeParse({
      ...template,
      info: { zh: { ...template.info.zh, headline: '{风向}预警' } },
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({
      path: ['info', 'zh', 'headline'],
      message: 'warning.template_placeholder_unknown',
      params: { name: '风向', code: 'warning.template_placeholder_unknown' },
    });
  });
});
