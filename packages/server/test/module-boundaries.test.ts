import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The walls between modules are kept by the lint rule in eslint/module-boundaries.js (run in CI by
// `npm run lint`). These cases prove the rule bites: each deliberate violation must fail it.
const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('module boundaries (ESLint)', () => {
  it("refuses a module importing another module's repository", async () => {
    const messages = await restrictedImports(
      "import { createEnterprisesRepository } from '../registry/enterprises/enterprises.repository.ts';\nexport const x = createEnterprisesRepository;\n",
      'packages/server/src/modules/enforcement/fixture.ts',
    );
    expect(messages).toEqual([
      "'../registry/enterprises/enterprises.repository.ts' import is restricted from being used by a pattern. Import the registry module through its door, registry/index.ts, not its internal files.",
    ]);
  });

  it('refuses the same from a sub-folder of a module, two levels up', async () => {
    const messages = await restrictedImports(
      "import { createWebhookOutbox } from '../../notifications/webhook-outbox.ts';\nexport const x = createWebhookOutbox;\n",
      'packages/server/src/modules/dual-prevention/hazards/fixture.ts',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('notifications/index.ts');
  });

  it("lets a module use another module's door and its own files", async () => {
    const messages = await restrictedImports(
      "import type { EnterpriseLookup } from '../registry/index.ts';\nimport { createCasesRepository } from './cases.repository.ts';\nexport type X = EnterpriseLookup;\nexport const y = createCasesRepository;\n",
      'packages/server/src/modules/enforcement/fixture.ts',
    );
    expect(messages).toEqual([]);
  });

  it('keeps the sub-folders of one module open to each other', async () => {
    const messages = await restrictedImports(
      "import { createHazardsService } from '../hazards/hazards.service.ts';\nexport const x = createHazardsService;\n",
      'packages/server/src/modules/dual-prevention/checks/fixture.ts',
    );
    expect(messages).toEqual([]);
  });

  it("refuses the app's entry files reaching past a door", async () => {
    const messages = await restrictedImports(
      "import { createUsersRepository } from './modules/users/users.repository.ts';\nexport const x = createUsersRepository;\n",
      'packages/server/src/fixture.ts',
    );
    expect(messages).toEqual([
      "'./modules/users/users.repository.ts' import is restricted from being used by a pattern. Import a module through its door, modules/<module>/index.ts.",
    ]);
  });

  it('refuses the web importing the server and the domain doing I/O', async () => {
    expect(
      await restrictedImports(
        "import { buildApp } from '../../../server/src/app.ts';\nexport const x = buildApp;\n",
        'packages/web/src/lib/fixture.ts',
      ),
    ).toEqual([
      "'../../../server/src/app.ts' import is restricted from being used by a pattern. The web never imports the server.",
    ]);
    expect(
      await restrictedImports(
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
        'packages/domain/src/registry/fixture.ts',
      ),
    ).toEqual([
      "'node:fs' import is restricted from being used by a pattern. The domain is pure: no I/O, no framework (ARCHITECTURE.md §2).",
    ]);
  });
});
