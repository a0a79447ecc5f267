// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick } from 'vue';
import { ElTable } from 'element-plus';
import { mountInApp } from '../test-support/mount-in-app.ts';
import OpenColumn from './OpenColumn.vue';

describe('OpenColumn', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows each row’s name as a link that opens the row, with 演示 on demo rows', async () => {
    const opened: unknown[] = [];
    const rows = [
      { id: 'a', name: '甲预案', demo: true },
      { id: 'b', name: '乙预案', demo: false },
    ];
    const { wrapper } = mountInApp(
      () => null,
      () =>
        h(ElTable, { data: rows }, () => [
          h(OpenColumn, { label: '名称', prop: 'name', onOpen: (row: unknown) => opened.push(row) }),
        ]),
    );
    await nextTick();
    await nextTick();
    const cells = wrapper.findAll('.el-table__body td .cell').map((c) => c.text());
    expect(cells).toEqual(['甲预案演示', '乙预案']);
    await wrapper.findAll('.el-table__body button')[1]!.trigger('click');
    expect(opened).toEqual([rows[1]]);
  });
});
