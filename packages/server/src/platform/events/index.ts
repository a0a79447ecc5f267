export type { AppEvents, EventType } from './event-types.ts';
export {
  createMemoryEventBus,
  inTransactionWithEvents,
  type EventBatch,
  type EventBus,
  type EventHandler,
  type EventLog,
  type EventPublisher,
} from './event-bus.ts';
export { startPostgresEventBus, type PostgresEventBus } from './postgres-event-bus.ts';
