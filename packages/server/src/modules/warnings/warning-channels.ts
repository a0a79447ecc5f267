import { createHmac } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import nodemailer, { type Transporter } from 'nodemailer';
import { postToPeer } from '../../platform/http-post.ts';

/** What every channel is given to send: one released version to one recipient. */
export interface ChannelMessage {
  readonly deliveryId: string;
  readonly identifier: string;
  readonly msgType: string;
  readonly capXml: string;
  readonly headline: string;
  readonly description: string;
  readonly instruction: string;
  readonly link: string;
}

/** Sends one message to one recipient; throws when the peer did not take it. */
export type ChannelSender = (recipient: string, message: ChannelMessage) => Promise<void>;

const TIMEOUT_MS = 5_000;

/**
 * Webhook: the CAP XML POSTed as application/cap+xml, signed with HMAC-SHA256 over
 * `timestamp.body` so a receiver can check origin and freshness; the delivery id lets it drop repeats.
 */
export function webhookSender(secret: string | null): ChannelSender {
  return async (url, message) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = secret
      ? createHmac('sha256', secret).update(`${timestamp}.${message.capXml}`).digest('hex')
      : '';
    const status = await postToPeer(url, {
      headers: {
        'content-type': 'application/cap+xml; charset=utf-8',
        'x-anjian-delivery': message.deliveryId,
        'x-anjian-timestamp': timestamp,
        ...(secret ? { 'x-anjian-signature': `sha256=${signature}` } : {}),
      },
      body: message.capXml,
      timeoutMs: TIMEOUT_MS,
    });
    if (status < 200 || status > 299) throw new Error(`HTTP ${status}`);
  };
}

/** MQTT: the CAP XML published with QoS 1 on the recipient topic (one per county). */
export function mqttSender(url: string, clientId: string): ChannelSender & { close(): Promise<void> } {
  let client: MqttClient | null = null;
  // Sends run concurrently: they share one connection attempt.
  let connecting: Promise<MqttClient> | null = null;
  const connect = async () => {
    if (client?.connected) return client;
    connecting ??= (async () => {
      client?.end(true);
      client = await mqtt.connectAsync(url, { clientId, connectTimeout: TIMEOUT_MS, reconnectPeriod: 0 });
      return client;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  };
  const send = async (topic: string, message: ChannelMessage) => {
    const connected = await connect();
    await connected.publishAsync(topic, message.capXml, { qos: 1 });
  };
  return Object.assign(send, {
    async close() {
      await client?.endAsync();
      client = null;
    },
  });
}

/** Email over SMTP: the headline as subject, the description as text, the CAP message attached. */
export function emailSender(smtpUrl: string, from: string): ChannelSender & { close(): void } {
  const transport: Transporter = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
  } as never);
  const send = async (to: string, message: ChannelMessage) => {
    // A direct push (no CAP message): its text already ends with its link.
    if (!message.capXml) {
      await transport.sendMail({
        from,
        to,
        subject: message.headline,
        text: message.description,
        messageId: `<${message.deliveryId}@anjian>`,
      });
      return;
    }
    await transport.sendMail({
      from,
      to,
      subject: message.headline,
      text: `${message.description}\n\n${message.link}`,
      messageId: `<${message.identifier}.${message.deliveryId}@anjian>`,
      attachments: [
        {
          filename: `${message.identifier}.xml`,
          content: message.capXml,
          contentType: 'application/cap+xml',
        },
      ],
    });
  };
  return Object.assign(send, { close: () => transport.close() });
}
