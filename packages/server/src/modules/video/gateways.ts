import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  DomainError,
  TEST_GATEWAY_ID,
  type VideoGateway,
  type VideoGatewayConfig,
  type VideoGatewayKind,
} from '@anjian/domain';

/** What the platform needs of a camera to reach its stream. */
export interface StreamTarget {
  code: string;
  streamRef: string;
}

/**
 * The one port behind which every gateway sits: is the camera's stream up, and the HLS playlist a
 * browser plays. `play` throws `video.gateway_unavailable` when the gateway cannot give one.
 */
export interface VideoGatewayAdapter {
  readonly id: string;
  readonly name: string;
  readonly kind: VideoGatewayKind;
  /** Origins a browser fetches the playlists and segments from (for the CSP); none when same-origin. */
  readonly mediaOrigins: readonly string[];
  probe(target: StreamTarget): Promise<boolean>;
  play(target: StreamTarget): Promise<string>;
}

const TIMEOUT_MS = 4_000;

function unavailable(): DomainError {
  return new DomainError('video.gateway_unavailable');
}

/** A gateway's JSON answer: `code` 0 for success, the payload in `data`. */
interface Answer {
  code?: unknown;
  data?: unknown;
}

async function getJson(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ json: Answer; headers: Headers }> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw unavailable();
  const json = (await response.json()) as unknown;
  return { json: json !== null && typeof json === 'object' ? json : {}, headers: response.headers };
}

/** The fields of an object answer (nothing of anything else). */
const fieldsOf = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * WVP-GB28181-pro's HTTP API (co-governance-and-obligations.md §7.1): sign in with the password's
 * MD5 for an access token, then play a device's channel; every answer is `{code, msg, data}` with
 * code 0 for success. A token refused (code 401) is renewed once.
 */
export class WvpGateway implements VideoGatewayAdapter {
  readonly kind = 'wvp' as const;
  readonly id: string;
  readonly name: string;
  readonly mediaOrigins: readonly string[];
  private readonly base: string;
  private token: string | null = null;

  constructor(private readonly config: Extract<VideoGatewayConfig, { kind: 'wvp' }>) {
    this.id = config.id;
    this.name = config.name;
    this.base = trimSlash(config.baseUrl);
    this.mediaOrigins = config.mediaOrigins.map((url) => new URL(url).origin);
  }

  private async login(): Promise<string> {
    const password = createHash('md5').update(this.config.password).digest('hex');
    const query = new URLSearchParams({ username: this.config.username, password });
    const { json, headers } = await getJson(`${this.base}/api/user/login?${query}`);
    const token = headers.get('access-token') ?? fieldsOf(json.data).accessToken;
    if (json.code !== 0 || typeof token !== 'string' || !token) throw unavailable();
    this.token = token;
    return token;
  }

  private async call(pathAndQuery: string): Promise<Record<string, unknown>> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const token = this.token ?? (await this.login());
      const { json } = await getJson(`${this.base}${pathAndQuery}`, { 'access-token': token });
      if (json.code === 401 && attempt === 0) {
        this.token = null;
        continue;
      }
      if (json.code !== 0) throw unavailable();
      return fieldsOf(json.data);
    }
    throw unavailable();
  }

  private static split(ref: string): [string, string] {
    const [device, channel] = ref.split('/');
    return [encodeURIComponent(device!), encodeURIComponent(channel!)];
  }

  async probe(target: StreamTarget): Promise<boolean> {
    const [device, channel] = WvpGateway.split(target.streamRef);
    try {
      const query = new URLSearchParams({
        page: '1',
        count: '1',
        query: decodeURIComponent(channel),
        online: 'true',
      });
      const data = await this.call(`/api/device/query/devices/${device}/channels?${query}`);
      const list = Array.isArray(data.list) ? data.list : [];
      return Number(data.total ?? list.length) > 0;
    } catch {
      return false;
    }
  }

  async play(target: StreamTarget): Promise<string> {
    const [device, channel] = WvpGateway.split(target.streamRef);
    const data = await this.call(`/api/play/start/${device}/${channel}`).catch(() => {
      throw unavailable();
    });
    const secure = this.base.startsWith('https:');
    const url = (secure ? data.https_hls : null) ?? data.hls;
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw unavailable();
    return url;
  }
}

/**
 * ZLMediaKit's stream proxy (§7.2): the camera's RTSP address is pulled once as `app/<code>` with
 * HLS on, and played at `{play base}/{app}/{code}/hls.m3u8`. A proxy already there is reused;
 * `addStreamProxy` answers only once the first pull has succeeded or failed, so its code says
 * whether the camera is up.
 */
export class ZlmGateway implements VideoGatewayAdapter {
  readonly kind = 'zlm' as const;
  readonly id: string;
  readonly name: string;
  readonly mediaOrigins: readonly string[];
  private readonly base: string;
  private readonly playBase: string;

  constructor(private readonly config: Extract<VideoGatewayConfig, { kind: 'zlm' }>) {
    this.id = config.id;
    this.name = config.name;
    this.base = trimSlash(config.baseUrl);
    this.playBase = trimSlash(config.playBaseUrl ?? config.baseUrl);
    this.mediaOrigins = [new URL(this.playBase).origin];
  }

  private stream(target: StreamTarget): string {
    return target.code.replace(/[^A-Za-z0-9_-]/g, '_');
  }

  private async ensure(target: StreamTarget): Promise<boolean> {
    const { secret, app } = this.config;
    const key = `__defaultVhost__/${app}/${this.stream(target)}`;
    const listed = await getJson(
      `${this.base}/index/api/listStreamProxy?${new URLSearchParams({ secret, key })}`,
    );
    if (listed.json.code === 0 && Array.isArray(listed.json.data) && listed.json.data.length > 0) return true;
    const query = new URLSearchParams({
      secret,
      vhost: '__defaultVhost__',
      app,
      stream: this.stream(target),
      url: target.streamRef,
      enable_hls: '1',
      rtp_type: '0',
      retry_count: '-1',
      timeout_sec: '10',
    });
    const added = await getJson(`${this.base}/index/api/addStreamProxy?${query}`);
    return added.json.code === 0;
  }

  async probe(target: StreamTarget): Promise<boolean> {
    return this.ensure(target).catch(() => false);
  }

  async play(target: StreamTarget): Promise<string> {
    const up = await this.ensure(target).catch(() => false);
    if (!up) throw unavailable();
    return `${this.playBase}/${this.config.app}/${this.stream(target)}/hls.m3u8`;
  }
}

/** A plain HLS server: the playlist is a path under its address; up when it answers a playlist. */
export class HlsGateway implements VideoGatewayAdapter {
  readonly kind = 'hls' as const;
  readonly id: string;
  readonly name: string;
  readonly mediaOrigins: readonly string[];
  private readonly base: string;

  constructor(config: Extract<VideoGatewayConfig, { kind: 'hls' }>) {
    this.id = config.id;
    this.name = config.name;
    this.base = trimSlash(config.baseUrl);
    this.mediaOrigins = [new URL(this.base).origin];
  }

  async probe(target: StreamTarget): Promise<boolean> {
    try {
      const response = await fetch(`${this.base}/${target.streamRef}`, {
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      return response.ok && (await response.text()).startsWith('#EXTM3U');
    } catch {
      return false;
    }
  }

  async play(target: StreamTarget): Promise<string> {
    return `${this.base}/${target.streamRef}`;
  }
}

/** Where the platform serves its own test gateway's files (same origin, signed-in viewers only). */
export const TEST_GATEWAY_PATH = '/api/v1/video/test-gateway';

/**
 * The platform's own test gateway: a local ffmpeg test pattern written as HLS into `dir`
 * (test-stream.ts) and served under TEST_GATEWAY_PATH. Up while the playlist is fresh.
 */
export class TestGateway implements VideoGatewayAdapter {
  readonly kind = 'test' as const;
  readonly id = TEST_GATEWAY_ID;
  readonly name: string = '本地测试网关';
  readonly mediaOrigins: readonly string[] = [];

  constructor(private readonly dir: () => string | null) {}

  async probe(target: StreamTarget): Promise<boolean> {
    const dir = this.dir();
    if (!dir) return false;
    try {
      const info = await stat(path.join(dir, path.basename(target.streamRef)));
      return Date.now() - info.mtimeMs < 15_000;
    } catch {
      return false;
    }
  }

  async play(target: StreamTarget): Promise<string> {
    if (!this.dir()) throw new DomainError('video.test_stream_missing');
    // Only the test pattern's playlist is served; any other stream of this gateway is down.
    if (path.basename(target.streamRef) !== 'index.m3u8' || !(await this.probe(target)))
      throw new DomainError('video.gateway_unavailable');
    return `${TEST_GATEWAY_PATH}/index.m3u8`;
  }
}

export function createGateway(config: VideoGatewayConfig): VideoGatewayAdapter {
  switch (config.kind) {
    case 'wvp':
      return new WvpGateway(config);
    case 'zlm':
      return new ZlmGateway(config);
    case 'hls':
      return new HlsGateway(config);
  }
}

/** The configured gateways and the test gateway, by id. */
export class GatewayRegistry {
  private readonly byId = new Map<string, VideoGatewayAdapter>();

  constructor(adapters: readonly VideoGatewayAdapter[]) {
    for (const adapter of adapters) this.byId.set(adapter.id, adapter);
  }

  get(id: string): VideoGatewayAdapter | null {
    return this.byId.get(id) ?? null;
  }

  list(): VideoGateway[] {
    return [...this.byId.values()].map((g) => ({ id: g.id, name: g.name, kind: g.kind }));
  }

  mediaOrigins(): string[] {
    return [...new Set([...this.byId.values()].flatMap((g) => g.mediaOrigins))];
  }
}
