import { describe, expect, it } from 'vitest';
import {
  deliverableDeliverSchema,
  deliverableKindOf,
  deliverableOverdue,
  isAnjianRecordLink,
} from './deliverables.ts';
import { yuxiPlan } from './yuxi-plan.ts';

describe('plan deliverables (成果)', () => {
  it('reads a kind by its workbook name, its short name or its code', () => {
    expect(deliverableKindOf('文件/制度')).toBe('document');
    expect(deliverableKindOf(' 场所/设施建设 ')).toBe('site');
    expect(deliverableKindOf('系统')).toBe('platform');
    expect(deliverableKindOf('other')).toBe('other');
    expect(deliverableKindOf('宫殿')).toBeNull();
    expect(deliverableKindOf('')).toBeNull();
  });

  it('takes a link only to an Anjian record: a path, never another site', () => {
    expect(isAnjianRecordLink('/registry/enterprises/8f0c')).toBe(true);
    expect(isAnjianRecordLink('/plan?plan=1')).toBe(true);
    expect(isAnjianRecordLink('https://example.com/')).toBe(false);
    expect(isAnjianRecordLink('//example.com/x')).toBe(false);
    expect(isAnjianRecordLink('/a b')).toBe(false);
    expect(isAnjianRecordLink('registry/enterprises')).toBe(false);
  });

  it('needs an upload or a link as evidence when marking delivered', () => {
    const upload = '0b8c5a5e-8f1f-4c54-9d0e-4f8a1d2b3c4d';
    expect(deliverableDeliverSchema.safeParse({ deliveredOn: '2026-11-20' }).success).toBe(false);
    expect(deliverableDeliverSchema.safeParse({ deliveredOn: '2026-11-20', link: '' }).success).toBe(false);
    expect(deliverableDeliverSchema.safeParse({ deliveredOn: '2026-11-20', link: 'http://x' }).success).toBe(
      false,
    );
    expect(deliverableDeliverSchema.parse({ deliveredOn: '2026-11-20', evidence: [upload] })).toEqual({
      deliveredOn: '2026-11-20',
      evidence: [upload],
      link: '',
      note: '',
    });
    expect(deliverableDeliverSchema.parse({ deliveredOn: '2026-11-20', link: '/plan' }).link).toBe('/plan');
  });

  it('is overdue once its year is over and it is not delivered', () => {
    expect(deliverableOverdue({ dueYear: 2025, deliveredOn: null }, '2025-12-31')).toBe(false);
    expect(deliverableOverdue({ dueYear: 2025, deliveredOn: null }, '2026-01-01')).toBe(true);
    expect(deliverableOverdue({ dueYear: 2025, deliveredOn: '2026-03-01' }, '2026-11-29')).toBe(false);
  });

  it('gives the built-in plan the documents of its 专栏 and the sites chapter 四 names', () => {
    const deliverables = yuxiPlan.deliverables ?? [];
    const documents = yuxiPlan.columns.filter((c) => c.deliverables).flatMap((c) => c.items);
    expect(
      deliverables.filter((d) => d.columnNo !== null && d.kind === 'document').map((d) => d.what),
    ).toEqual(documents);
    expect(deliverables).toHaveLength(documents.length + 6);
    const taskCodes = new Set(yuxiPlan.tasks.map((t) => t.code));
    expect(deliverables.every((d) => taskCodes.has(d.taskCode))).toBe(true);
    expect(deliverables.find((d) => d.taskCode === '4.9')).toMatchObject({ kind: 'site', dueYear: 2025 });
  });
});
