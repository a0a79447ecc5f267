import { describe, expect, it } from 'vitest';
import { usePagedList, type PageRequest } from './use-paged-list.ts';

interface Filters {
  q: string;
  county: string;
}

/** A fetch whose answers the test releases one by one, in any order. */
function controlledFetch() {
  const calls: {
    request: PageRequest<Filters>;
    snapshot: Filters;
    answer: (rows: string[], total?: number) => void;
    fail: (e: unknown) => void;
  }[] = [];
  const fetch = (request: PageRequest<Filters>) =>
    new Promise<{ items: string[]; total: number }>((resolve, reject) => {
      calls.push({
        request,
        snapshot: { ...request.filters },
        answer: (rows, total = rows.length) => resolve({ items: rows, total }),
        fail: reject,
      });
    });
  return { calls, fetch };
}

const initialFilters = (): Filters => ({ q: '', county: '' });

describe('usePagedList', () => {
  it('loads a page with the filters, page and page size and shows its rows and total', async () => {
    const { calls, fetch } = controlledFetch();
    const list = usePagedList({ fetch, initialFilters, pageSize: 10 });
    list.filters.q = '玉溪';
    list.page.value = 3;
    const done = list.load();
    expect(list.loading.value).toBe(true);
    calls[0]!.answer(['a', 'b'], 42);
    await done;
    expect(calls[0]!.snapshot).toEqual({ q: '玉溪', county: '' });
    expect(calls[0]!.request.page).toBe(3);
    expect(calls[0]!.request.pageSize).toBe(10);
    expect(list.rows.value).toEqual(['a', 'b']);
    expect(list.total.value).toBe(42);
    expect(list.loading.value).toBe(false);
  });

  it('search goes back to page 1 and reset empties the filters', async () => {
    const { calls, fetch } = controlledFetch();
    const list = usePagedList({ fetch, initialFilters });
    list.page.value = 5;
    list.filters.county = '530402';
    const searched = list.search();
    calls[0]!.answer([]);
    await searched;
    expect(calls[0]!.request.page).toBe(1);
    expect(calls[0]!.snapshot.county).toBe('530402');

    list.page.value = 4;
    const reset = list.reset();
    calls[1]!.answer(['x']);
    await reset;
    expect(calls[1]!.request.page).toBe(1);
    expect(calls[1]!.snapshot).toEqual({ q: '', county: '' });
    expect(list.filters).toEqual({ q: '', county: '' });
  });

  it('a slow earlier answer never overwrites a later one, and the earlier request is aborted', async () => {
    const { calls, fetch } = controlledFetch();
    const list = usePagedList({ fetch, initialFilters });
    list.filters.q = 'old';
    const first = list.load();
    list.filters.q = 'new';
    const second = list.search();
    expect(calls[0]!.request.signal.aborted).toBe(true);
    expect(calls[1]!.request.signal.aborted).toBe(false);

    calls[1]!.answer(['new row'], 1);
    await second;
    calls[0]!.answer(['old row 1', 'old row 2'], 2);
    await first;
    expect(list.rows.value).toEqual(['new row']);
    expect(list.total.value).toBe(1);
    expect(list.loading.value).toBe(false);
  });

  it('keeps loading while the newest request is pending even if an older one ends', async () => {
    const { calls, fetch } = controlledFetch();
    const list = usePagedList({ fetch, initialFilters });
    const first = list.load();
    void list.load();
    calls[0]!.fail(new DOMException('aborted', 'AbortError'));
    await first;
    expect(list.loading.value).toBe(true);
    calls[1]!.answer(['r']);
    await Promise.resolve();
    await Promise.resolve();
    expect(list.loading.value).toBe(false);
    expect(list.rows.value).toEqual(['r']);
  });

  it('passes an error of the newest request to the caller and keeps the previous rows', async () => {
    const { calls, fetch } = controlledFetch();
    const list = usePagedList({ fetch, initialFilters });
    const ok = list.load();
    calls[0]!.answer(['kept'], 1);
    await ok;
    const failing = list.load();
    calls[1]!.fail(new Error('server.internal'));
    await expect(failing).rejects.toThrow('server.internal');
    expect(list.rows.value).toEqual(['kept']);
    expect(list.loading.value).toBe(false);
  });
});
