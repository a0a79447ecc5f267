import type { EventBus } from '../../platform/events/index.ts';

/** The most entries kept: a year × month of city-wide groups each; beyond it the cache starts over. */
const MAX_ENTRIES = 500;

/**
 * City-wide aggregates, kept until the statistics change. Every process hears 'statistics.changed'
 * (an accident added or reclassified, an import) through the event bus — PostgreSQL NOTIFY across
 * replicas — and drops everything; so does a listener that lost its connection (resync). Scope is
 * applied after the cache, by county, so one entry serves every caller.
 */
export function createStatisticsCache(events: EventBus) {
  const entries = new Map<string, Promise<unknown>>();
  const clear = () => entries.clear();
  events.subscribe('statistics.changed', clear);
  events.onResync(clear);
  return {
    memo<T>(key: string, load: () => Promise<T>): Promise<T> {
      const found = entries.get(key);
      if (found) return found as Promise<T>;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      const loading = load();
      entries.set(key, loading);
      // A failed load is not kept: the next caller tries again.
      loading.catch(() => entries.delete(key));
      return loading;
    },
    clear,
  };
}

export type StatisticsCache = ReturnType<typeof createStatisticsCache>;
