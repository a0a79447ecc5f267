import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@anjian/domain';
import { HlsGateway, TestGateway, WvpGateway, ZlmGateway } from './gateways.ts';
import { startTestStream } from './test-stream.ts';

/**
 * A local HTTP peer that speaks the documented endpoints of WVP-GB28181-pro and ZLMediaKit
 * (shared/reference/co-governance-and-obligations.md §7) and serves an HLS playlist: the adapters
 * talk real HTTP to it.
 */
interface PeerState {
  tokens: Set<string>;
  logins: number;
  proxies: Map<string, string>;
  requests: string[];
}

function startPeer(state: PeerState): Promise<{ server: Server; base: string }> {
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');
  const send = (res: ServerResponse, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url!, 'http://peer');
    const q = url.searchParams;
    state.requests.push(`${url.pathname}?${q}`);
    // WVP
    if (url.pathname === '/api/user/login') {
      if (q.get('username') !== 'admin' || q.get('password') !== md5('wvp-secret'))
        return send(res, { code: -1, msg: '用户名或密码错误' });
      state.logins += 1;
      const token = `tok${state.logins}`;
      state.tokens.add(token);
      return send(
        res,
        { code: 0, msg: '成功', data: { accessToken: token, username: 'admin' } },
        { 'access-token': token },
      );
    }
    if (url.pathname.startsWith('/api/')) {
      if (!state.tokens.has(String(req.headers['access-token'])))
        return send(res, { code: 401, msg: '请登录' });
      const channels = url.pathname.match(/^\/api\/device\/query\/devices\/([^/]+)\/channels$/);
      if (channels) {
        const online = channels[1] === '34020000001320000001' && q.get('query') === '34020000001310000001';
        return send(res, {
          code: 0,
          msg: '成功',
          data: { total: online ? 1 : 0, list: online ? [{ deviceId: q.get('query'), status: 'ON' }] : [] },
        });
      }
      const play = url.pathname.match(/^\/api\/play\/start\/([^/]+)\/([^/]+)$/);
      if (play) {
        if (play[2] !== '34020000001310000001') return send(res, { code: -1, msg: '通道离线' });
        const stream = `${play[1]}_${play[2]}`;
        return send(res, {
          code: 0,
          msg: '成功',
          data: {
            app: 'rtp',
            stream,
            hls: `http://media.example:8080/rtp/${stream}/hls.m3u8`,
            flv: `http://media.example:8080/rtp/${stream}.live.flv`,
          },
        });
      }
    }
    // ZLMediaKit
    if (url.pathname.startsWith('/index/api/')) {
      if (q.get('secret') !== 'zlm-secret') return send(res, { code: -100, msg: 'secret错误' });
      if (url.pathname === '/index/api/listStreamProxy') {
        const key = q.get('key');
        return send(res, {
          code: 0,
          data: key && state.proxies.has(key) ? [{ key, url: state.proxies.get(key) }] : [],
        });
      }
      if (url.pathname === '/index/api/addStreamProxy') {
        const key = `${q.get('vhost')}/${q.get('app')}/${q.get('stream')}`;
        if (q.get('enable_hls') !== '1' || !q.get('url')?.startsWith('rtsp://cam-up')) {
          return send(res, { code: -1, msg: 'play rtsp failed' });
        }
        if (state.proxies.has(key)) return send(res, { code: -1, msg: 'This stream already exists' });
        state.proxies.set(key, q.get('url')!);
        return send(res, { code: 0, data: { key } });
      }
    }
    // Plain HLS
    if (url.pathname === '/live/cam01/index.m3u8') {
      res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' });
      return res.end('#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n');
    }
    res.writeHead(404);
    res.end();
  };
  return new Promise((resolve) => {
    const server = createServer(handler).listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    );
  });
}

describe('video gateway adapters against a local HTTP peer', () => {
  const state: PeerState = { tokens: new Set(), logins: 0, proxies: new Map(), requests: [] };
  let server: Server;
  let base: string;

  beforeAll(async () => ({ server, base } = await startPeer(state)));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('WVP: signs in with the MD5 password, probes the channel and plays its HLS address', async () => {
    const wvp = new WvpGateway({
      id: 'wvp',
      name: '市视频平台',
      kind: 'wvp',
      baseUrl: base,
      username: 'admin',
      password: 'wvp-secret',
      mediaOrigins: ['http://media.example:8080'],
    });
    const camera = { code: 'c1', streamRef: '34020000001320000001/34020000001310000001' };
    expect(await wvp.probe(camera)).toBe(true);
    expect(await wvp.probe({ code: 'c2', streamRef: '34020000001320000001/34020000001310000009' })).toBe(
      false,
    );
    expect(await wvp.play(camera)).toBe(
      'http://media.example:8080/rtp/34020000001320000001_34020000001310000001/hls.m3u8',
    );
    expect(state.logins).toBe(1);
    expect(wvp.mediaOrigins).toEqual(['http://media.example:8080']);

    // The platform forgot the token: the adapter signs in again once and carries on.
    state.tokens.clear();
    expect(await wvp.play(camera)).toMatch(/hls\.m3u8$/);
    expect(state.logins).toBe(2);

    // A channel that does not play is the gateway's refusal, said as such.
    await expect(
      wvp.play({ code: 'c2', streamRef: '34020000001320000001/34020000001310000009' }),
    ).rejects.toMatchObject({
      code: 'video.gateway_unavailable',
    });
  });

  it('WVP: a wrong password leaves every camera offline and playing refused', async () => {
    const wvp = new WvpGateway({
      id: 'wvp2',
      name: '错误口令',
      kind: 'wvp',
      baseUrl: base,
      username: 'admin',
      password: 'wrong',
      mediaOrigins: [],
    });
    const camera = { code: 'c1', streamRef: '34020000001320000001/34020000001310000001' };
    expect(await wvp.probe(camera)).toBe(false);
    await expect(wvp.play(camera)).rejects.toBeInstanceOf(DomainError);
  });

  it('ZLMediaKit: adds the RTSP proxy with HLS on once, reuses it, and plays app/stream/hls.m3u8', async () => {
    const zlm = new ZlmGateway({
      id: 'zlm',
      name: '流媒体',
      kind: 'zlm',
      baseUrl: base,
      playBaseUrl: 'https://zlm.example',
      secret: 'zlm-secret',
      app: 'anjian',
    });
    const camera = { code: 'YX-CAM-01', streamRef: 'rtsp://cam-up.example:554/Streaming/Channels/101' };
    expect(await zlm.play(camera)).toBe('https://zlm.example/anjian/YX-CAM-01/hls.m3u8');
    expect(state.proxies.get('__defaultVhost__/anjian/YX-CAM-01')).toBe(camera.streamRef);
    // Already there: listed, not added twice (ZLMediaKit refuses a second proxy of the same stream).
    expect(await zlm.probe(camera)).toBe(true);
    expect(state.requests.filter((r) => r.startsWith('/index/api/addStreamProxy')).length).toBe(1);
    expect(await zlm.probe({ code: 'YX-CAM-02', streamRef: 'rtsp://cam-down.example/1' })).toBe(false);
    await expect(
      zlm.play({ code: 'YX-CAM-02', streamRef: 'rtsp://cam-down.example/1' }),
    ).rejects.toMatchObject({
      code: 'video.gateway_unavailable',
    });
    const wrongSecret = new ZlmGateway({
      id: 'z2',
      name: 'x',
      kind: 'zlm',
      baseUrl: base,
      secret: 'no',
      app: 'anjian',
    });
    expect(await wrongSecret.probe(camera)).toBe(false);
  });

  it('plain HLS: online while the playlist answers', async () => {
    const hls = new HlsGateway({ id: 'hls', name: 'HLS', kind: 'hls', baseUrl: `${base}/live/` });
    expect(await hls.probe({ code: 'a', streamRef: 'cam01/index.m3u8' })).toBe(true);
    expect(await hls.probe({ code: 'b', streamRef: 'cam02/index.m3u8' })).toBe(false);
    expect(await hls.play({ code: 'a', streamRef: 'cam01/index.m3u8' })).toBe(
      `${base}/live/cam01/index.m3u8`,
    );
    const gone = new HlsGateway({ id: 'gone', name: 'x', kind: 'hls', baseUrl: 'http://127.0.0.1:9' });
    expect(await gone.probe({ code: 'a', streamRef: 'index.m3u8' })).toBe(false);
  });
});

describe('the test gateway', () => {
  it('is offline, and refuses to play, when ffmpeg is missing', async () => {
    const warnings: string[] = [];
    const stream = startTestStream({ ffmpeg: '/nonexistent/ffmpeg', log: (_l, m) => warnings.push(m) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const gateway = new TestGateway(() => stream.dir());
    expect(stream.dir()).toBeNull();
    expect(warnings.join()).toContain('ffmpeg is not installed');
    expect(await gateway.probe({ code: 't', streamRef: 'index.m3u8' })).toBe(false);
    await expect(gateway.play({ code: 't', streamRef: 'index.m3u8' })).rejects.toMatchObject({
      code: 'video.test_stream_missing',
    });
    await stream.stop();
  });
});
