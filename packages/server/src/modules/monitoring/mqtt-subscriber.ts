import mqtt, { type IConnackPacket, type MqttClient, type Packet } from 'mqtt';
import { DomainError, maxReadingsPerBatch } from '@anjian/domain';
import type { DeviceTokens } from './device-tokens.ts';
import type { MonitoringService } from './monitoring.service.ts';

/** Devices publish to anjian/v1/telemetry/<anything> (e.g. their device id); see docs/monitoring.md. */
export const TELEMETRY_TOPIC = 'anjian/v1/telemetry';

// MQTT 5 PUBACK reason codes.
const SUCCESS = 0;
const NOT_AUTHORIZED = 0x87;
const PAYLOAD_INVALID = 0x99;

export interface MqttSubscriberOptions {
  readonly url: string;
  /**
   * Stable per process (the deployment's prefix, then the process's instance name when several run):
   * the broker keeps each session's messages while that process is down, for its restart.
   */
  readonly clientId: string;
  /**
   * The shared subscription's group, the same in every process of a deployment: the broker hands
   * each message to one connection of the group, so each reading is taken by exactly one process.
   */
  readonly shareGroup: string;
  /** Parallel connections in one shared subscription. */
  readonly connections: number;
  /**
   * Messages of one connection being stored at once (MQTT 5 Receive Maximum): the broker sends no
   * more until one is acknowledged, which bounds this process's memory.
   */
  readonly inFlightPerConnection: number;
  readonly sessionExpirySeconds: number;
  readonly monitoring: MonitoringService;
  readonly devices: DeviceTokens;
  readonly log: (message: string, error?: unknown) => void;
}

export interface MqttSubscriber {
  readonly clients: readonly MqttClient[];
  /** Messages stored and acknowledged since start. */
  readonly stats: { acknowledged: number; refused: number };
  close(): Promise<void>;
}

type SendPacket = (packet: Packet, callback?: (error?: Error) => void, ...rest: unknown[]) => void;

/**
 * Holds a connection's PUBACKs until their messages are stored, and sends them in the order the
 * messages arrived (MQTT 5 §4.6).
 *
 * mqtt.js reads a connection's next packet only once the PUBACK of the current one has been written
 * (it passes the stream's callback to `_sendPacket`), so a subscriber that waits for the database
 * before answering stores one message per connection at a time — with one-reading messages, one
 * reading per connection per transaction. Here the PUBACK mqtt.js writes is taken out of its
 * `_sendPacket` (mqtt 5.16, pinned; `mqtt.broker.test.ts` fails if this stops working) and written
 * when its outcome is known, the stream released at once; many messages of one connection then share
 * a transaction. After a reconnection the held answers of the old connection are dropped: the
 * broker sends those messages again, and a reading stored twice is recognised (same point and time).
 */
export function holdAcknowledgements(client: MqttClient, counted: (code: number) => void) {
  const outcomes = new Map<number, Promise<number>>();
  const target = client as unknown as { _sendPacket: SendPacket };
  const send = target._sendPacket.bind(client);
  let generation = 0;
  let tail: Promise<void> = Promise.resolve();
  client.on('close', () => {
    generation += 1;
    outcomes.clear();
  });
  target._sendPacket = (packet, callback, ...rest) => {
    const outcome = packet.cmd === 'puback' ? outcomes.get(packet.messageId!) : undefined;
    if (!outcome) return send(packet, callback, ...rest);
    outcomes.delete(packet.messageId!);
    callback?.(); // the stream goes on to the next message now
    const sentFor = generation;
    tail = tail
      .then(() => outcome)
      .then(
        (code) => {
          if (sentFor !== generation) return;
          counted(code);
          send({ ...packet, reasonCode: code } as Packet);
        },
        () => undefined, // closing: left unacknowledged, the broker keeps it for the next start
      );
  };
  return {
    hold(messageId: number, outcome: Promise<number>): void {
      outcome.catch(() => undefined); // its rejection is handled where the acknowledgement waits
      outcomes.set(messageId, outcome);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Subscribes to the telemetry topic of any MQTT 5 broker (Mosquitto, EMQX) with QoS 1 and
 * persistent sessions. A message {token, readings} is acknowledged (PUBACK) only after its readings
 * are durable; while the ingest queue is full or the database is away it is simply not acknowledged
 * yet, so the broker holds it — memory here never grows beyond the in-flight messages. A message that
 * can never be stored (bad JSON, bad token) is acknowledged with a refusal code and dropped.
 */
export async function startMqttSubscriber(options: MqttSubscriberOptions): Promise<MqttSubscriber> {
  const { monitoring, devices, log } = options;
  const stats = { acknowledged: 0, refused: 0 };
  let closing = false;

  async function handle(message: Buffer): Promise<number> {
    let body: { token?: unknown; readings?: unknown };
    try {
      body = JSON.parse(message.toString('utf8')) as typeof body;
    } catch {
      return PAYLOAD_INVALID;
    }
    if (
      !body ||
      typeof body !== 'object' ||
      !Array.isArray(body.readings) ||
      body.readings.length === 0 ||
      body.readings.length > maxReadingsPerBatch
    )
      return PAYLOAD_INVALID;
    let device;
    try {
      device = await devices.authenticate(`Bearer ${String(body.token)}`);
    } catch {
      return NOT_AUTHORIZED;
    }
    const arrivedAt = Date.now();
    for (let attempt = 0; !closing; attempt += 1) {
      try {
        await monitoring.ingest(device, body.readings, arrivedAt);
        return SUCCESS;
      } catch (error) {
        const busy = error instanceof DomainError && error.code === 'telemetry.busy';
        if (!busy) log('mqtt: readings not stored, retrying', error);
        await sleep(Math.min(busy ? 20 * (attempt + 1) : 500 * (attempt + 1), 5_000));
      }
    }
    throw new Error('closing');
  }

  const clients: MqttClient[] = [];
  for (let index = 0; index < options.connections; index += 1) {
    const client = mqtt.connect(options.url, {
      protocolVersion: 5,
      clientId: `${options.clientId}-${index}`,
      clean: false,
      properties: {
        sessionExpiryInterval: options.sessionExpirySeconds,
        receiveMaximum: options.inFlightPerConnection,
      },
      reconnectPeriod: 1_000,
      // Answered at once, so that the connection reads its next message while this one is stored;
      // the PUBACK itself waits in holdAcknowledgements until the readings are durable.
      customHandleAcks: (_topic, message, packet, done) => {
        acks.hold(packet.messageId!, handle(message));
        done(SUCCESS);
      },
    });
    const acks = holdAcknowledgements(client, (code) => {
      if (code === SUCCESS) stats.acknowledged += 1;
      else stats.refused += 1;
    });
    const connack = await new Promise<IConnackPacket>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('error', reject);
    }).catch(async (error: unknown) => {
      await client.endAsync(true);
      throw error;
    });
    client.on('error', (error) => log('mqtt: connection error', error));
    // One shared subscription per deployment: the connections of every process share the load.
    const topic = `$share/${options.shareGroup}/${TELEMETRY_TOPIC}/#`;
    if (connack.sessionPresent) {
      // A resumed session keeps its subscription, and the broker sends what it held for it first: the
      // answer to a new SUBSCRIBE waits behind that backlog, which the start must not wait for.
      client.subscribe(topic, { qos: 1 }, (error) => error && log('mqtt: subscription refused', error));
    } else await client.subscribeAsync(topic, { qos: 1 });
    clients.push(client);
  }
  return {
    clients,
    stats,
    async close() {
      closing = true;
      await Promise.all(clients.map((client) => client.endAsync(true)));
    },
  };
}
