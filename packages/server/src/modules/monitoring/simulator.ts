import mqtt, { type MqttClient } from 'mqtt';
import { monitoringPointTypeOf, type MonitoringPointType, type PointThresholds } from '@anjian/domain';
import { TELEMETRY_TOPIC } from './mqtt-subscriber.ts';

/** A point the simulator feeds: what it needs to make believable values. */
export interface SimulatedPoint {
  readonly code: string;
  readonly type: MonitoringPointType;
  readonly range: { readonly min: number; readonly max: number };
  readonly thresholds: PointThresholds | null;
  readonly expectedIntervalSeconds: number;
}

/**
 * The points of one enterprise — or of one county's natural-hazard sites (enterprise null) — and
 * the device token its gateway sends with.
 */
export interface SimulatedDevice {
  readonly token: string;
  readonly enterpriseId: string | null;
  readonly county?: string;
  readonly points: readonly SimulatedPoint[];
}

export interface Reading {
  readonly point: string;
  readonly ts: number;
  readonly value: number;
}

/** Where readings go: the platform's HTTP telemetry API or an MQTT broker. */
export interface Transport {
  send(device: SimulatedDevice, readings: readonly Reading[]): Promise<void>;
  close(): Promise<void>;
}

/** The value beyond which the point alarms at its most severe level, or null if it has none. */
export function excursionTarget(point: SimulatedPoint): number | null {
  const t = point.thresholds;
  if (!t) return null;
  if (t.scheme === 'process') {
    const top = t.HH?.value ?? t.H?.value;
    return top === undefined
      ? null
      : Math.min(point.range.max, top + 0.05 * (point.range.max - point.range.min));
  }
  const red = t.red ?? t.orange ?? t.yellow ?? t.blue;
  if (red === undefined) return null;
  const step = 0.05 * (point.range.max - point.range.min);
  return t.side === 'high' ? Math.min(point.range.max, red + step) : Math.max(point.range.min, red - step);
}

/** The calm value of a point: where it sits between its thresholds, or in the lower third of its range. */
export function baselineOf(point: SimulatedPoint): number {
  const t = point.thresholds;
  const span = point.range.max - point.range.min;
  if (t?.scheme === 'process') {
    const low = t.L?.value ?? t.LL?.value ?? point.range.min;
    const high = t.H?.value ?? t.HH?.value ?? point.range.max;
    if (point.type === 'combustible_gas' || point.type === 'toxic_gas') return point.range.min + 0.02 * span;
    return (low + high) / 2;
  }
  if (t?.scheme === 'graded') {
    const nearest =
      t.side === 'high' ? (t.blue ?? t.yellow ?? point.range.max) : (t.blue ?? t.yellow ?? point.range.min);
    return t.side === 'high' ? nearest - 0.1 * span : nearest + 0.1 * span;
  }
  return point.range.min + 0.3 * span;
}

/**
 * A deterministic-looking but lively value: the baseline with a slow wave and a little noise, or,
 * during an excursion, past the most severe threshold (so the demo raises real alarms).
 */
export function simulatedValue(
  point: SimulatedPoint,
  at: number,
  excursion: boolean,
  noise = Math.random(),
): number {
  const span = point.range.max - point.range.min;
  const target = excursion ? excursionTarget(point) : null;
  const centre = target ?? baselineOf(point);
  const wave = Math.sin((2 * Math.PI * at) / 600_000 + point.code.length) * 0.01 * span;
  const jitter = (noise - 0.5) * 0.004 * span;
  const value = centre + (target === null ? wave : 0) + jitter;
  const clamped = Math.min(point.range.max, Math.max(point.range.min, value));
  return Math.round(clamped * 1000) / 1000;
}

export function httpTransport(baseUrl: string): Transport {
  return {
    async send(device, readings) {
      const response = await fetch(new URL('/api/v1/telemetry', baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
        body: JSON.stringify({ readings }),
      });
      if (!response.ok) throw new Error(`telemetry answered ${response.status}: ${await response.text()}`);
    },
    async close() {},
  };
}

export async function mqttTransport(url: string, clientId = 'anjian-simulator'): Promise<Transport> {
  const client: MqttClient = await mqtt.connectAsync(url, { clientId });
  return {
    async send(device, readings) {
      await client.publishAsync(
        `${TELEMETRY_TOPIC}/${device.enterpriseId ?? `county-${device.county ?? 'unknown'}`}`,
        JSON.stringify({ token: device.token, readings }),
        { qos: 1 },
      );
    },
    async close() {
      await client.endAsync();
    },
  };
}

export interface SimulatorOptions {
  readonly devices: readonly SimulatedDevice[];
  readonly transport: Transport;
  /** How often every point reports, ms. */
  readonly intervalMs: number;
  /** A random excursion starts about this often (ms); 0: only those asked for. */
  readonly randomExcursionEveryMs: number;
  readonly excursionMs: number;
  readonly now?: () => number;
  readonly log?: (message: string) => void;
}

/**
 * The demo simulator (`npm run simulate`, on by default with the demo data): every interval each
 * device sends one reading per point through the real transport; now and then one point makes an
 * excursion past its most severe threshold and returns, so alarms are raised, escalated and cleared.
 */
export class Simulator {
  private readonly excursions = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private nextRandomAt: number;
  private sending = false;
  sent = 0;

  constructor(private readonly options: SimulatorOptions) {
    this.nextRandomAt = this.now() + options.randomExcursionEveryMs;
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  /** Makes the point go past its most severe threshold for `ms` (default: the configured length). */
  excursion(code: string, ms = this.options.excursionMs): void {
    this.excursions.set(code, this.now() + ms);
  }

  /** Ends an excursion at once: the next readings are normal again. */
  calm(code: string): void {
    this.excursions.delete(code);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(
      () => void this.step().catch((e: unknown) => this.options.log?.(String(e))),
      this.options.intervalMs,
    );
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.options.transport.close();
  }

  /** One round: a reading for every point of every device. */
  async step(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      const at = this.now();
      this.pickRandomExcursion(at);
      for (const device of this.options.devices) {
        const readings = device.points.map((point) => {
          const until = this.excursions.get(point.code);
          const excursion = until !== undefined && until > at;
          if (until !== undefined && !excursion) this.excursions.delete(point.code);
          return { point: point.code, ts: at, value: simulatedValue(point, at, excursion) };
        });
        if (readings.length === 0) continue;
        await this.options.transport.send(device, readings);
        this.sent += readings.length;
      }
    } finally {
      this.sending = false;
    }
  }

  private pickRandomExcursion(at: number): void {
    if (this.options.randomExcursionEveryMs <= 0 || at < this.nextRandomAt) return;
    this.nextRandomAt = at + this.options.randomExcursionEveryMs;
    const candidates = this.options.devices.flatMap((device) =>
      device.points.filter((point) => excursionTarget(point) !== null),
    );
    const chosen = candidates[Math.floor(Math.random() * candidates.length)];
    if (chosen) {
      this.excursion(chosen.code);
      this.options.log?.(`simulator: excursion on ${chosen.code}`);
    }
  }
}

/** Default demo interval of a point type: fast enough to look alive. */
export function demoIntervalSeconds(type: MonitoringPointType): number {
  return monitoringPointTypeOf(type).family === 'tailings' ? 30 : 10;
}
