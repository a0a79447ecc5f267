import type { RouteLocationRaw } from 'vue-router';
import type { CockpitAlarmColour, CockpitFigures, PlanTargetCode } from '@anjian/domain';

export type CockpitFigureKey = keyof CockpitFigures;

/**
 * The list behind each cockpit number, with the filter that makes the list count the same rows
 * (the target pages read these query parameters on open).
 */
export function figureLink(key: CockpitFigureKey, month: string): RouteLocationRaw {
  switch (key) {
    case 'accidentsThisMonth':
      return { path: '/emergency/incidents', query: { status: 'all', month } };
    case 'incidentsInProgress':
      return { path: '/emergency/incidents', query: { status: 'open' } };
    case 'openMajorHazards':
      return { path: '/hazards', query: { level: 'major', open: '1' } };
    case 'supervisedHazards':
      return { path: '/hazards', query: { supervised: 'true', open: '1' } };
    case 'liveAlarms':
      return { path: '/monitoring/alarms', query: { open: '1' } };
    case 'inspectionsThisMonth':
      return { path: '/enforcement/inspections', query: { month } };
  }
}

/** Open alarms of one colour. */
export function alarmColourLink(colour: CockpitAlarmColour): RouteLocationRaw {
  return { path: '/monitoring/alarms', query: { open: '1', colour } };
}

/** The list behind each of the plan's other targets (the module that measures it). */
export function targetLink(code: PlanTargetCode): RouteLocationRaw {
  switch (code) {
    case 'monitoring_online_rate':
      return { path: '/monitoring/quality' };
    case 'major_hazards_cleared':
      return { path: '/hazards', query: { level: 'major', open: '1' } };
    case 'drills_held':
      return { path: '/emergency/drills' };
  }
}

/** The indicators page behind an indicator card (its trajectory by county and the year's figures). */
export function indicatorLink(year: number): RouteLocationRaw {
  return { path: '/statistics/indicators', query: { year: String(year) } };
}
