import { spawnSync } from 'node:child_process';
import { DomainError } from '@anjian/domain';
import { createAuditChain } from './modules/audit/index.ts';
import { systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { existingFieldKeys, fieldKeyFingerprint } from './platform/crypto.ts';
import { openOwnerDatabase, openRuntime } from './platform/runtime.ts';
import { restoreBackup, takeBackup } from './platform/backup/backup.ts';

const usage = 'Usage: npm run cli -- backup <file | dir/> | backup --pg-dump <file> | restore <file | dir>';

function onPath(program: string): boolean {
  return spawnSync(program, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** `backup <target>`: joins a running server's cluster (never stops it) and reads one snapshot. */
export async function backupCommand(config: Config, args: string[]): Promise<number> {
  if (args[0] === '--pg-dump') {
    if (!args[1]) return (console.error(usage), 2);
    if (!config.databaseUrl || !onPath('pg_dump')) throw new DomainError('backup.pg_dump_unavailable');
    const run = spawnSync('pg_dump', ['-Fc', '-f', args[1], config.databaseUrl], { stdio: 'inherit' });
    return run.status === 0 ? (console.log(`pg_dump written to ${args[1]}`), 0) : 1;
  }
  if (args.length !== 1) return (console.error(usage), 2);
  const runtime = await openRuntime(config, { whenHeld: 'join' });
  try {
    const { manifest } = await takeBackup(runtime.ownerDb, args[0]!, {
      clock: systemClock,
      fieldKeys: runtime.cipher.fingerprints,
    });
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `Backup written to ${args[0]}: ${manifest.tables.length} tables, ${rows} rows, version ${manifest.migrations.at(-1)}`,
    );
    console.log(
      'Keep DATA_DIR/field-encryption.key and audit-hmac.keys apart from it: the restore needs them.',
    );
    return 0;
  } finally {
    await runtime.close();
  }
}

/**
 * `restore <source>`: into a fresh DATA_DIR (or an empty DATABASE_URL), with the server stopped.
 * Then the application role's grants are set, the checkpoint file is rewritten from the restored
 * table when DATA_DIR has none, and the audit chain is verified.
 */
export async function restoreCommand(config: Config, args: string[]): Promise<number> {
  if (args.length !== 1) return (console.error(usage), 2);
  const keys = existingFieldKeys(config.fieldEncryptionKey, config.dataDir) ?? [];
  const owner = await openOwnerDatabase(config);
  let restored;
  try {
    restored = await restoreBackup(owner.db, args[0]!, {
      fieldKeys: keys.map((key) => fieldKeyFingerprint(key.hex)),
    });
  } finally {
    await owner.close();
  }
  const { manifest, migratedAfter } = restored;
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Restored ${manifest.tables.length} tables, ${rows} rows of ${manifest.takenAt} (version ${manifest.migrations.at(-1)})` +
      (migratedAfter.length ? `; then applied ${migratedAfter.join(', ')}` : ''),
  );
  const runtime = await openRuntime(config, { whenHeld: 'refuse' });
  try {
    const chain = createAuditChain({ db: runtime.db, clock: systemClock, config });
    if (await chain.checkpoints.restoreFile())
      console.log(`Checkpoint file ${config.audit.checkpointFile} written from the restored checkpoints`);
    const result = await chain.verify();
    if (result.ok) {
      console.log(`Audit chain OK: ${result.checked} entries, ${result.checkpoints} checkpoints hold`);
      await chain.recordOperation(
        'maintenance.restore',
        `backup of ${manifest.takenAt}, ${manifest.tables.length} tables, ${rows} rows, version ${manifest.migrations.at(-1)}`,
      );
      return 0;
    }
    console.error(`Audit chain BROKEN: ${result.reason}`);
    return 1;
  } finally {
    await runtime.close();
  }
}
