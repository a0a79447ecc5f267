import {
  buildCapXml,
  capIdentifier,
  chinaStamp,
  defaultLevelMapping,
  findWarningEventType,
  releaseMsgType,
} from '@anjian/domain';
import type { Config } from '../../platform/config.ts';
import { sm3Hex } from '../../platform/crypto.ts';
import type { EventPublisher } from '../../platform/events/index.ts';
import type { Notifier } from '../notifications/index.ts';
import type { WarningAttachmentsRepository } from './warning-attachments.repository.ts';
import type { WarningOutbox } from './warning-outbox.ts';
import type { WarningRecipients } from './warning-recipients.ts';
import type { WarningSigner } from './warning-signature.ts';
import {
  countiesOf,
  type VersionRow,
  type WarningContent,
  type WarningRow,
  type WarningsRepository,
} from './warnings.repository.ts';

/** Where the public reads an attachment listed in the released version `identifier`. */
export const attachmentPath = (identifier: string, id: string) =>
  `/api/v1/public/warnings/${identifier}/attachments/${id}`;

/** Where the public reads the CAP XML of the released version `identifier`. */
export const warningCapUrl = (identifier: string) => `/api/v1/public/warnings/cap/${identifier}.xml`;

/** Releasing a warning: its versions, each archived as signed CAP 1.2 XML and queued to the channels. */
export function createWarningRelease(deps: {
  warnings: WarningsRepository;
  recipients: WarningRecipients;
  signer: WarningSigner;
  outbox: WarningOutbox;
  config: Config['warnings'];
  attachments: WarningAttachmentsRepository;
}) {
  const { warnings, outbox, config } = deps;

  /** Archives one released version (CAP XML + SM3), queues its deliveries and announces it. */
  async function release(
    tx: Parameters<Notifier['insertMany']>[0],
    published: EventPublisher,
    warning: WarningRow,
    cancelling: boolean,
    now: Date,
  ): Promise<VersionRow> {
    const earlier = await warnings.versions(warning.id, tx);
    const msgType = releaseMsgType(earlier.length, cancelling);
    // Serialise identifier numbering across processes: one sequence digit per second of entry.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('warning_identifier'))`);
    const prefix = `${config.senderCode}_${chinaStamp(now)}_`;
    const sequence = await warnings.identifiersWithPrefix(tx, prefix);
    const sent = sequence > 9 ? new Date(Math.ceil((now.getTime() + 1) / 1000) * 1000) : now;
    const identifier = capIdentifier(config.senderCode, sent, sequence > 9 ? 0 : sequence);
    const content: WarningContent = {
      eventType: warning.eventType,
      level: warning.level,
      onset: warning.onset,
      expires: warning.expires,
      audience: warning.audience,
      contact: warning.contact,
      area: warning.area,
      info: warning.info,
    };
    const capXml = buildCapXml({
      identifier,
      sender: config.senderCode,
      sent,
      status: 'Actual',
      msgType,
      references: earlier.map((v) => ({ sender: config.senderCode, identifier: v.identifier, sent: v.sent })),
      eventType: findWarningEventType(warning.eventType)!,
      level: defaultLevelMapping[warning.level],
      onset: warning.onset,
      expires: warning.expires,
      audience: warning.audience,
      senderName: config.senderName,
      contact: warning.contact,
      web: `${config.publicBaseUrl}/public/warnings`,
      area: warning.area,
      info: warning.info,
      resources: (await deps.attachments.list(warning.id, tx)).map((a) => ({
        description: a.description,
        mimeType: a.mimeType,
        size: a.size,
        uri: `${config.publicBaseUrl}${attachmentPath(identifier, a.id)}`,
        digest: a.sha1,
      })),
    });
    const version: VersionRow = {
      warningId: warning.id,
      version: earlier.length + 1,
      identifier,
      msgType,
      sent,
      content,
      capXml,
      sm3: sm3Hex(capXml),
      sm2Signature: deps.signer.sign(capXml),
      sm2PublicKey: deps.signer.publicKeyPem,
    };
    await warnings.insertVersion(tx, version);
    await deps.attachments.markReleased(tx, warning.id, version.version);
    await outbox.enqueue(tx, warning.id, version.version, await deps.recipients.resolve(tx, warning), now);
    published.publish('warning.published', {
      id: warning.id,
      version: version.version,
      identifier,
      msgType,
      level: warning.level,
      counties: countiesOf(warning.area),
      at: now.toISOString(),
    });
    return version;
  }

  return release;
}
