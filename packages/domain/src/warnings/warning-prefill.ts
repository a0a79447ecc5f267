import { capTime } from './cap-message.ts';
import { isSelfIntersecting, openRing, type GeoPoint, type WarningArea } from './warning-area.ts';
import { defaultWarningEventTypes, type WarningLevel } from './warning-catalogue.ts';
import type { WarningInput } from './warning.schema.ts';
import { defaultRecipientGroups } from './warning-recipients.ts';
import { alarmThresholdLevelNames, type AlarmThresholdLevel } from '../monitoring/monitoring-terms.ts';

/**
 * Pre-filled drafts (issue 15, "Pre-filled from"): the chain sensor alarm → consequence zone →
 * warning draft. The server gathers the facts through the monitoring and emergency ports; these
 * pure functions turn them into a draft the duty officer only reviews. Nothing here is stored: the
 * author still saves the draft, which keeps a link to its source.
 */

export const warningSourceKinds = ['alarm', 'incident', 'import'] as const;
export type WarningSourceKind = (typeof warningSourceKinds)[number];

/** What a monitoring alarm tells a warning: the site, the reading and the rule that fired. */
export interface AlarmFacts {
  id: string;
  county: string;
  /** Null for a natural-hazard site, which answers to a responsible unit (decision 0006). */
  enterpriseName: string | null;
  objectName: string;
  /** The regulated object's kind (major_hazard_source, tailings_pond …). */
  objectKind: string;
  position: GeoPoint | null;
  /** The outer ring of the object's area (a forest-fire risk area), when it has one. */
  objectArea?: GeoPoint[] | null;
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

/**
 * A tailings pond's alarm is a 尾矿库 warning, a geological-hazard site's (rain or displacement) a
 * 地质灾害 one, a forest-fire risk area's a 森林火险 one; every other site's a 危化品泄漏 one.
 */
export function eventTypeOfAlarm(objectKind: string): string {
  if (objectKind === 'geo_hazard_site') return 'geohazard';
  if (objectKind === 'forest_fire_area') return 'forest_fire';
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
    polygon: facts.objectArea && facts.objectArea.length >= 4 ? thinRing(facts.objectArea) : null,
    circle: facts.position ? { center: facts.position, radiusKm: ALARM_RADIUS_KM } : null,
  };
}

/** A draft from a monitoring alarm: the site, the reading, the rule that fired. */
export function warningDraftFromAlarm(facts: AlarmFacts, now: Date): PrefilledDraft {
  const site = `${facts.enterpriseName ?? ''}${facts.objectName}`;
  const value = reading(facts);
  const natural = facts.enterpriseName === null;
  return {
    source: { kind: 'alarm', id: facts.id, label: `${site} ${facts.pointName}` },
    draft: {
      eventType: eventTypeOfAlarm(facts.objectKind),
      level: levelOfAlarm(facts),
      ...timesFrom(now, 6),
      audience: natural ? '受威胁群众及责任单位' : '周边企业及群众',
      contact: '',
      area: alarmArea(facts),
      recipientGroups: [...defaultRecipientGroups],
      info: {
        zh: {
          headline: `${site}监测报警预警`,
          description:
            `${capTime(facts.firedAt).slice(0, 16).replace('T', ' ')}，${site}监测点“${facts.pointName}”` +
            `${value ? `读数${value}，` : ''}达到${thresholdName(facts, 'zh')}，触发报警。`,
          instruction: natural
            ? '受威胁群众请按避险转移预案立即转移，远离隐患点，听从责任单位指挥。'
            : '周边人员请关闭门窗，听从现场指挥，做好撤离准备。',
        },
        en: {
          headline: `Monitoring alarm at ${facts.enterpriseName ?? facts.objectName}`,
          description:
            `Point "${facts.pointName}" at ${facts.objectName}` +
            `${value ? ` read ${value}` : ''} and reached its ${thresholdName(facts, 'en').toLowerCase()} setting, raising an alarm.`,
          instruction: natural
            ? 'People at risk: move to safety under the evacuation plan, keep away from the site and follow the responsible unit.'
            : 'Close doors and windows, follow the on-site command and be ready to evacuate.',
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

/** One `<info>` block of a received CAP message, as the server read it. */
export interface IncomingCapInfo {
  language: string;
  /** `<senderName>`: the sender as people know it (may be empty). */
  senderName: string;
  event: string;
  severity: string;
  audience: string;
  onset: string;
  expires: string;
  headline: string;
  description: string;
  instruction: string;
  /** Every `<polygon>` and `<circle>` text and `<geocode><value>` of its areas. */
  polygons: string[];
  circles: string[];
  geocodes: string[];
}

/** A warning received from outside (the meteorological or natural-resources bureau). */
export interface IncomingCapFacts {
  id: string;
  identifier: string;
  sender: string;
  sent: string;
  effective: string;
  infos: IncomingCapInfo[];
}

/** CAP severity → the four-colour level (the inverse of the default mapping; Unknown → yellow). */
export function levelOfCapSeverity(severity: string): WarningLevel {
  const levels: Record<string, WarningLevel> = {
    Extreme: 'red',
    Severe: 'orange',
    Moderate: 'yellow',
    Minor: 'blue',
  };
  return levels[severity] ?? 'yellow';
}

/**
 * The bureau's event type for a received event: the type whose Chinese or English name the event
 * contains (暴雨橙色预警 → rainstorm), else by keyword (滑坡/泥石流 → geohazard, 雨 → rainstorm,
 * 风 → gale, 火 → forest_fire), else 地质灾害. The author may change it in the form.
 */
export function eventTypeOfCapEvent(event: string): string {
  const text = event.toLowerCase();
  const known = defaultWarningEventTypes.find(
    (type) => event.includes(type.zh) || text.includes(type.en.toLowerCase()),
  );
  if (known) return known.code;
  if (/滑坡|泥石流|崩塌|landslide|debris/i.test(event)) return 'geohazard';
  if (/雨|rain|flood|洪/i.test(event)) return 'rainstorm';
  if (/风|wind|gale/i.test(event)) return 'gale';
  if (/火|fire/i.test(event)) return 'forest_fire';
  return 'geohazard';
}

const parsePoint = (text: string): GeoPoint | null => {
  const [lat, lon] = text.split(',').map(Number);
  return lat !== undefined &&
    lon !== undefined &&
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180
    ? { lat, lon }
    : null;
};

/** A CAP polygon text ("lat,lon lat,lon …") as an open ring, or null when it is not a usable ring. */
export function ringOfCapPolygon(text: string): GeoPoint[] | null {
  const points = text.trim().split(/\s+/).map(parsePoint);
  if (points.some((p) => p === null)) return null;
  const ring = thinRing(openRing(points as GeoPoint[]));
  const distinct = new Set(ring.map((p) => `${p.lat},${p.lon}`));
  if (ring.length < 3 || distinct.size !== ring.length || isSelfIntersecting(ring)) return null;
  return ring;
}

function circleOfCap(text: string): WarningArea['circle'] {
  const [point, radius] = text.trim().split(/\s+/);
  const center = point ? parsePoint(point) : null;
  const radiusKm = Number(radius);
  return center && radiusKm > 0 && radiusKm <= 500 ? { center, radiusKm } : null;
}

/**
 * The area of a received message in the bureau's terms: GB/T 2260 geocodes that name a Yuxi county
 * (or a township code, 9 or 12 digits, whose county is one) become counties and townships; the first
 * usable polygon and circle are kept. `isCounty` / `isTownship` look codes up in the division table.
 */
export function areaOfIncomingCap(
  infos: readonly IncomingCapInfo[],
  isCounty: (code: string) => boolean,
  isTownship: (code: string) => boolean,
): WarningArea {
  const counties = new Set<string>();
  const townships = new Set<string>();
  let polygon: GeoPoint[] | null = null;
  let circle: WarningArea['circle'] = null;
  for (const info of infos) {
    for (const raw of info.geocodes) {
      const code = raw.trim();
      if (/^\d{6}$/.test(code) && isCounty(code)) counties.add(code);
      else if (/^\d{9}(\d{3})?$/.test(code)) {
        if (isTownship(code.slice(0, 9))) townships.add(code.slice(0, 9));
        else if (isCounty(code.slice(0, 6))) counties.add(code.slice(0, 6));
      }
    }
    for (const text of info.polygons) polygon ??= ringOfCapPolygon(text);
    for (const text of info.circles) circle ??= circleOfCap(text);
  }
  for (const code of townships) if (counties.has(code.slice(0, 6))) townships.delete(code);
  return { counties: [...counties].sort(), townships: [...townships].sort(), polygon, circle };
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function blockOf(info: IncomingCapInfo) {
  const headline = clip(info.headline || info.event, 160);
  return {
    headline,
    description: clip(info.description || headline, 4000),
    instruction: clip(info.instruction, 2000),
  };
}

/**
 * A bureau warning forwarded from a received CAP message: event, level from its severity, the texts
 * of its zh-CN (and en) `<info>`, its area mapped to counties where the geocodes allow, its onset and
 * expiry. The caller has already refused an expired or cancelled message.
 */
export function warningDraftFromCap(facts: IncomingCapFacts, area: WarningArea, now: Date): PrefilledDraft {
  const zhInfo =
    facts.infos.find((info) => info.language.toLowerCase().startsWith('zh')) ??
    facts.infos.find((info) => !info.language.toLowerCase().startsWith('en')) ??
    facts.infos[0]!;
  const enInfo = facts.infos.find((info) => info.language.toLowerCase().startsWith('en')) ?? null;
  const onsetText = zhInfo.onset || facts.effective || facts.sent;
  const onset = Number.isNaN(Date.parse(onsetText)) ? now : new Date(onsetText);
  const expires = zhInfo.expires ? new Date(zhInfo.expires) : new Date(onset.getTime() + 24 * HOUR);
  return {
    // People know the sender by its name and the message by when it was sent, not by their CAP ids.
    source: {
      kind: 'import',
      id: facts.id,
      label: `${zhInfo.senderName || facts.sender} ${facts.sent.slice(0, 16).replace('T', ' ')}`,
    },
    draft: {
      eventType: eventTypeOfCapEvent(zhInfo.event),
      level: levelOfCapSeverity(zhInfo.severity),
      onset: capTime(onset),
      expires: capTime(expires),
      audience: clip(zhInfo.audience || '辖区企业', 200),
      contact: '',
      area,
      recipientGroups: [...defaultRecipientGroups],
      info: { zh: blockOf(zhInfo), en: enInfo && enInfo !== zhInfo ? blockOf(enInfo) : null },
    },
  };
}
