// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '../../../i18n/index.ts';
import WhistlePhotos from './WhistlePhotos.vue';
import WhistleReportEvidence from '../components/WhistleReportEvidence.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

function pick(input: HTMLInputElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change'));
}

describe('photos and videos of a public report', () => {
  it('sends a video to the video upload and a photo to the photo upload, and shows both', async () => {
    const sent: { url: string; type: string | null }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        sent.push({ url, type: new Headers(init.headers).get('content-type') });
        const id = url.includes('/videos') ? 'v-1' : 'p-1';
        return Promise.resolve(
          new Response(JSON.stringify({ id }), {
            status: 201,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }),
    );
    i18n.global.locale.value = 'zh-CN';
    const ids: string[][] = [];
    const wrapper = mount(WhistlePhotos, {
      props: { modelValue: [], videos: true, 'onUpdate:modelValue': (v: string[]) => ids.push(v) },
      global: { plugins: [i18n] },
    });
    const input = wrapper.find<HTMLInputElement>('[data-testid="wb-photos-file"]');
    expect(input.attributes('accept')).toBe('image/jpeg,image/png,image/webp,video/mp4,video/quicktime');
    expect(wrapper.text()).toContain('添加照片或视频');
    pick(input.element, [
      new File(['movie'], 'IMG_0001.MOV', { type: 'video/quicktime' }),
      new File(['jpeg'], 'IMG_0002.JPG', { type: 'image/jpeg' }),
    ]);
    await flushPromises();
    expect(sent.map((s) => [s.url.replace(/\?.*$/, ''), s.type])).toEqual([
      ['/api/v1/public/whistleblowing/videos', 'video/quicktime'],
      ['/api/v1/public/whistleblowing/photos', 'image/jpeg'],
    ]);
    expect(ids.at(-1)).toEqual(['v-1', 'p-1']);
    expect(wrapper.findAll('[data-testid="wb-video-thumb"]')).toHaveLength(1);
    expect(wrapper.findAll('[data-testid="wb-photo-thumb"] img')).toHaveLength(1);
  });

  it('takes photos only where videos are not asked for (adding information, the staff form)', () => {
    const wrapper = mount(WhistlePhotos, { props: { modelValue: [] }, global: { plugins: [i18n] } });
    expect(wrapper.find('[data-testid="wb-photos-file"]').attributes('accept')).toBe(
      'image/jpeg,image/png,image/webp',
    );
  });

  it('plays a report’s video in place on the staff drawer and shows its photos as pictures', () => {
    const wrapper = mount(WhistleReportEvidence, {
      props: { report: { id: 'r1', incident: null, photoIds: ['p-1', 'v-1'], videoIds: ['v-1'] } as never },
      global: {
        plugins: [i18n],
        stubs: {
          ElDescriptions: { template: '<div><slot /></div>' },
          ElDescriptionsItem: { template: '<div><slot /></div>' },
        },
      },
    });
    const video = wrapper.find('[data-testid="wb-report-video"]');
    expect(video.attributes('src')).toBe('/api/v1/whistleblowing/reports/r1/photos/v-1');
    expect(video.attributes('controls')).toBeDefined();
    expect(wrapper.findAll('img').map((i) => i.attributes('src'))).toEqual([
      '/api/v1/whistleblowing/reports/r1/photos/p-1',
    ]);
  });
});
