import { capTime } from './cap-message.ts';
import type { GeoPoint, WarningArea } from './warning-area.ts';
import type { WarningLevel } from './warning-catalogue.ts';
import type { WarningInput } from './warning.schema.ts';
import { defaultRecipientGroups } from './warning-recipients.ts';
import { alarmThresholdLevelNames, type AlarmThresholdLevel } from '../monitoring/monitoring-terms.ts';

/**
 * Pre-filled drafts (issue 15, "Pre-filled from"): the chain sensor alarm → consequence zone →
 * warning draft. The server gathers the facts through the monitoring and emergency ports; these
 * pure functions turn them into a draft the duty officer only reviews. Nothing here is stored: the
 * author still saves the draft, which keeps a link to its source.
 */

export const warningSourceKinds = ['alarm', 'incident'] as const;
export type WarningSourceKind = (typeof warningSourceKinds)[number];

/** What a monitoring alarm tells a warning: the site, the reading and the rule that fired. */
export interface AlarmFacts {
  id: string;
  county: string;
  enterpriseName: string;
  objectName: string;
  /** The regulated object's kind (major_hazard_source, tailings_pond …). */
  objectKind: string;
  position: GeoPoint | null;
  pointName: string;
  value: number | null;
  unit: string;
  /** The rule that fired, e.g. `combustible_gas.h`, with its level (H, HH) or colour. */
  ruleId: string;
  level: string | null;
  colour: string | null;
  firedAt: Date;
}

/** An incident and the consequence zone its 辅助决策 panel drew. */
export interface ZoneFacts {
  id: string;
  county: string;
  location: string;
  enterpriseName: string | null;
  site: GeoPoint;
  /** The outer footprint (open ring), or null when the model drew circles only. */
  footprint: GeoPoint[] | null;
  evacuationRadiusM: number;
  chemical: string;
}

export interface PrefilledDraft {
  draft: WarningInput;
  source: { kind: WarningSourceKind; id: string; label: string };
}

const HOUR = 3_600_000;
/** A site alarm warns the neighbourhood first: 1 km around the site until the zone is modelled. */
const ALARM_RADIUS_KM = 1;
const MAX_RING = 500;
const fourColours: readonly string[] = ['red', 'orange', 'yellow', 'blue'];

/** The four-colour level an alarm calls for: its colour when it has one, else HH → orange, H → yellow. */
export function levelOfAlarm(facts: Pick<AlarmFacts, 'level' | 'colour'>): WarningLevel {
  if (facts.colour && fourColours.includes(facts.colour)) return facts.colour as WarningLevel;
  if (facts.level === 'HH' || facts.level === 'LL') return 'orange';
  return 'yellow';
}

/** A tailings pond's alarm is a 尾矿库 warning; every other site's a 危化品泄漏 one. */
export function eventTypeOfAlarm(objectKind: string): string {
  return objectKind === 'tailings_pond' ? 'tailings_dam' : 'hazchem_leak';
}

const timesFrom = (at: Date, hours: number) => ({
  onset: capTime(at),
  expires: capTime(new Date(at.getTime() + hours * HOUR)),
});

const reading = (facts: AlarmFacts) =>
  facts.value === null ? '' : `${facts.value}${facts.unit ? ` ${facts.unit}` : ''}`;

function alarmArea(facts: AlarmFacts): WarningArea {
  return {
    counties: [facts.county],
    townships: [],
    polygon: null,
    circle: facts.position ? { center: facts.position, radiusKm: ALARM_RADIUS_KM } : null,
  };
}

/** A draft from a monitoring alarm: the site, the reading, the rule that fired. */
export function warningDraftFromAlarm(facts: AlarmFacts, now: Date): PrefilledDraft {
  const site = `${facts.enterpriseName}${facts.objectName}`;
  const value = reading(facts);
  return {
    source: { kind: 'alarm', id: facts.id, label: `${site} ${facts.pointName}` },
    draft: {
      eventType: eventTypeOfAlarm(facts.objectKind),
      level: levelOfAlarm(facts),
      ...timesFrom(now, 6),
      audience: '周边企业及群众',
      contact: '',
      area: alarmArea(facts),
      recipientGroups: [...defaultRecipientGroups],
      info: {
        zh: {
          headline: `${site}监测报警预警`,
          description:
            `${capTime(facts.firedAt).slice(0, 16).replace('T', ' ')}，${site}监测点“${facts.pointName}”` +
            `${value ? `读数${value}，` : ''}达到${thresholdName(facts, 'zh')}，触发报警。`,
          instruction: '周边人员请关闭门窗，听从现场指挥，做好撤离准备。',
        },
        en: {
          headline: `Monitoring alarm at ${facts.enterpriseName}`,
          description:
            `Point "${facts.pointName}" at ${facts.objectName}` +
            `${value ? ` read ${value}` : ''} and reached its ${thresholdName(facts, 'en').toLowerCase()} setting, raising an alarm.`,
          instruction: 'Close doors and windows, follow the on-site command and be ready to evacuate.',
        },
      },
    },
  };
}

/** The threshold that fired, in words (高高限, 红色预警阈值 …) — never the rule's code. */
function thresholdName(facts: AlarmFacts, language: 'zh' | 'en'): string {
  const key = (facts.level ?? facts.colour) as AlarmThresholdLevel | null;
  const names = key ? alarmThresholdLevelNames[key] : undefined;
  return names ? names[language] : language === 'zh' ? '报警阈值' : 'alarm threshold';
}

/** Keeps at most MAX_RING corners (every n-th), so a fine footprint still fits a CAP polygon. */
export function thinRing(ring: readonly GeoPoint[], max = MAX_RING): GeoPoint[] {
  if (ring.length <= max) return ring.map(roundPoint);
  const step = Math.ceil(ring.length / max);
  return ring.filter((_, i) => i % step === 0).map(roundPoint);
}

const roundPoint = (p: GeoPoint): GeoPoint => ({
  lat: Math.round(p.lat * 1e5) / 1e5,
  lon: Math.round(p.lon * 1e5) / 1e5,
});

/** A draft from an incident's consequence zone: the footprint polygon and evacuation radius become the CAP area. */
export function warningDraftFromZone(facts: ZoneFacts, now: Date): PrefilledDraft {
  const radiusKm = Math.max(0.01, Math.round(facts.evacuationRadiusM) / 1000);
  const place = facts.enterpriseName ?? facts.location;
  const ring = facts.footprint && facts.footprint.length >= 3 ? thinRing(facts.footprint) : null;
  return {
    source: { kind: 'incident', id: facts.id, label: `${place} ${facts.chemical}` },
    draft: {
      eventType: 'hazchem_leak',
      level: radiusKm >= 1 ? 'red' : 'orange',
      ...timesFrom(now, 12),
      audience: '疏散范围内的企业、学校、医院及群众',
      contact: '',
      area: {
        counties: [facts.county],
        townships: [],
        polygon: ring,
        circle: { center: roundPoint(facts.site), radiusKm },
      },
      // Who must move: schools and hospitals in the zone as well as enterprises and officers.
      recipientGroups: [...defaultRecipientGroups, 'schools', 'hospitals'],
      info: {
        zh: {
          headline: `${place}${facts.chemical}泄漏预警`,
          description: `${facts.location}发生${facts.chemical}泄漏，后果模型估算疏散半径约${Math.round(facts.evacuationRadiusM)}米。`,
          instruction: `疏散半径内人员请立即向上风向撤离，关闭门窗，切勿靠近现场。`,
        },
        en: {
          headline: `${facts.chemical} release warning`,
          description: `A release at ${facts.location}; the consequence model puts the evacuation radius at about ${Math.round(facts.evacuationRadiusM)} m.`,
          instruction: 'Within the radius, move upwind at once, close windows and keep away from the site.',
        },
      },
    },
  };
}
