import { createRequire } from 'node:module';

/**
 * The ffmpeg the platform runs (the video test gateway's stream, snapshots, uploaded videos rewritten
 * without metadata): FFMPEG_PATH when set, else the static build shipped as an npm package (`@ffmpeg-installer/ffmpeg`, so that a fresh
 * `npm install` plays the demo cameras and runs the tests without a system package), else
 * Debian's `ffmpeg` on the PATH.
 */
export function ffmpegBinary(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FFMPEG_PATH) return env.FFMPEG_PATH;
  try {
    const shipped = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string };
    return shipped.path;
  } catch {
    return 'ffmpeg';
  }
}
