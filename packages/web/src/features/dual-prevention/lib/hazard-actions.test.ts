import { describe, expect, it } from 'vitest';
import { availableHazardActions, availableSupervisionSteps, hazardActorKindOf } from './hazard-actions.ts';

const enterpriseUser = {
  scope: { kind: 'enterprise', enterpriseId: '6f1c0b8e-6a43-4a55-9d1e-0d2f2b8b8a01', county: '530403' },
  roles: ['enterprise_manager'],
  permissions: ['hazard:read', 'hazard:report'],
} as const;
const countyOfficer = {
  scope: { kind: 'county', counties: ['530403'] },
  roles: ['county_officer'],
  permissions: ['hazard:read', 'hazard:supervise'],
} as const;
const cityOfficer = { ...countyOfficer, scope: { kind: 'city' } } as const;
const inspector = {
  scope: { kind: 'county', counties: ['530403'] },
  roles: ['inspector'],
  permissions: ['hazard:read', 'enforcement:write'],
} as const;
const expert = { ...countyOfficer, roles: ['expert'], permissions: ['hazard:read'] } as const;

const major = { level: 'major', source: 'self_check' } as const;
const general = { level: 'general', source: 'self_check' } as const;

describe('the actions a user is offered on a hazard', () => {
  it('derives the party as the server does', () => {
    expect(hazardActorKindOf(enterpriseUser)).toBe('enterprise');
    expect(hazardActorKindOf(countyOfficer)).toBe('county');
    expect(hazardActorKindOf(cityOfficer)).toBe('city');
    expect(hazardActorKindOf(inspector)).toBe('inspector');
  });

  it('lets the enterprise plan a reported hazard and the county list a major one or dismiss it', () => {
    const hazard = { ...major, status: 'reported' } as const;
    expect(availableHazardActions(hazard, enterpriseUser)).toEqual(['submit_plan']);
    expect(availableHazardActions(hazard, countyOfficer)).toEqual(['list_supervision', 'dismiss']);
    expect(availableHazardActions({ ...general, status: 'reported' }, enterpriseUser)).toEqual([
      'submit_plan',
      'reclassify',
    ]);
  });

  it('offers no listing once the county listed it, but lets the city take it over', () => {
    const listed = {
      ...major,
      status: 'rectifying',
      supervision: { level: 'county', listedAt: '2026-11-29T02:00:00Z', listedBy: 'x' },
    } as const;
    expect(availableHazardActions(listed, countyOfficer)).toEqual([]);
    expect(availableHazardActions(listed, cityOfficer)).toEqual(['list_supervision']);
    expect(availableHazardActions(listed, enterpriseUser)).toEqual([
      'request_extension',
      'report_progress',
      'submit_rectification',
    ]);
  });

  it('gives acceptance of a listed major hazard to the listing level only', () => {
    const pending = {
      ...major,
      status: 'pending_acceptance',
      supervision: { level: 'county', listedAt: '2026-11-29T02:00:00Z', listedBy: 'x' },
    } as const;
    expect(availableHazardActions(pending, countyOfficer)).toEqual(['accept', 'reject']);
    expect(availableHazardActions(pending, cityOfficer)).toEqual(['list_supervision']);
    expect(availableHazardActions(pending, enterpriseUser)).toEqual([]);
  });

  it('lets the enterprise accept its own general hazard, and an inspector one found by inspection', () => {
    expect(availableHazardActions({ ...general, status: 'pending_acceptance' }, enterpriseUser)).toEqual([
      'accept',
      'reject',
    ]);
    const inspected = { level: 'general', source: 'inspection', status: 'pending_acceptance' } as const;
    expect(availableHazardActions(inspected, inspector)).toEqual(['accept', 'reject']);
    expect(availableHazardActions(inspected, enterpriseUser)).toEqual([]);
  });

  it('offers the extension decision only while a request waits', () => {
    const asked = {
      ...major,
      status: 'rectifying',
      extensionRequest: {
        deadline: '2027-01-31',
        reason: '设备到货延迟',
        requestedAt: 'x',
        requestedBy: 'y',
      },
    } as const;
    expect(availableHazardActions(asked, countyOfficer)).toEqual(['list_supervision', 'decide_extension']);
    expect(availableHazardActions(asked, enterpriseUser)).toEqual([
      'report_progress',
      'submit_rectification',
    ]);
  });

  it('offers nothing on a closed hazard or to a reader without an acting permission', () => {
    expect(availableHazardActions({ ...major, status: 'closed' }, countyOfficer)).toEqual([]);
    expect(availableHazardActions({ ...major, status: 'reported' }, expert)).toEqual([]);
  });

  it('gives 督办检查 while open and 核销 once accepted to the listing department only', () => {
    const listed = { level: 'county', listedAt: '2026-11-29T02:00:00Z', listedBy: 'x' } as const;
    expect(availableSupervisionSteps({ status: 'rectifying', supervision: listed }, countyOfficer)).toEqual([
      'review_supervision',
    ]);
    expect(availableSupervisionSteps({ status: 'closed', supervision: listed }, countyOfficer)).toEqual([
      'close_supervision',
    ]);
    expect(availableSupervisionSteps({ status: 'closed', supervision: listed }, cityOfficer)).toEqual([]);
    expect(availableSupervisionSteps({ status: 'closed', supervision: listed }, enterpriseUser)).toEqual([]);
    expect(
      availableSupervisionSteps(
        { status: 'closed', supervision: { ...listed, closedAt: '2026-12-20T02:00:00Z' } },
        countyOfficer,
      ),
    ).toEqual([]);
    expect(availableSupervisionSteps({ status: 'rectifying' }, countyOfficer)).toEqual([]);
  });
});
