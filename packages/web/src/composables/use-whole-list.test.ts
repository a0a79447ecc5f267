import { describe, expect, it } from 'vitest';
import { useWholeList } from './use-whole-list.ts';

describe('useWholeList', () => {
  it('reads every row for the filters, counts them, and 重置 reads again with empty filters', async () => {
    const asked: string[] = [];
    const list = useWholeList({
      initialFilters: () => ({ sector: '' }),
      fetchAll: async (filters) => {
        asked.push(filters.sector);
        return filters.sector === 'mining' ? ['顶板', '通风'] : ['顶板', '通风', '动火'];
      },
    });
    list.filters.sector = 'mining';
    await list.search();
    expect(list.items.value).toEqual(['顶板', '通风']);
    expect(list.total.value).toBe(2);
    await list.reset();
    expect(list.rows.value).toEqual(['顶板', '通风', '动火']);
    expect(asked).toEqual(['mining', '']);
  });
});
