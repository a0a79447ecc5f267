// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { flushPromises } from '@vue/test-utils';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { mountInApp } from '../../../test-support/mount-in-app.ts';
import CertificateLookup from './CertificateLookup.vue';

vi.mock('../../enforcement/components/phone-ui.ts', async () => {
  const vant = await import('vant');
  return { VanButton: vant.Button, VanCell: vant.Cell, VanField: vant.Field, VanTag: vant.Tag };
});

/** One camera frame showing a certificate card's QR code: black modules on white, 4 px each. */
function cardFrame(text: string) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const scale = 4;
  const quiet = 4;
  const side = (modules.size + quiet * 2) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y += 1)
    for (let x = 0; x < side; x += 1) {
      const row = Math.floor(y / scale) - quiet;
      const col = Math.floor(x / scale) - quiet;
      if (row < 0 || col < 0 || row >= modules.size || col >= modules.size || !modules.get(row, col))
        continue;
      data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  return { data, width: side, height: side };
}

// Only the camera is stood in for: qr-scanner's camera and frame loop (absent in happy-dom) show the
// frame, which is decoded by jsQR — the engine qr-scanner's worker is built on.
const camera = vi.hoisted(() => ({
  present: true,
  allowed: true,
  frame: null as null | { data: Uint8ClampedArray; width: number; height: number },
  destroyed: 0,
}));
vi.mock('qr-scanner', () => ({
  default: class FakeQrScanner {
    static hasCamera = () => Promise.resolve(camera.present);
    constructor(
      readonly video: HTMLVideoElement,
      readonly onDecode: (result: { data: string }) => void,
    ) {}
    start() {
      // qr-scanner answers a refused permission the same way as a missing camera.
      if (!camera.allowed) return Promise.reject('Camera not found.');
      const frame = camera.frame!;
      setTimeout(() => {
        const code = jsQR(frame.data, frame.width, frame.height);
        if (code) this.onDecode({ data: code.data });
      });
      return Promise.resolve();
    }
    destroy() {
      camera.destroyed += 1;
    }
  },
}));

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const CARD = 'https://anjian.yuxi.example/obligations/m/certificates?no=YX-0007';

function stubRegister(urls: string[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      urls.push(url);
      return Promise.resolve(
        new Response(
          JSON.stringify({
            certificate: { number: 'YX-0007', status: 'expired', expiresOn: '2025-03-01' },
            person: { id: 'p1', name: '孙演练', post: 'special_operation' },
            enterprise: { id: 'e1', name: '演示化工有限公司' },
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        ),
      );
    }),
  );
}

const click = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!.click();

describe('扫码 on the certificate check', () => {
  it('reads the card’s QR code with the camera and checks that number in the register', async () => {
    Object.assign(camera, { present: true, allowed: true, frame: cardFrame(CARD), destroyed: 0 });
    vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getUserMedia: () => Promise.resolve({}) } });
    const urls: string[] = [];
    stubRegister(urls);
    mountInApp(
      () => null,
      () => h(CertificateLookup),
    );
    click('certificate-scan');
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await flushPromises();

    expect(urls).toEqual(['/api/v1/obligations/certificates/YX-0007']);
    const input = document.querySelector<HTMLInputElement>('[data-testid="certificate-number"] input')!;
    expect(input.value).toBe('YX-0007');
    const result = document.querySelector('[data-testid="certificate-result"]')!;
    expect(result.textContent).toContain('孙演练（特种作业人员）');
    expect(result.textContent).toContain('已过期');
    // The camera is let go once the code is read.
    expect(camera.destroyed).toBe(1);
    expect(document.querySelector<HTMLElement>('[data-testid="certificate-camera"]')!.style.display).toBe(
      'none',
    );
  });

  it('says why when the camera is refused, missing or not offered, and typing still works', async () => {
    const urls: string[] = [];
    stubRegister(urls);
    const cases = [
      {
        present: true,
        allowed: false,
        devices: true,
        message: '未获得摄像头权限，请在浏览器设置中允许使用摄像头，或输入证书编号',
      },
      { present: false, allowed: true, devices: true, message: '未找到摄像头，请输入证书编号' },
      {
        present: true,
        allowed: true,
        devices: false,
        message: '此浏览器不能在页面中使用摄像头（须通过安全连接打开），请输入证书编号',
      },
    ];
    for (const c of cases) {
      Object.assign(camera, { present: c.present, allowed: c.allowed, frame: cardFrame(CARD) });
      vi.stubGlobal('navigator', {
        ...navigator,
        mediaDevices: c.devices ? { getUserMedia: () => Promise.resolve({}) } : undefined,
      });
      mountInApp(
        () => null,
        () => h(CertificateLookup),
      );
      click('certificate-scan');
      await flushPromises();
      expect(document.querySelector('[data-testid="certificate-camera-problem"]')!.textContent).toBe(
        c.message,
      );
      document.body.innerHTML = '';
    }

    mountInApp(
      () => null,
      () => h(CertificateLookup),
    );
    const input = document.querySelector<HTMLInputElement>('[data-testid="certificate-number"] input')!;
    input.value = 'YX-0007';
    input.dispatchEvent(new Event('input'));
    click('certificate-lookup');
    await flushPromises();
    expect(urls).toEqual(['/api/v1/obligations/certificates/YX-0007']);
    expect(document.querySelector('[data-testid="certificate-result"]')!.textContent).toContain('已过期');
  });
});
