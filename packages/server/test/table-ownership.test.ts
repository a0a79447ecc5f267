import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The registry owns the `enterprises` table. Other modules read enterprises through the registry's
 * view `enterprise_directory` (migration 0016) and write them only through the registry's port.
 * This test reads every source file of the other modules and fails on SQL that names the table.
 */
const modulesDir = path.resolve(import.meta.dirname, '../src/modules');

/** Outside the wall on purpose, each for a stated reason. */
const allowed = new Map<string, string>([
  // The demo loader seeds 演示 data as a migration would, through the tables themselves.
  ['demo', 'seeds the demo registry'],
  // The audit log names an entry's target (an enterprise's name); that module is hardened apart.
  ['audit', 'labels audit targets'],
]);

/** SQL that names the enterprises table: FROM/JOIN/INTO/UPDATE/TABLE enterprises, or a table spec. */
const NAMES_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+enterprises\b|table:\s*'enterprises'/gi;

function tableUses(source: string): string[] {
  return [...source.matchAll(NAMES_TABLE)].map((m) => m[0].replace(/\s+/g, ' '));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    const isTest = /\.test\.ts$|\.test-support\.ts$/.test(entry.name);
    return entry.name.endsWith('.ts') && !isTest ? [full] : [];
  });
}

describe('table ownership: only the registry names the enterprises table', () => {
  it('finds no SQL outside the registry that reads or writes enterprises directly', () => {
    const offenders = readdirSync(modulesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'registry' && !allowed.has(entry.name))
      .flatMap((entry) => sourceFiles(path.join(modulesDir, entry.name)))
      .flatMap((file) =>
        tableUses(readFileSync(file, 'utf8')).map((use) => `${path.relative(modulesDir, file)}: ${use}`),
      );
    expect(offenders).toEqual([]);
  });

  it('catches a deliberate violation and lets the view through', () => {
    expect(
      tableUses(`SELECT h.*, e.name FROM hidden_hazards h JOIN enterprises e ON e.id = h.enterprise_id`),
    ).toEqual(['JOIN enterprises']);
    expect(tableUses(`UPDATE enterprises SET name = $1`)).toEqual(['UPDATE enterprises']);
    expect(tableUses(`SELECT id FROM\n  enterprises WHERE id = $1`)).toEqual(['FROM enterprises']);
    expect(tableUses(`{ table: 'enterprises', enterprise: 'id' }`)).toEqual(["table: 'enterprises'"]);
    expect(tableUses(`SELECT e.name FROM enterprise_directory e WHERE e.id = $1`)).toEqual([]);
    expect(tableUses(`deps.enterprises.findById(id, scope)`)).toEqual([]);
  });
});
