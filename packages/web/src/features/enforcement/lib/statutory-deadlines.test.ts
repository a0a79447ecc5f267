import { describe, expect, it } from 'vitest';
import {
  chinaHolidayCalendar,
  createCreditCandidate,
  filePenaltyCase,
  penaltyCaseDeadlines,
  transitionCreditListing,
  transitionPenaltyCase,
  type PenaltyCaseState,
} from '@anjian/domain';
import { creditListingTimeLimits, penaltyCaseTimeLimits, reviveInstants } from './statutory-deadlines.ts';

const now = new Date('2026-11-29T02:00:00Z');
const head = { role: 'head' as const, id: 'head-1' };

/** A case filed on 2026-11-02, as the server stores and answers it (JSON). */
function filedCase(): PenaltyCaseState {
  const filed = filePenaltyCase(
    { partyKind: 'organisation', filedOn: '2026-11-02' },
    { now, actor: head, calendar: chinaHolidayCalendar },
  );
  if (!filed.ok) throw filed.error;
  return filed.state;
}

describe('statutory time limits shown on the case page', () => {
  it('reads the case state from JSON and gives the same deadlines as the server rules', () => {
    const state = filedCase();
    const fromJson = penaltyCaseTimeLimits(JSON.parse(JSON.stringify(state)), now);
    expect(fromJson).toEqual(penaltyCaseDeadlines(state, { now, calendar: chinaHolidayCalendar }));
    expect(fromJson.map((d) => d.kind)).toEqual(['decision']);
    expect(fromJson[0]).toMatchObject({ countsFrom: '2026-11-02', overdue: false });
  });

  it('shows the statement and hearing-request periods once the notice is served', () => {
    const investigating = transitionPenaltyCase(
      filedCase(),
      { action: 'start_investigation', investigatorIds: ['i1', 'i2'] },
      { now, actor: { role: 'handler', id: 'i1' }, calendar: chinaHolidayCalendar },
    );
    if (!investigating.ok) throw investigating.error;
    const notified = transitionPenaltyCase(
      investigating.state,
      { action: 'issue_notice', proposal: { kinds: ['fine'], fineYuan: '50000.00' }, servedOn: '2026-11-27' },
      { now, actor: { role: 'handler', id: 'i1' }, calendar: chinaHolidayCalendar },
    );
    if (!notified.ok) throw notified.error;
    const kinds = penaltyCaseTimeLimits(JSON.parse(JSON.stringify(notified.state)), now).map((d) => d.kind);
    expect(kinds).toContain('statement');
    expect(kinds).toContain('hearing_request');
  });

  it('revives instants but leaves calendar dates as text', () => {
    expect(reviveInstants({ at: '2026-11-29T02:00:00.000Z', on: '2026-11-29', n: 3 })).toEqual({
      at: new Date('2026-11-29T02:00:00.000Z'),
      on: '2026-11-29',
      n: 3,
    });
  });

  it('shows the objection period of a notified credit listing, and none for a fresh candidate', () => {
    const system = { now, actor: { role: 'system' as const, id: 'system' }, calendar: chinaHolidayCalendar };
    const candidate = createCreditCandidate(
      { enterpriseId: 'e1', penaltyCaseId: 'c1', grounds: ['major_accident'] },
      system,
    );
    if (!candidate.ok) throw candidate.error;
    expect(creditListingTimeLimits(JSON.parse(JSON.stringify(candidate.state)), now)).toEqual([]);
    const notified = transitionCreditListing(
      candidate.state,
      { action: 'notify', servedOn: '2026-11-27' },
      { ...system, actor: { role: 'handler', id: 'h1' } },
    );
    if (!notified.ok) throw notified.error;
    const limits = creditListingTimeLimits(JSON.parse(JSON.stringify(notified.state)), now);
    expect(limits.map((d) => [d.kind, d.countsFrom])).toEqual([['objection', '2026-11-27']]);
  });
});
