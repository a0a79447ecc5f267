/*
 * An inspection as the inspector fills it in on the phone, kept on the device until the server
 * has it. The clientSubmissionId is made once, when the draft is first created, and travels with
 * every attempt to submit it: the server stores one record per id, so a retry after a lost answer
 * cannot create a second inspection record.
 */

export const itemResults = ['pass', 'fail', 'not_applicable'] as const;
export type ItemResult = (typeof itemResults)[number];

export interface ItemFinding {
  readonly itemId: string;
  readonly result: ItemResult | null;
  readonly note: string;
  /** Keys of photos kept on the device (offline-store.ts), in the order taken. */
  readonly photoKeys: readonly string[];
  /** A failed item only: the rectification deadline, YYYY-MM-DD. */
  readonly rectificationDeadline: string | null;
}

export interface InspectionDraft {
  readonly inspectionId: string;
  readonly clientSubmissionId: string;
  /** The inspector whose session may send it; another user signing in on the phone does not. */
  readonly userId: string;
  /** Where the photos belong (the upload call needs them). */
  readonly enterpriseId: string;
  readonly county: string;
  readonly findings: Readonly<Record<string, ItemFinding>>;
  /** The enterprise representative's signature, a PNG photo key. */
  readonly signatureKey: string | null;
  readonly remarks: string;
  readonly startedAt: string;
  readonly updatedAt: string;
  /** Set when the inspector finishes; part of the body, so every resend is byte-for-byte the same. */
  readonly finishedAt: string | null;
}

export function newInspectionDraft(input: {
  inspectionId: string;
  userId: string;
  enterpriseId: string;
  county: string;
  itemIds: readonly string[];
  now: Date;
  newId: () => string;
}): InspectionDraft {
  const findings: Record<string, ItemFinding> = {};
  for (const itemId of input.itemIds) {
    findings[itemId] = { itemId, result: null, note: '', photoKeys: [], rectificationDeadline: null };
  }
  const at = input.now.toISOString();
  return {
    inspectionId: input.inspectionId,
    clientSubmissionId: input.newId(),
    userId: input.userId,
    enterpriseId: input.enterpriseId,
    county: input.county,
    findings,
    signatureKey: null,
    remarks: '',
    startedAt: at,
    updatedAt: at,
    finishedAt: null,
  };
}

/** The draft with one item changed; a result other than fail drops the rectification deadline. */
export function updateFinding(
  draft: InspectionDraft,
  itemId: string,
  change: Partial<Omit<ItemFinding, 'itemId'>>,
  now: Date,
): InspectionDraft {
  const current = draft.findings[itemId] ?? {
    itemId,
    result: null,
    note: '',
    photoKeys: [],
    rectificationDeadline: null,
  };
  const next = { ...current, ...change, itemId };
  if (next.result !== 'fail') next.rectificationDeadline = null;
  return { ...draft, findings: { ...draft.findings, [itemId]: next }, updatedAt: now.toISOString() };
}

/** What the server answers for an item: its wire result and note. */
export interface ServerItemAnswer {
  readonly id: string;
  readonly result: 'pass' | 'fail' | 'na' | null;
  readonly note: string | null;
}

const fromWire = { pass: 'pass', fail: 'fail', na: 'not_applicable' } as const;

/**
 * The draft with the items another register brought into the inspection after it was made (a
 * certificate gap recorded on site is appended on the server as a failed item): each missing item
 * joins with the server's result and note, and an unanswered item takes the server's result. What
 * the inspector answered stays as it is; a finished draft is not changed.
 */
export function withServerItems(
  draft: InspectionDraft,
  items: readonly ServerItemAnswer[],
  now: Date,
): InspectionDraft {
  if (draft.finishedAt) return draft;
  const findings: Record<string, ItemFinding> = { ...draft.findings };
  let changed = false;
  for (const item of items) {
    const result = item.result ? fromWire[item.result] : null;
    const current = findings[item.id];
    if (current && (current.result !== null || result === null)) continue;
    findings[item.id] = current
      ? { ...current, result }
      : { itemId: item.id, result, note: item.note ?? '', photoKeys: [], rectificationDeadline: null };
    changed = true;
  }
  return changed ? { ...draft, findings, updatedAt: now.toISOString() } : draft;
}

export type DraftProblem =
  | { readonly kind: 'unanswered'; readonly itemId: string }
  | { readonly kind: 'deadline_missing'; readonly itemId: string }
  | { readonly kind: 'deadline_past'; readonly itemId: string }
  | { readonly kind: 'signature_missing' };

/**
 * What stops the inspector from finishing: every item answered, every failed item with a
 * deadline no earlier than `today` (YYYY-MM-DD, Beijing date), and the enterprise's signature.
 */
export function draftProblems(draft: InspectionDraft, today: string): DraftProblem[] {
  const problems: DraftProblem[] = [];
  for (const finding of Object.values(draft.findings)) {
    if (finding.result === null) problems.push({ kind: 'unanswered', itemId: finding.itemId });
    if (finding.result === 'fail') {
      if (!finding.rectificationDeadline) problems.push({ kind: 'deadline_missing', itemId: finding.itemId });
      else if (finding.rectificationDeadline < today)
        problems.push({ kind: 'deadline_past', itemId: finding.itemId });
    }
  }
  if (!draft.signatureKey) problems.push({ kind: 'signature_missing' });
  return problems;
}

/** Every photo the draft refers to, the signature included. */
export function draftPhotoKeys(draft: InspectionDraft): string[] {
  const keys = Object.values(draft.findings).flatMap((finding) => finding.photoKeys);
  return draft.signatureKey ? [...keys, draft.signatureKey] : keys;
}
