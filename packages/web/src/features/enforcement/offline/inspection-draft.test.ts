import { describe, expect, it } from 'vitest';
import {
  draftPhotoKeys,
  draftProblems,
  newInspectionDraft,
  updateFinding,
  withServerItems,
} from './inspection-draft.ts';
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

  it('takes in a finding the server appended (a certificate gap) as a failed item, keeping answers', () => {
    let draft = newInspectionDraft({
      inspectionId: 'i1',
      userId: 'u1',
      enterpriseId: 'e1',
      county: '530403',
      itemIds: ['a', 'b'],
      now,
      newId: sequentialIds('csid'),
    });
    draft = updateFinding(draft, 'a', { result: 'pass' }, now);
    const later = new Date(T0 + 60_000);
    const merged = withServerItems(
      draft,
      [
        { id: 'a', result: null, note: null },
        { id: 'b', result: null, note: null },
        { id: 'gap', result: 'fail', note: '现场核验' },
      ],
      later,
    );
    expect(merged.findings.a!.result).toBe('pass');
    expect(merged.findings.b!.result).toBeNull();
    expect(merged.findings.gap).toEqual({
      itemId: 'gap',
      result: 'fail',
      note: '现场核验',
      photoKeys: [],
      rectificationDeadline: null,
    });
    expect(merged.clientSubmissionId).toBe(draft.clientSubmissionId);
    expect(merged.updatedAt).toBe('2026-11-29T02:01:00.000Z');
    // The failed finding still needs its rectification deadline before the inspection is finished.
    expect(draftProblems(merged, '2026-11-29')).toContainEqual({ kind: 'deadline_missing', itemId: 'gap' });
    // An unanswered item takes the server's result; nothing new leaves the draft as it was.
    expect(withServerItems(draft, [{ id: 'b', result: 'na', note: null }], later).findings.b!.result).toBe(
      'not_applicable',
    );
    expect(withServerItems(merged, [{ id: 'gap', result: 'fail', note: null }], later)).toBe(merged);
    expect(
      withServerItems(finishedDraft('p1', 's1'), [{ id: 'x', result: 'fail', note: null }], later),
    ).toEqual(finishedDraft('p1', 's1'));
  });
});
