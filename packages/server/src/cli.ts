import { ConfigError, loadConfig } from './platform/config.ts';
import { openRuntime } from './platform/runtime.ts';
import { createAuditRepository } from './modules/audit/index.ts';
import { migrate } from './platform/migrate.ts';

const usage = `Usage: npm run cli -- <command>

Commands:
  audit verify   Check the audit log's SM3 hash chain; exit 1 and name the first broken entry
  migrate        Apply pending database migrations

Uses the same DATA_DIR / DATABASE_URL as the server.`;

async function run(args: string[]): Promise<number> {
  const command = args.join(' ');
  if (command !== 'audit verify' && command !== 'migrate') {
    console.error(usage);
    return 2;
  }
  // A running server's cluster is joined, never stopped: the CLI may run beside `npm start`.
  const runtime = await openRuntime(loadConfig(), { whenHeld: 'join' });
  try {
    if (command === 'migrate') {
      const applied = await migrate(runtime.db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply');
      return 0;
    }
    const result = await createAuditRepository(runtime.db).verify();
    if (result.ok) {
      console.log(`OK: ${result.checked} audit entries, chain intact`);
      return 0;
    }
    console.error(
      `BROKEN at entry ${result.brokenSeq}: ${result.reason} (${result.checked} entries before it verified)`,
    );
    return 1;
  } finally {
    await runtime.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error,
    );
    process.exit(2);
  },
);
