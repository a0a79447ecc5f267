/**
 * A video sent with a whistleblowing report (a phone's MP4 or QuickTime MOV) is written again by
 * ffmpeg before anyone sees it: the first video and the first audio stream are copied (no decoding,
 * no quality lost) into a new MP4 with no metadata at all — no container or stream tags (the
 * phone's GPS `location` / `com.apple.quicktime.location.ISO6709`, its make and model, the creation
 * time), no chapters, no timed-metadata or data tracks, nothing after the media. A file that is not
 * such a video, is also something else (a polyglot), or runs longer than allowed is refused.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError } from '@anjian/domain';
import { ffmpegBinary } from '../../platform/ffmpeg-binary.ts';
import { polyglotKind } from './polyglot.ts';

export interface SanitizedVideo {
  type: 'video/mp4';
  data: Buffer;
  /** Length in seconds, as ffmpeg read it. */
  seconds: number;
}

export interface VideoLimits {
  /** Longest video accepted, in seconds. */
  maxSeconds: number;
  /** How long ffmpeg may take before the upload is refused. */
  timeoutMs?: number;
}

/** ISO base media (MP4, MOV, 3GP): a box whose type is `ftyp` opens the file. */
export function looksLikeIsoMedia(data: Buffer): boolean {
  return data.length > 12 && data.toString('latin1', 4, 8) === 'ftyp';
}

/** `Duration: 00:01:02.50` in ffmpeg's description of its input, in seconds; null when absent. */
export function durationFromLog(log: string): number | null {
  const match = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(log);
  if (!match) return null;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

function run(args: string[], timeoutMs: number): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve) => {
    const proc = spawn(ffmpegBinary(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    proc.stderr.on('data', (chunk: Buffer) => {
      if (log.length < 64 * 1024) log += chunk.toString('utf8');
    });
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.on('error', () => {
      clearTimeout(timer);
      resolve({ code: null, log });
    });
    proc.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, log });
    });
  });
}

/**
 * The video rewritten as an MP4 without metadata, or a coded refusal: `upload.not_a_video`,
 * `upload.polyglot`, `upload.video_too_long`.
 */
export async function sanitizeVideo(data: Buffer, limits: VideoLimits): Promise<SanitizedVideo> {
  if (!looksLikeIsoMedia(data)) throw new DomainError('upload.not_a_video');
  if (polyglotKind(data)) throw new DomainError('upload.polyglot');
  const folder = await mkdtemp(path.join(tmpdir(), 'anjian-video-'));
  try {
    const input = path.join(folder, 'in');
    const output = path.join(folder, 'out.mp4');
    await writeFile(input, data);
    const { code, log } = await run(
      [
        ...['-hide_banner', '-nostdin', '-y', '-protocol_whitelist', 'file'],
        ...['-f', 'mov,mp4,m4a,3gp,3g2,mj2', '-i', input],
        // The first video stream and, if there is one, the first audio stream; nothing else.
        ...['-map', '0:v:0', '-map', '0:a:0?', '-c', 'copy', '-dn', '-sn'],
        ...['-map_metadata', '-1', '-map_metadata:s', '-1', '-map_chapters', '-1'],
        ...['-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'],
        ...['-movflags', '+faststart', '-f', 'mp4', output],
      ],
      limits.timeoutMs ?? 60_000,
    );
    const seconds = durationFromLog(log);
    if (code !== 0 || seconds === null) throw new DomainError('upload.not_a_video');
    if (seconds > limits.maxSeconds)
      throw new DomainError('upload.video_too_long', {
        details: { seconds: Math.round(seconds), maxSeconds: limits.maxSeconds },
      });
    return { type: 'video/mp4', data: await readFile(output), seconds };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
