import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../platform/crypto.ts';
import { createTestContext, TEST_FIELD_KEY, type TestContext } from '../../../test/test-app.ts';
import { createWarningPushes, type DirectPush } from './warning-pushes.ts';

// The push outbox (issue 18): one person reached through two accounts — two roles, or listed twice —
// gets one SMS and one e-mail per push, whatever the spelling of the number or the address.
describe('direct pushes, deduplicated by channel and address', () => {
  let t: TestContext;
  const cipher = createFieldCipher(TEST_FIELD_KEY);
  const sent: { to: string; headline: string }[] = [];
  const record = async (to: string, message: { headline: string }) => {
    sent.push({ to, headline: message.headline });
  };

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  const push = (ref: string, recipients: DirectPush['recipients']): DirectPush => ({
    source: 'team_dispatch',
    ref,
    headline: '救援调派',
    body: '请立即出发：',
    linkPath: `/m/teams/${ref}`,
    recipients,
  });
  const stored = async (ref: string) =>
    (
      await t.db.query<{ channel: string; recipient_label: string; address_enc: string }>(
        'SELECT channel, recipient_label, address_enc FROM warning_pushes WHERE source_ref = $1 ORDER BY seq',
        [ref],
      )
    ).rows.map((r) => `${r.channel} ${r.recipient_label} ${cipher.decrypt(r.address_enc)}`);

  it('stores one row per channel and address; the first account named keeps it', async () => {
    const pushes = createWarningPushes({
      db: t.db,
      clock: t.clock,
      cipher,
      senders: { sms: record, email: record },
      publicBaseUrl: 'https://yjj.yuxi.example.gov.cn',
    });
    const queued = await pushes.port.enqueue(
      t.db,
      push('dispatch-1', [
        { key: 'user-a', label: '张队长', phone: '13800000001', email: 'zhang@example.cn' },
        // The same person's second account (another role): the number spelled +86, the address in capitals.
        { key: 'user-b', label: '张队长（值班）', phone: '+86 138-0000-0001', email: ' Zhang@Example.cn ' },
        { key: 'user-c', label: '李队员', phone: '13900000002', email: null },
      ]),
      t.clock.now(),
    );
    expect(queued).toBe(3);
    expect(await stored('dispatch-1')).toEqual([
      'sms 张队长 13800000001',
      'email 张队长 zhang@example.cn',
      'sms 李队员 13900000002',
    ]);
    // Queued again (a retried request): nothing twice.
    expect(
      await pushes.port.enqueue(
        t.db,
        push('dispatch-1', [{ key: 'user-a', label: '张队长', phone: '13800000001', email: null }]),
        t.clock.now(),
      ),
    ).toBe(0);

    const result = await pushes.deliverDue(t.clock.now());
    expect(result).toEqual({ delivered: 3, failed: 0, claimed: 3 });
    expect(sent.map((s) => s.to).sort()).toEqual(['13800000001', '13900000002', 'zhang@example.cn']);
  });
});
