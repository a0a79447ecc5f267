import { describe, expect, it } from 'vitest';
import { alarmColourLink, figureLink } from './cockpit-links.ts';

describe('the list behind each cockpit number', () => {
  it.each([
    ['accidentsThisMonth', { path: '/emergency/incidents', query: { status: 'all', month: '2026-11' } }],
    ['incidentsInProgress', { path: '/emergency/incidents', query: { status: 'open' } }],
    ['openMajorHazards', { path: '/hazards', query: { level: 'major', open: '1' } }],
    ['supervisedHazards', { path: '/hazards', query: { supervised: 'true', open: '1' } }],
    ['liveAlarms', { path: '/monitoring/alarms', query: { open: '1' } }],
    ['inspectionsThisMonth', { path: '/enforcement/plans' }],
  ] as const)('%s opens %j', (key, link) => {
    expect(figureLink(key, '2026-11')).toEqual(link);
  });

  it('opens the open alarms of one colour', () => {
    expect(alarmColourLink('orange')).toEqual({
      path: '/monitoring/alarms',
      query: { open: '1', colour: 'orange' },
    });
  });
});
