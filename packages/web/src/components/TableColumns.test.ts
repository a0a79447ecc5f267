// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick } from 'vue';
import { ElTable } from 'element-plus';
import { mountInApp } from '../test-support/mount-in-app.ts';
import DateTimeColumn from './DateTimeColumn.vue';
import StatusColumn from './StatusColumn.vue';

describe('StatusColumn and DateTimeColumn', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows a row’s status by its name and tone, and its time in China time', async () => {
    const rows = [
      { id: 'a', step: 'decided', at: '2026-03-01T02:05:00Z' },
      { id: 'b', step: 'submitted', at: '2026-03-01T16:30:00Z' },
    ];
    const { wrapper } = mountInApp(
      () => null,
      () =>
        h(ElTable, { data: rows }, () => [
          h(StatusColumn, {
            label: '办理环节',
            field: 'step',
            prefix: 'obligations.licenceStep',
            tones: { decided: 'success' },
          }),
          h(DateTimeColumn, { label: '时间', field: 'at' }),
        ]),
    );
    await nextTick();
    await nextTick();
    const headers = wrapper.findAll('.el-table__header th .cell').map((c) => c.text());
    expect(headers).toEqual(['办理环节', '时间']);
    const tags = wrapper.findAll('.el-table__body .el-tag');
    expect(tags.map((t) => t.text())).toEqual(['已决定', '已申请']);
    expect(tags[0]!.classes()).toContain('el-tag--success');
    expect(tags[1]!.classes()).toContain('el-tag--info');
    const times = wrapper.findAll('.el-table__body tr').map((r) => r.findAll('td')[1]!.text());
    expect(times).toEqual(['2026-03-01 10:05:00', '2026-03-02 00:30:00']);
  });
});
