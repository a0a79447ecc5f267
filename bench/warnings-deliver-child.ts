/**
 * A delivery process for the warnings benchmark's kill -9 phase: it drains the outbox of the database
 * at BENCH_DATABASE_URL with four workers, as the server's outbox worker does, and exits when nothing
 * is due. BENCH_SKEW_MS moves its clock forward: a restarted process then finds the rows the killed
 * one had claimed as they are once their lease (60 s) has run out, without the benchmark waiting.
 */
import { createPool } from '../packages/server/src/platform/db.ts';
import { loadConfig } from '../packages/server/src/platform/config.ts';
import { createFieldCipher } from '../packages/server/src/platform/crypto.ts';
import { createMemoryEventBus } from '../packages/server/src/platform/events/index.ts';
import { createNotificationsModule } from '../packages/server/src/modules/notifications/index.ts';
import { createWarningsModule, noWarningSources } from '../packages/server/src/modules/warnings/index.ts';
import { createAttachmentStore } from '../packages/server/src/modules/uploads/index.ts';
import type { Clock } from '../packages/server/src/platform/clock.ts';
import { BENCH_KEY } from './support.ts';

const skew = Number(process.env.BENCH_SKEW_MS ?? 0);
const clock: Clock = { now: () => new Date(Date.now() + skew) };
const db = createPool(process.env.BENCH_DATABASE_URL!);
const module = createWarningsModule({
  db,
  clock,
  config: loadConfig({ WARNING_WEBHOOK_SECRET: 'bench-webhook-secret-0123' }),
  events: createMemoryEventBus({ log: () => undefined }),
  notifier: createNotificationsModule({ db, clock }).notifier,
  cipher: createFieldCipher(BENCH_KEY),
  sources: noWarningSources,
  attachmentFiles: createAttachmentStore(db, 50_000_000),
  log: () => undefined,
});
await Promise.all(
  Array.from({ length: 4 }, async () => {
    for (;;) {
      const pass = await module.outbox.deliverDue(clock.now());
      if (pass.claimed === 0) break;
    }
  }),
);
await db.end();
