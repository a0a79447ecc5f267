import { EventEmitter } from 'node:events';

/** A change the live stream (SSE) pushes: an alarm's new status, or a site's new warning level. */
export type MonitoringEvent =
  | {
      readonly type: 'alarm';
      readonly id: string;
      readonly pointId: string;
      readonly status: string;
      readonly colour: string | null;
      readonly county: string;
      readonly enterpriseId: string;
      readonly objectId: string;
      readonly at: string;
      /** When the reading that caused it arrived (epoch ms): the benchmark measures arrival → event. */
      readonly arrivedAt?: number;
    }
  | {
      readonly type: 'warning';
      readonly objectId: string;
      readonly county: string;
      readonly enterpriseId: string;
      readonly from: string | null;
      readonly to: string | null;
      readonly at: string;
    }
  | {
      readonly type: 'escalation';
      readonly id: string;
      readonly state: string;
      readonly county: string;
      readonly enterpriseId: string;
      readonly objectId: string;
      readonly at: string;
    };

/** In-process publish/subscribe of committed monitoring changes (one server process). */
export class MonitoringEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(event: MonitoringEvent): void {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: MonitoringEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
