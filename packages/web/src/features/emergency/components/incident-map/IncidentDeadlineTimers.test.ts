// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n } from '../../../../i18n/index.ts';
import IncidentDeadlineTimers from './IncidentDeadlineTimers.vue';

const step = (id: string, latestAt: string, sentAt: string | null = null) => ({
  id,
  toZh: id === 'county_to_city' ? '报市应急管理局' : '报省应急管理厅',
  toEn: id === 'county_to_city' ? 'To the city bureau' : 'To the province',
  latestAt,
  sentAt,
});

function timers(now: string) {
  const wrapper = mount(IncidentDeadlineTimers, {
    props: {
      reporting: [
        step('county_to_city', '2026-11-29T03:00:00.000Z'),
        step('city_to_province', '2026-11-29T05:00:00.000Z'),
      ] as never,
      now: new Date(now).getTime(),
    },
    global: { plugins: [i18n, ElementPlus] },
  });
  return wrapper.findAll('[data-testid="incident-timer"]').map((w) =>
    w
      .findAll('span')
      .map((part) => part.text())
      .join(' '),
  );
}

describe('the reporting timers', () => {
  it('count down, then say 已超时 before the time past the deadline, in days and hours past a day', () => {
    i18n.global.locale.value = 'zh-CN';
    expect(timers('2026-11-29T02:00:00Z')).toEqual(['报市应急管理局 1:00:00', '报省应急管理厅 3:00:00']);
    expect(timers('2026-11-29T04:03:00Z')).toEqual([
      '报市应急管理局 已超时 1:03:00',
      '报省应急管理厅 0:57:00',
    ]);
    expect(timers('2026-12-01T08:30:00Z')).toEqual([
      '报市应急管理局 已超时 2 天 5 小时',
      '报省应急管理厅 已超时 2 天 3 小时',
    ]);
  });
});
