import type { AppEvents, EventBus } from '../../platform/events/index.ts';

/**
 * What the live stream (SSE) pushes, unchanged for the web: an alarm's new status, a site's new
 * warning level, an alarm's escalation. They come from the event bus, so a client connected to one
 * process sees what any process on the database changed.
 */
export type MonitoringEvent =
  | ({ readonly type: 'alarm' } & AppEvents['alarm.changed'])
  | ({ readonly type: 'warning' } & AppEvents['monitoring.site-level-changed'])
  | ({ readonly type: 'escalation' } & AppEvents['alarm.escalated']);

/** Subscribes `listener` to the monitoring events of the bus, in the stream's shape. */
export function subscribeMonitoringEvents(
  bus: EventBus,
  listener: (event: MonitoringEvent) => void,
): () => void {
  const stops = [
    bus.subscribe('alarm.changed', (payload) => listener({ type: 'alarm', ...payload })),
    bus.subscribe('monitoring.site-level-changed', (payload) => listener({ type: 'warning', ...payload })),
    bus.subscribe('alarm.escalated', (payload) => listener({ type: 'escalation', ...payload })),
  ];
  return () => stops.forEach((stop) => stop());
}
