// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h, nextTick } from 'vue';
import { ElTable, ElTableColumn } from 'element-plus';
import { mountInApp } from '../test-support/mount-in-app.ts';
import ActionsColumn from './ActionsColumn.vue';
import CreateButton from './CreateButton.vue';
import EditColumn from './EditColumn.vue';
import RowAction from './RowAction.vue';

describe('ActionsColumn, RowAction and CreateButton', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('puts the row’s link buttons in an 操作 column after the others, given the row', async () => {
    const clicked: string[] = [];
    const { wrapper } = mountInApp(
      () => null,
      () =>
        h(ElTable, { data: [{ id: 'a', name: '甲' }] }, () => [
          h(ElTableColumn, { label: '名称', prop: 'name' }),
          h(
            ActionsColumn,
            { width: 90 },
            {
              default: ({ row }: { row: { id: string } }) =>
                h(RowAction, { label: '修改', type: 'danger', onClick: () => clicked.push(row.id) }),
            },
          ),
        ]),
    );
    await nextTick();
    await nextTick();
    const headers = wrapper.findAll('.el-table__header th .cell').map((c) => c.text());
    expect(headers).toEqual(['名称', '操作']);
    const button = wrapper.findAll('.el-table__body button').find((b) => b.text() === '修改');
    expect(button!.classes()).toEqual(expect.arrayContaining(['is-link', 'el-button--danger']));
    await button!.trigger('click');
    expect(clicked).toEqual(['a']);
  });

  it('labels the create button 新增 unless given its own words, and passes clicks', async () => {
    const clicked: number[] = [];
    const { wrapper } = mountInApp(
      () => null,
      () =>
        h('div', [
          h(CreateButton, { 'data-testid': 'plain', onClick: () => clicked.push(1) }),
          h(CreateButton, { 'data-testid': 'named' }, () => '新增预案'),
        ]),
    );
    expect(wrapper.find('[data-testid="plain"]').text()).toBe('新增');
    expect(wrapper.find('[data-testid="named"]').text()).toBe('新增预案');
    expect(wrapper.find('[data-testid="plain"]').classes()).toContain('el-button--primary');
    await wrapper.find('[data-testid="plain"]').trigger('click');
    expect(clicked).toEqual([1]);
  });

  it('EditColumn: 修改 and, when deletable, 删除 emit the row, after the row’s own actions; not editable hides both', async () => {
    const events: string[] = [];
    const table = (editable: boolean) =>
      h(ElTable, { data: [{ id: 'a', name: '甲' }] }, () => [
        h(ElTableColumn, { label: '名称', prop: 'name' }),
        h(
          EditColumn,
          {
            editable,
            deletable: true,
            editTestid: 'row-edit',
            onEdit: (row: unknown) => events.push(`edit ${(row as { id: string }).id}`),
            onDelete: (row: unknown) => events.push(`delete ${(row as { id: string }).id}`),
          },
          { default: ({ row }: { row: { id: string } }) => h(RowAction, { label: `观看${row.id}` }) },
        ),
      ]);
    const { wrapper } = mountInApp(
      () => null,
      () => table(true),
    );
    await nextTick();
    await nextTick();
    const buttons = wrapper.findAll('.el-table__body button');
    expect(buttons.map((b) => b.text())).toEqual(['观看a', '修改', '删除']);
    expect(buttons[1]!.attributes('data-testid')).toBe('row-edit');
    expect(buttons[2]!.classes()).toContain('el-button--danger');
    await buttons[1]!.trigger('click');
    await buttons[2]!.trigger('click');
    expect(events).toEqual(['edit a', 'delete a']);

    document.body.innerHTML = '';
    const reader = mountInApp(
      () => null,
      () => table(false),
    ).wrapper;
    await nextTick();
    await nextTick();
    expect(reader.findAll('.el-table__body button').map((b) => b.text())).toEqual(['观看a']);
  });
});
