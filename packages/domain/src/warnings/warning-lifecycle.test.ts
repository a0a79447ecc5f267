import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import {
  allowedWarningActions,
  applyWarningAction,
  isWarningExpired,
  releaseMsgType,
  type WarningAction,
  type WarningStatus,
} from './warning-lifecycle.ts';
import { warningAttachmentProblem } from './warning.schema.ts';

const now = new Date('2026-11-29T02:00:00Z');
const expires = new Date('2026-11-30T02:00:00Z');
const author = { userId: 'author', canWrite: true, canApprove: false };
const approver = { userId: 'approver', canWrite: true, canApprove: true };
const authorApprover = { userId: 'author', canWrite: true, canApprove: true };
const state = (status: WarningStatus, releasedVersions = 0) => ({
  status,
  authorId: 'author',
  releasedVersions,
  expires,
});

describe('warning lifecycle', () => {
  const allowed: [WarningStatus, WarningAction, typeof author, WarningStatus][] = [
    ['draft', 'submit', author, 'submitted'],
    ['rejected', 'submit', author, 'submitted'],
    ['submitted', 'approve', approver, 'approved'],
    ['submitted', 'reject', approver, 'rejected'],
    ['approved', 'publish', approver, 'published'],
    ['published', 'revise', author, 'draft'],
    ['published', 'cancel', approver, 'cancelled'],
    ['draft', 'cancel', approver, 'cancelled'],
  ];
  it.each(allowed)('%s --%s--> %s', (status, action, actor, next) => {
    expect(applyWarningAction(state(status), action, actor, now)).toBe(next);
  });

  const refused: [WarningStatus, WarningAction, typeof author, string][] = [
    ['submitted', 'approve', authorApprover, 'warning.same_person'],
    ['submitted', 'reject', authorApprover, 'warning.same_person'],
    ['approved', 'publish', authorApprover, 'warning.same_person'],
    ['submitted', 'approve', author, 'warning.forbidden_action'],
    ['draft', 'approve', approver, 'warning.invalid_transition'],
    ['draft', 'publish', approver, 'warning.invalid_transition'],
    ['published', 'submit', author, 'warning.invalid_transition'],
    ['cancelled', 'revise', author, 'warning.invalid_transition'],
    ['expired', 'cancel', approver, 'warning.invalid_transition'],
  ];
  it.each(refused)('%s --%s--> refused with %s', (status, action, actor, code) => {
    expect(() => applyWarningAction(state(status), action, actor, now)).toThrow(
      new DomainError(code as never),
    );
  });

  it('refuses to publish once the expiry has passed', () => {
    expect(() => applyWarningAction(state('approved'), 'publish', approver, expires)).toThrow(
      new DomainError('warning.expired'),
    );
  });

  it('tells each person the steps open to them', () => {
    expect(allowedWarningActions(state('submitted'), author, now)).toEqual([]);
    expect(allowedWarningActions(state('submitted'), approver, now)).toEqual(['approve', 'reject', 'cancel']);
    expect(allowedWarningActions(state('draft'), author, now)).toEqual(['edit', 'submit']);
  });

  it('ends a published warning at its expiry', () => {
    expect(isWarningExpired(state('published'), new Date(expires.getTime() - 1))).toBe(false);
    expect(isWarningExpired(state('published'), expires)).toBe(true);
    expect(isWarningExpired(state('draft'), expires)).toBe(false);
  });

  it.each([
    [0, false, 'Alert'],
    [1, false, 'Update'],
    [3, false, 'Update'],
    [2, true, 'Cancel'],
  ] as const)('release after %i versions (cancel %s) is a CAP %s', (versions, cancelling, msgType) => {
    expect(releaseMsgType(versions, cancelling)).toBe(msgType);
  });
});

describe('warningAttachmentProblem', () => {
  it('takes JPEG, PNG and PDF up to 5 MB and names why anything else is refused', () => {
    expect(warningAttachmentProblem({ type: 'application/pdf', size: 5 * 1024 * 1024 })).toBeNull();
    expect(warningAttachmentProblem({ type: 'image/png', size: 1 })).toBeNull();
    expect(warningAttachmentProblem({ type: 'image/jpeg', size: 5 * 1024 * 1024 + 1 })).toBe('size');
    expect(warningAttachmentProblem({ type: 'application/pdf', size: 0 })).toBe('empty');
    expect(warningAttachmentProblem({ type: 'image/gif', size: 10 })).toBe('type');
    expect(warningAttachmentProblem({ type: '', size: 10 })).toBe('type');
  });
});
