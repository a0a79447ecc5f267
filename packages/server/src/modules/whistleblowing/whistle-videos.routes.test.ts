import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Caller, type TestContext } from '../../../test/test-app.ts';
import { insertEnterprise } from '../../../test/factories.ts';
import { ffmpegBinary } from '../../platform/ffmpeg-binary.ts';
import { durationFromLog } from '../uploads/video-sanitizer.ts';

const run = promisify(execFile);
const COUNTY = '530423';
const DEVICE = 'device-video-0123456789';
/** Where the phone was: 通海县 (WGS-84), as an iPhone writes it into a QuickTime movie. */
const GPS = '+24.1122+102.7601';

let t: TestContext;
let handler: Caller;
let enterpriseId: string;
let folder: string;

/** A phone-like movie: `seconds` of a test pattern with a tone, a GPS position, make and model. */
async function phoneMovie(name: string, seconds: number, size = '160x120'): Promise<Buffer> {
  const file = path.join(folder, name);
  await run(ffmpegBinary(), [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=${seconds > 60 ? 1 : 10}:duration=${seconds}`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
    ...['-c:v', 'mpeg4', '-c:a', 'aac', '-shortest'],
    ...['-metadata', `location=${GPS}/`, '-metadata', `com.apple.quicktime.location.ISO6709=${GPS}+012.000/`],
    ...['-metadata', 'com.apple.quicktime.make=Apple', '-metadata', 'com.apple.quicktime.model=iPhone 15'],
    ...[
      '-metadata',
      'creation_time=2026-12-01T08:30:00Z',
      '-metadata:s:v:0',
      'handler_name=Core Media Video',
    ],
    ...['-movflags', 'use_metadata_tags', '-f', 'mov', file],
  ]);
  return readFile(file);
}

const upload = (data: Buffer, type = 'video/quicktime') =>
  t.request({
    method: 'POST',
    url: `/api/v1/public/whistleblowing/videos?deviceId=${DEVICE}`,
    headers: { 'content-type': type },
    payload: data,
    remoteAddress: '198.51.100.23',
  });

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'anjian-video-test-'));
  t = await createTestContext({ WHISTLE_SUBMITS_PER_HOUR: '5' });
  enterpriseId = await insertEnterprise(t.db, {
    name: '通海视频举报测试有限公司',
    county: COUNTY,
    serial: 7301,
  });
  const user = await t.createUser({
    roles: ['county_officer'],
    scope: { kind: 'county', counties: [COUNTY] },
    totp: true,
  });
  handler = await t.sessionFor(user);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('a video with a public report', () => {
  it('is rewritten as an MP4 with no position, device, time or trailer, and plays on the staff page', async () => {
    const movie = await phoneMovie('phone.mov', 2);
    // The source really carries what must go: the position, the phone, and a trailer after the media.
    expect(movie.includes(Buffer.from(GPS))).toBe(true);
    expect(movie.includes(Buffer.from('iPhone 15'))).toBe(true);
    const sent = await upload(Buffer.concat([movie, Buffer.from(`TRAILER ${GPS} 13912345678`)]));
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ contentType: 'video/mp4', seconds: 2 });

    const stored = await t.db.query<{ data: Buffer; content_type: string; uploaded_by: string | null }>(
      'SELECT data, content_type, uploaded_by FROM uploads WHERE id = $1',
      [sent.json().id],
    );
    const data = stored.rows[0]!.data;
    expect(stored.rows[0]).toMatchObject({ content_type: 'video/mp4', uploaded_by: null });
    expect(data.toString('latin1', 4, 8)).toBe('ftyp');
    for (const gone of [
      GPS,
      '+24.11',
      'ISO6709',
      'iPhone',
      'Apple',
      'TRAILER',
      '13912345678',
      '2026-12-01',
      'Core Media',
    ])
      expect(data.includes(Buffer.from(gone)), gone).toBe(false);
    // Still the same two seconds of picture and sound.
    const copy = path.join(folder, 'stored.mp4');
    await writeFile(copy, data);
    const probe = await run(ffmpegBinary(), ['-hide_banner', '-i', copy, '-f', 'null', '-']).catch(
      (error: { stderr: string }) => ({ stderr: error.stderr }),
    );
    expect(durationFromLog(probe.stderr)).toBeCloseTo(2, 0);
    expect(probe.stderr).toMatch(/Stream #0:\d.*Video: mpeg4/);
    expect(probe.stderr).toMatch(/Stream #0:\d.*Audio: aac/);

    // Sent with a report, the staff's detail lists it among the photos and says it is a video.
    const report = await t.request({
      method: 'POST',
      url: '/api/v1/public/whistleblowing/reports',
      payload: {
        category: 'illegal_operation',
        description: '夜间无证动火作业，视频为现场拍摄',
        enterpriseId,
        photoIds: [sent.json().id],
        anonymous: true,
        deviceId: DEVICE,
      },
      remoteAddress: '198.51.100.23',
    });
    expect(report.statusCode, report.body).toBe(201);
    const list = await t.request({ method: 'GET', url: '/api/v1/whistleblowing/reports', as: handler });
    const item = list
      .json()
      .items.find((r: { queryCode: string }) => r.queryCode === report.json().queryCode);
    const detail = await t.request({
      method: 'GET',
      url: `/api/v1/whistleblowing/reports/${item.id}`,
      as: handler,
    });
    expect(detail.json()).toMatchObject({ photoIds: [sent.json().id], videoIds: [sent.json().id] });
    const played = await t.request({
      method: 'GET',
      url: `/api/v1/whistleblowing/reports/${item.id}/photos/${sent.json().id}`,
      as: handler,
    });
    expect(played.statusCode).toBe(200);
    expect(played.headers['content-type']).toBe('video/mp4');
    expect(played.rawPayload.equals(data)).toBe(true);
  });

  it('refuses what is not a phone video, a disguised page, a polyglot and a video too long, storing nothing', async () => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads');
    const cases: [Buffer, string, number, string][] = [
      [Buffer.from('<html><script>alert(1)</script></html>'), 'video/mp4', 400, 'upload.not_a_video'],
      [
        Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.alloc(200, 7)]),
        'video/mp4',
        400,
        'upload.not_a_video',
      ],
      [
        Buffer.concat([await phoneMovie('short.mov', 1), Buffer.from('<script>fetch("//x")</script>')]),
        'video/quicktime',
        400,
        'upload.polyglot',
      ],
      [await phoneMovie('long.mov', 181, '32x24'), 'video/quicktime', 413, 'upload.video_too_long'],
    ];
    for (const [data, type, status, code] of cases) {
      const refused = await upload(data, type);
      expect(refused.statusCode, code).toBe(status);
      expect(refused.json().error.code).toBe(code);
    }
    const long = await upload(await phoneMovie('long2.mov', 181, '32x24'), 'video/quicktime');
    expect(long.json().error.message).toBe('视频过长，请剪短到规定时长以内再上传');
    // A type the page does not send is not parsed at all.
    expect((await upload(Buffer.from('RIFF....AVI LIST'), 'video/x-msvideo')).statusCode).toBe(415);
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  }, 120_000);
});
