import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ffmpegBinary } from '../../platform/ffmpeg-binary.ts';

/** The playlist the test gateway's cameras name (their stream reference). */
export const TEST_PLAYLIST = 'index.m3u8';

export interface TestStream {
  /** The folder the playlist and segments are written to; null when ffmpeg is not running. */
  dir(): string | null;
  stop(): Promise<void>;
}

/**
 * The test gateway's stream: Debian's `ffmpeg` draws a test pattern (testsrc2 with a running clock)
 * and writes it as live HLS (H.264, one-second segments, the last six kept) into a folder of this
 * process. Without ffmpeg nothing runs and the test gateway's cameras are offline (离线) — the demo
 * never fails for it. ffmpeg is restarted after a crash, at most every ten seconds.
 */
export function startTestStream(options: {
  log: (level: 'info' | 'warn', message: string) => void;
  ffmpeg?: string;
}): TestStream {
  const ffmpeg = options.ffmpeg ?? ffmpegBinary();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'anjian-video-'));
  let child: ChildProcess | null = null;
  let running = false;
  let stopped = false;
  let restart: NodeJS.Timeout | null = null;

  const launch = () => {
    if (stopped) return;
    const proc = spawn(
      ffmpeg,
      [
        ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-re'],
        ...['-f', 'lavfi', '-i', 'testsrc2=size=426x240:rate=15'],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p'],
        ...['-g', '15', '-keyint_min', '15', '-sc_threshold', '0', '-b:v', '300k'],
        ...['-f', 'hls', '-hls_time', '1', '-hls_list_size', '6'],
        ...['-hls_flags', 'delete_segments+independent_segments+omit_endlist'],
        ...['-hls_segment_filename', path.join(dir, 'seg%06d.ts'), path.join(dir, TEST_PLAYLIST)],
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child = proc;
    running = true;
    let errorText = '';
    proc.stderr?.on('data', (chunk: Buffer) => {
      errorText = (errorText + chunk.toString()).slice(-500);
    });
    proc.on('error', (error: NodeJS.ErrnoException) => {
      running = false;
      child = null;
      if (error.code === 'ENOENT') {
        options.log('warn', 'video test stream: ffmpeg is not installed; the test cameras show offline');
        stopped = true;
      } else options.log('warn', `video test stream: ffmpeg could not start (${error.message})`);
    });
    proc.on('exit', (code, signal) => {
      running = false;
      if (child === proc) child = null;
      if (stopped) return;
      options.log('warn', `video test stream: ffmpeg ended (${code ?? signal}) ${errorText.trim()}`);
      restart = setTimeout(launch, 10_000);
      restart.unref();
    });
  };
  launch();

  return {
    dir: () => (running ? dir : null),
    async stop() {
      stopped = true;
      if (restart) clearTimeout(restart);
      const proc = child;
      if (proc && proc.exitCode === null) {
        const ended = new Promise((resolve) => proc.once('exit', resolve));
        proc.kill('SIGTERM');
        await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 3_000))]);
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
