import { spawn } from 'node:child_process';
import { DomainError } from '@anjian/domain';
import { ffmpegBinary } from '../../platform/ffmpeg-binary.ts';

const LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * One frame of a stream as a JPEG, by Debian's `ffmpeg` (`-frames:v 1` from the HLS playlist, a
 * local file or an http address). Throws `video.snapshot_failed` when ffmpeg is missing, the
 * stream gives no frame within `timeoutMs`, or the picture is empty.
 */
export function grabFrame(
  input: string,
  options: { ffmpeg?: string; timeoutMs?: number } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      options.ffmpeg ?? ffmpegBinary(),
      [
        ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
        ...['-protocol_whitelist', 'file,http,https,tcp,tls,crypto', '-rw_timeout', '5000000'],
        ...['-i', input, '-frames:v', '1', '-q:v', '3', '-f', 'image2', '-c:v', 'mjpeg', 'pipe:1'],
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const chunks: Buffer[] = [];
    let size = 0;
    const failed = () => reject(new DomainError('video.snapshot_failed'));
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
    }, options.timeoutMs ?? 15_000);
    proc.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > LIMIT_BYTES) proc.kill('SIGKILL');
      else chunks.push(chunk);
    });
    proc.on('error', () => {
      clearTimeout(timer);
      failed();
    });
    proc.on('close', (code) => {
      clearTimeout(timer);
      const data = Buffer.concat(chunks);
      if (code === 0 && data.length > 0 && size <= LIMIT_BYTES) resolve(data);
      else failed();
    });
  });
}
