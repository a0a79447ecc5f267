import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import {
  chinaDate,
  closeSupervision,
  defaultLabelOf,
  reportHazard,
  reviewSupervision,
  transitionHazard,
  type HiddenHazardAction,
  type HiddenHazardActorKind,
  type HiddenHazardReportInput,
  type HiddenHazardState,
  type HiddenHazardTransition,
  type RecordLabel,
} from '@anjian/domain';
import type { Db, Queryable } from '../../platform/db.ts';
import { createHazardsRepository } from '../dual-prevention/hazards/hazards.repository.ts';
import { createUploadsRepository } from '../uploads/uploads.repository.ts';

const DAY = 86_400_000;

/** One step of a demo hazard's life: days before now, who acts, and what they do. */
export type DemoHazardStep =
  | [number, HiddenHazardActorKind, HiddenHazardAction]
  | [number, 'county' | 'city', { review: string } | { close: string; documentNo: string }];

export interface DemoHazard {
  enterpriseId: string;
  county: string;
  lonLat: [number, number] | null;
  source: HiddenHazardReportInput['source'];
  sourceRef?: string;
  location: string;
  description: string;
  category: string;
  tickedCriteria?: string[];
  majorJudgement?: string;
  /** Security label; 内部 when not given. */
  securityLabel?: RecordLabel;
  /** Days before now it was reported, and who reported it. */
  reported: [number, HiddenHazardActorKind];
  /** Deadline set at the report (限期整改), in days from now. */
  deadlineInDays?: number;
  steps: DemoHazardStep[];
}

/** A date `days` from now (negative: past) as the workflow writes deadlines. */
export const dayFrom = (now: Date, days: number) => chinaDate(new Date(now.getTime() + days * DAY));

/**
 * A small grey PNG that stands for a photo or a report in the demo (演示): real uploads, so that
 * the rectification and the evaluation report open like any other.
 */
function demoPng(): Buffer {
  const width = 64;
  const height = 48;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0xc8);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Runs a demo hazard through the domain's own steps at their instants; any refused step throws. */
export function demoHazardState(hazard: DemoHazard, author: string, now: Date): HiddenHazardState {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const [reportedDaysAgo, reporter] = hazard.reported;
  const reported = reportHazard(
    {
      source: hazard.source,
      tickedCriteria: hazard.tickedCriteria ?? [],
      ...(hazard.majorJudgement ? { majorJudgement: hazard.majorJudgement } : {}),
      ...(hazard.deadlineInDays !== undefined ? { deadline: dayFrom(now, hazard.deadlineInDays) } : {}),
    },
    { now: at(reportedDaysAgo), actor: { kind: reporter, id: author } },
  );
  if (!reported.ok) throw reported.error;
  let state = reported.state;
  for (const [daysAgo, kind, step] of hazard.steps) {
    const context = { now: at(daysAgo), actor: { kind, id: author } };
    let result: HiddenHazardTransition;
    if ('review' in step) result = reviewSupervision(state, { opinion: step.review, onSite: true }, context);
    else if ('close' in step)
      result = closeSupervision(state, { opinion: step.close, documentNo: step.documentNo }, context);
    else result = transitionHazard(state, step, context);
    if (!result.ok) throw result.error;
    state = result.state;
  }
  return state;
}

/** Demo photo uploads for an enterprise (演示), one per call. */
export async function demoUpload(
  tx: Queryable,
  owner: { county: string; enterpriseId: string },
  author: string,
  now: Date,
): Promise<string> {
  const data = demoPng();
  return createUploadsRepository(tx as Db).insert({
    contentType: 'image/png',
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    data,
    county: owner.county,
    enterpriseId: owner.enterpriseId,
    uploadedBy: author,
    createdAt: now,
  });
}

/**
 * Stores a demo hazard through the hazards repository, with the state its steps produced: a photo
 * of the hazard, and a photo (and for 重大 the evaluation report) with its rectification.
 */
export async function insertDemoHazard(
  tx: Queryable,
  hazard: DemoHazard,
  author: string,
  now: Date,
): Promise<string> {
  const owner = { county: hazard.county, enterpriseId: hazard.enterpriseId };
  const photo = await demoUpload(tx, owner, author, now);
  const steps: DemoHazardStep[] = [];
  for (const step of hazard.steps) {
    const [daysAgo, kind, action] = step;
    if ('action' in action && action.action === 'submit_rectification') {
      const evidence = await demoUpload(tx, owner, author, now);
      steps.push([
        daysAgo,
        kind,
        { ...action, photos: [evidence], ...(action.evaluationReport ? { evaluationReport: evidence } : {}) },
      ] as DemoHazardStep);
    } else steps.push(step);
  }
  const state = demoHazardState({ ...hazard, steps }, author, now);
  return createHazardsRepository(tx as Db).insert(tx, {
    enterpriseId: hazard.enterpriseId,
    county: hazard.county,
    source: hazard.source,
    sourceRef: hazard.sourceRef ?? null,
    locationText: hazard.location,
    lonLat: hazard.lonLat,
    description: hazard.description,
    category: hazard.category,
    photos: [photo],
    state,
    reportedBy: author,
    linkedPointIds: [],
    securityLabel: hazard.securityLabel ?? defaultLabelOf.hazard,
  });
}
