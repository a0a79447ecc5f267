import { describe, expect, it } from 'vitest';
import { alarmColourLink, figureLink, indicatorLink, targetLink } from './cockpit-links.ts';

describe('the list behind each cockpit number', () => {
  it.each([
    ['accidentsThisMonth', { path: '/emergency/incidents', query: { status: 'all', month: '2026-11' } }],
    ['incidentsInProgress', { path: '/emergency/incidents', query: { status: 'open' } }],
    ['openMajorHazards', { path: '/hazards', query: { level: 'major', open: '1' } }],
    ['supervisedHazards', { path: '/hazards', query: { supervised: 'true', open: '1' } }],
    ['liveAlarms', { path: '/monitoring/alarms', query: { open: '1' } }],
    ['inspectionsThisMonth', { path: '/enforcement/inspections', query: { month: '2026-11' } }],
  ] as const)('%s opens %j', (key, link) => {
    expect(figureLink(key, '2026-11')).toEqual(link);
  });

  it('opens the open alarms of one colour', () => {
    expect(alarmColourLink('orange')).toEqual({
      path: '/monitoring/alarms',
      query: { open: '1', colour: 'orange' },
    });
  });

  it.each([
    ['monitoring_online_rate', { path: '/monitoring/quality' }],
    ['major_hazards_cleared', { path: '/hazards', query: { level: 'major', open: '1' } }],
    ['drills_held', { path: '/emergency/drills' }],
  ] as const)('target %s opens %j', (code, link) => expect(targetLink(code)).toEqual(link));

  it('opens the indicators page of the year', () => {
    expect(indicatorLink(2026)).toEqual({ path: '/statistics/indicators', query: { year: '2026' } });
  });
});
