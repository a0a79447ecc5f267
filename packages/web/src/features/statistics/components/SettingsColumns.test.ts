// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick } from 'vue';
import { ElTable, ElTableColumn } from 'element-plus';
import { mountInApp } from '../../../test-support/mount-in-app.ts';
import SettingsColumns from './SettingsColumns.vue';

const rows = [
  { code: 'drills_held', nameZh: '演练场次', active: true, updatedBy: null },
  { code: 'deaths', nameZh: '死亡人数', active: false, updatedBy: '张三' },
];

function mountTable(canEdit: boolean, edited: unknown[] = []) {
  return mountInApp(
    () => null,
    () =>
      h(ElTable, { data: rows }, () => [
        h(ElTableColumn, { label: '名称', prop: 'nameZh' }),
        h(SettingsColumns, {
          canEdit,
          editTestid: 'setting-edit',
          onEdit: (row: unknown) => edited.push(row),
        }),
      ]),
  ).wrapper;
}

describe('SettingsColumns', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('ends the table with shown or not, who changed it (初始设置 when seeded) and 修改, given the row', async () => {
    const edited: unknown[] = [];
    const wrapper = mountTable(true, edited);
    await nextTick();
    await nextTick();
    expect(wrapper.findAll('.el-table__header th .cell').map((c) => c.text())).toEqual([
      '名称',
      '启用',
      '修改人',
      '操作',
    ]);
    const cells = wrapper
      .findAll('.el-table__body tr')
      .map((r) => r.findAll('td .cell').map((c) => c.text()));
    expect(cells).toEqual([
      ['演练场次', '显示', '初始设置', '修改'],
      ['死亡人数', '停用', '张三', '修改'],
    ]);
    await wrapper.find('[data-testid="setting-edit-deaths"]').trigger('click');
    expect(edited).toEqual([rows[1]]);
  });

  it('has no 操作 column for those who may not edit', async () => {
    const wrapper = mountTable(false);
    await nextTick();
    await nextTick();
    expect(wrapper.findAll('.el-table__header th .cell').map((c) => c.text())).toEqual([
      '名称',
      '启用',
      '修改人',
    ]);
  });
});
