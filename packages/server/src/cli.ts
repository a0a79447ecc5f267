import { DomainError, errorMessage } from '@anjian/domain';
import { backupCommand, restoreCommand } from './cli-backup.ts';
import { systemClock } from './platform/clock.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { openRuntime, type Runtime } from './platform/runtime.ts';
import { createAuditChain, rotateAuditKeyFile } from './modules/audit/index.ts';
import { migrate } from './platform/migrate.ts';
import { addFieldKeyToFile, WHISTLEBLOWER_KEY_FILE, type FieldCipher } from './platform/crypto.ts';
import {
  rotateFieldKey,
  sealedValuesByKey,
  type SealedSet,
} from './platform/field-keys/field-key-rotation.ts';

const usage = `Usage: npm run cli -- <command>

Commands:
  audit verify              Check the audit chain (HMAC-SM3 links, checkpoints, retention record);
                            exit 1 and name the first broken entry
  audit checkpoint          Take a signed checkpoint of the chain's head now
  audit checkpoint export   Print every signed checkpoint as JSON lines (keep them off this machine)
  audit retention           Remove entries older than AUDIT_RETENTION_DAYS (never fewer than 180)
  audit rotate-key          Add a new current key to DATA_DIR's audit key file (older keys stay)
  migrate                   Apply pending database migrations
  field-key add             Add a new current field key to DATA_DIR's key file (older keys stay)
  rotate-field-key          Seal every sensitive field again with the current field key, online, in
                            batches (resumable; one run at a time); then says which keys are unused
  whistle-key add           Add a new current key to DATA_DIR's whistleblower key file
  rotate-whistle-key        Seal every whistleblower identity again with the current whistleblower key
  backup <file | dir/>      Take a consistent backup (every table, its version, SM3 digests) while
                            the server runs; a name ending in / (or an empty directory) makes a
                            directory. --pg-dump <file>: pg_dump instead (external database only)
  restore <file | dir>      Restore a backup into a fresh DATA_DIR or an empty database (server
                            stopped): checks digests, version and field keys, then the audit chain

Uses the same DATA_DIR / DATABASE_URL (and AUDIT_* settings) as the server. Restores, added keys
and rotations are written to the audit log in the name of the operating-system user.`;

type Command = (runtime: Runtime, config: Config) => Promise<number>;

const auditChain = (runtime: Runtime, config: Config) =>
  createAuditChain({ db: runtime.db, clock: systemClock, config });

/** Seals `set`'s values again with `cipher`'s current key, says which keys still hold values, audits it. */
async function reseal(runtime: Runtime, config: Config, set: SealedSet, cipher: FieldCipher) {
  const report = await rotateFieldKey(runtime.db, cipher, { set, progress: (line) => console.log(line) });
  const total = Object.values(report.resealed).reduce((sum, n) => sum + n, 0);
  console.log(`Sealed again with key ${report.currentKeyId}: ${total} values`);
  const byKey = await sealedValuesByKey(runtime.db, set);
  const older = Object.entries(byKey).filter(([id]) => id !== report.currentKeyId);
  console.log(
    older.length
      ? `Still sealed with older keys: ${older.map(([id, n]) => `${id} ${n}`).join(', ')} (run again)`
      : `Every sealed value uses key ${report.currentKeyId}: the older keys may be removed`,
  );
  for (const place of report.unreadable) console.error(`Unreadable with the configured keys: ${place}`);
  await auditChain(runtime, config).recordOperation(
    set === 'whistle' ? 'maintenance.whistle_key_rotate' : 'maintenance.field_key_rotate',
    `key ${report.currentKeyId}: ${total} values sealed again, ${report.unreadable.length} unreadable`,
  );
  return report.unreadable.length ? 1 : 0;
}

/** Audits an operation that needs no open runtime otherwise (a key added to a file). */
async function recordOperation(
  config: Config,
  action: 'maintenance.field_key_add' | 'maintenance.whistle_key_add' | 'maintenance.audit_key_add',
  detail: string,
) {
  const runtime = await openRuntime(config, { whenHeld: 'join' });
  try {
    await auditChain(runtime, config).recordOperation(action, detail);
  } finally {
    await runtime.close();
  }
}

const commands: Record<string, Command> = {
  async migrate(runtime) {
    const applied = await migrate(runtime.db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply');
    return 0;
  },
  'rotate-field-key': (runtime, config) => reseal(runtime, config, 'fields', runtime.cipher),
  'rotate-whistle-key': (runtime, config) => reseal(runtime, config, 'whistle', runtime.whistleCipher),
  async 'audit verify'(runtime, config) {
    const result = await auditChain(runtime, config).verify();
    if (result.ok) {
      console.log(
        `OK: ${result.checked} audit entries, chain intact; ${result.checkpoints} checkpoints hold`,
      );
      return 0;
    }
    const where = result.brokenSeq === undefined ? 'BROKEN' : `BROKEN at entry ${result.brokenSeq}`;
    console.error(`${where}: ${result.reason} (${result.checked} entries before it verified)`);
    return 1;
  },
  async 'audit checkpoint'(runtime, config) {
    const taken = await auditChain(runtime, config).checkpoints.take();
    console.log(
      taken
        ? `Checkpoint: entry ${taken.headSeq}, ${taken.entryCount} entries, written to ${config.audit.checkpointFile}`
        : 'No new entries since the last checkpoint',
    );
    return 0;
  },
  async 'audit checkpoint export'(runtime, config) {
    for (const line of await auditChain(runtime, config).checkpoints.exportLines()) console.log(line);
    return 0;
  },
  async 'audit retention'(runtime, config) {
    const removed = await auditChain(runtime, config).retention.run();
    console.log(`Removed ${removed} entries older than ${config.audit.retentionDays} days`);
    return 0;
  },
};

async function run(args: string[]): Promise<number> {
  const command = args.join(' ');
  const config = loadConfig();
  if (command === 'field-key add') {
    if (config.fieldEncryptionKey) {
      console.error(
        'FIELD_ENCRYPTION_KEY(S) is set: add the new key there (FIELD_ENCRYPTION_KEYS=id:hex,…; last is current)',
      );
      return 2;
    }
    const id = addFieldKeyToFile(config.dataDir);
    await recordOperation(config, 'maintenance.field_key_add', `key ${id}`);
    console.log(
      `New current field key: ${id}. Restart the servers, then run: npm run cli -- rotate-field-key`,
    );
    return 0;
  }
  if (command === 'whistle-key add') {
    if (config.whistleblowerEncryptionKey) {
      console.error('WHISTLEBLOWER_ENCRYPTION_KEY is set: add the new key there (id:hex,…; last is current)');
      return 2;
    }
    const id = addFieldKeyToFile(config.dataDir, WHISTLEBLOWER_KEY_FILE);
    await recordOperation(config, 'maintenance.whistle_key_add', `key ${id}`);
    console.log(
      `New current whistleblower key: ${id}. Restart the servers, then run: npm run cli -- rotate-whistle-key`,
    );
    return 0;
  }
  if (args[0] === 'backup') return backupCommand(config, args.slice(1));
  if (args[0] === 'restore') return restoreCommand(config, args.slice(1));
  if (command === 'audit rotate-key') {
    if (config.audit.hmacKeys) {
      console.error('AUDIT_HMAC_KEYS is set: add the new key there (id:hex, last is current)');
      return 2;
    }
    // Written before the key is added, so that running servers (which hold the older keys until
    // they restart) can still verify every entry.
    await recordOperation(config, 'maintenance.audit_key_add', 'a new current key follows');
    console.log(`New current audit key: ${rotateAuditKeyFile(config.dataDir)}`);
    return 0;
  }
  const handler = commands[command];
  if (!handler) {
    console.error(usage);
    return 2;
  }
  // A running server's cluster is joined, never stopped: the CLI may run beside `npm start`.
  const runtime = await openRuntime(config, { whenHeld: 'join' });
  try {
    return await handler(runtime, config);
  } finally {
    await runtime.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DomainError) {
      const details = error.details ? ` ${JSON.stringify(error.details)}` : '';
      const [zh, en] = (['zh-CN', 'en'] as const).map((language) => errorMessage(error.code, language));
      console.error(`${error.code}: ${zh}\n${en}${details}`);
      process.exit(2);
    }
    console.error(
      error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error,
    );
    process.exit(2);
  },
);
