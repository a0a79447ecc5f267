import { describe, expect, it } from 'vitest';
import { availableHiddenHazardActions } from './hidden-hazard-available-actions.ts';

const acting = { mayAct: true, maySupervise: false };
const supervising = { mayAct: true, maySupervise: true };
const readerOnly = { mayAct: false, maySupervise: false };

const major = { level: 'major', source: 'self_check' } as const;
const general = { level: 'general', source: 'self_check' } as const;
const listedByCounty = { level: 'county', listedAt: '2026-11-29T02:00:00Z', listedBy: 'x' } as const;

describe('the actions a party is offered on a hazard', () => {
  it('lets the enterprise plan a reported hazard and the county list a major one or dismiss it', () => {
    const hazard = { ...major, status: 'reported' } as const;
    expect(availableHiddenHazardActions(hazard, 'enterprise', acting)).toEqual(['submit_plan']);
    expect(availableHiddenHazardActions(hazard, 'county', supervising)).toEqual([
      'list_supervision',
      'dismiss',
    ]);
    expect(availableHiddenHazardActions({ ...general, status: 'reported' }, 'enterprise', acting)).toEqual([
      'submit_plan',
      'reclassify',
    ]);
  });

  it('offers no listing once the county listed it, but lets the city take it over', () => {
    const listed = { ...major, status: 'rectifying', supervision: listedByCounty } as const;
    expect(availableHiddenHazardActions(listed, 'county', { mayAct: true, maySupervise: false })).toEqual([]);
    expect(availableHiddenHazardActions(listed, 'city', acting)).toEqual(['list_supervision']);
    expect(availableHiddenHazardActions(listed, 'enterprise', acting)).toEqual([
      'request_extension',
      'report_progress',
      'submit_rectification',
    ]);
  });

  it('gives acceptance of a listed major hazard to the listing level only', () => {
    const pending = { ...major, status: 'pending_acceptance', supervision: listedByCounty } as const;
    expect(availableHiddenHazardActions(pending, 'county', acting)).toEqual(['accept', 'reject']);
    expect(availableHiddenHazardActions(pending, 'city', acting)).toEqual(['list_supervision']);
    expect(availableHiddenHazardActions(pending, 'enterprise', acting)).toEqual([]);
  });

  it('lets the enterprise accept its own general hazard, and an inspector one found by inspection', () => {
    expect(
      availableHiddenHazardActions({ ...general, status: 'pending_acceptance' }, 'enterprise', acting),
    ).toEqual(['accept', 'reject']);
    const inspected = { level: 'general', source: 'inspection', status: 'pending_acceptance' } as const;
    expect(availableHiddenHazardActions(inspected, 'inspector', acting)).toEqual(['accept', 'reject']);
    expect(availableHiddenHazardActions(inspected, 'enterprise', acting)).toEqual([]);
  });

  it('offers the extension decision only while a request waits', () => {
    const asked = {
      ...major,
      status: 'rectifying',
      extensionRequest: { deadline: '2027-01-31', reason: '设备到货延迟' },
    } as const;
    expect(availableHiddenHazardActions(asked, 'county', acting)).toEqual([
      'list_supervision',
      'decide_extension',
    ]);
    expect(availableHiddenHazardActions(asked, 'enterprise', acting)).toEqual([
      'report_progress',
      'submit_rectification',
    ]);
  });

  it('offers nothing on a closed hazard or to a reader without an acting permission', () => {
    expect(availableHiddenHazardActions({ ...major, status: 'closed' }, 'county', acting)).toEqual([]);
    expect(availableHiddenHazardActions({ ...major, status: 'reported' }, 'county', readerOnly)).toEqual([]);
  });

  it('gives 督办检查 while open and 核销 once accepted to the listing department only', () => {
    const open = { ...major, status: 'rectifying', supervision: listedByCounty } as const;
    const closed = { ...major, status: 'closed', supervision: listedByCounty } as const;
    expect(availableHiddenHazardActions(open, 'county', supervising)).toEqual(['review_supervision']);
    expect(availableHiddenHazardActions(closed, 'county', supervising)).toEqual(['close_supervision']);
    expect(availableHiddenHazardActions(closed, 'city', supervising)).toEqual([]);
    expect(availableHiddenHazardActions(closed, 'enterprise', acting)).toEqual([]);
    expect(
      availableHiddenHazardActions(
        { ...closed, supervision: { ...listedByCounty, closedAt: '2026-12-20T02:00:00Z' } },
        'county',
        supervising,
      ),
    ).toEqual([]);
    expect(
      availableHiddenHazardActions({ ...major, status: 'rectifying' }, 'county', {
        mayAct: false,
        maySupervise: true,
      }),
    ).toEqual([]);
  });
});
