import { describe, expect, it } from 'vitest';
import { draftPhotoKeys, draftProblems, newInspectionDraft, updateFinding } from './inspection-draft.ts';
import { finishedDraft, sequentialIds, T0 } from './offline.test-support.ts';

const now = new Date(T0);

describe('an inspection draft', () => {
  it('gets its clientSubmissionId once and keeps it through every change', () => {
    const newId = sequentialIds('csid');
    let draft = newInspectionDraft({
      inspectionId: 'i1',
      userId: 'u1',
      enterpriseId: 'e1',
      county: '530403',
      itemIds: ['a', 'b'],
      now,
      newId,
    });
    expect(draft.clientSubmissionId).toBe('csid-0001');
    draft = updateFinding(draft, 'a', { result: 'fail', rectificationDeadline: '2026-12-01' }, now);
    draft = updateFinding(draft, 'b', { result: 'pass', note: '良好' }, new Date(T0 + 60_000));
    expect(draft.clientSubmissionId).toBe('csid-0001');
    expect(draft.updatedAt).toBe('2026-11-29T02:01:00.000Z');
    expect(draft.findings.b).toEqual({
      itemId: 'b',
      result: 'pass',
      note: '良好',
      photoKeys: [],
      rectificationDeadline: null,
    });
  });

  it('drops the rectification deadline when a failed item is marked pass or not applicable', () => {
    let draft = newInspectionDraft({
      inspectionId: 'i1',
      userId: 'u1',
      enterpriseId: 'e1',
      county: '530403',
      itemIds: ['a'],
      now,
      newId: () => 'x',
    });
    draft = updateFinding(draft, 'a', { result: 'fail', rectificationDeadline: '2026-12-01' }, now);
    expect(draft.findings.a?.rectificationDeadline).toBe('2026-12-01');
    draft = updateFinding(draft, 'a', { result: 'not_applicable' }, now);
    expect(draft.findings.a?.rectificationDeadline).toBeNull();
  });

  it('lists what stops the inspector from finishing', () => {
    let draft = newInspectionDraft({
      inspectionId: 'i1',
      userId: 'u1',
      enterpriseId: 'e1',
      county: '530403',
      itemIds: ['a', 'b', 'c'],
      now,
      newId: () => 'x',
    });
    draft = updateFinding(draft, 'a', { result: 'fail' }, now);
    draft = updateFinding(draft, 'b', { result: 'fail', rectificationDeadline: '2026-11-28' }, now);
    expect(draftProblems(draft, '2026-11-29')).toEqual([
      { kind: 'deadline_missing', itemId: 'a' },
      { kind: 'deadline_past', itemId: 'b' },
      { kind: 'unanswered', itemId: 'c' },
      { kind: 'signature_missing' },
    ]);
  });

  it('is ready with every item answered, deadlines from today on and a signature', () => {
    const draft = finishedDraft('p1', 's1');
    expect(draftProblems(draft, '2026-12-10')).toEqual([]);
    expect(draftProblems(draft, '2026-12-11')).toEqual([{ kind: 'deadline_past', itemId: 'item-b' }]);
    expect(draftPhotoKeys(draft)).toEqual(['p1', 's1']);
  });
});
