// The walls between features (docs/architecture.md, "Modules and their doors"), as ESLint's own
// `no-restricted-imports` patterns built from the folders that exist:
// - a server module imports another module only through that module's door, `<module>/index.ts`;
// - the server's entry files (app, main, cli, simulate) import modules only through their doors;
// - web and server never import each other; the domain imports neither and does no I/O.
// Tests, benchmarks and the demo loader (which seeds through repositories like a migration) are
// outside the walls.
import { readdirSync } from 'node:fs';
import path from 'node:path';

const MODULES_DIR = 'packages/server/src/modules';
const OUTSIDE_THE_WALLS = ['demo'];
const TESTS = ['**/*.test.ts', '**/*.test-support.ts', '**/test/**'];

function moduleNames(root) {
  return readdirSync(path.join(root, MODULES_DIR), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

// Module folder names are kebab-case: only '.' would need escaping, and none has one.
const escape = (name) => name.replace(/\./g, '\\.');

function doorMessage(name) {
  return `Import the ${name} module through its door, ${name}/index.ts, not its internal files.`;
}

/** One config block per module, so each knows which names are "other modules". */
const SERVER_NEVER_WEB = [
  { regex: '^@anjian/web', message: 'The server never imports the web.' },
  { regex: '^(\\.\\./)+web/', message: 'The server never imports the web.' },
];

export function moduleBoundaries(root = process.cwd()) {
  const modules = moduleNames(root);
  // ESLint replaces a rule's options block by block, so the server-wide patterns come first and
  // each narrower block repeats them.
  const blocks = [
    {
      files: ['packages/server/**/*.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: SERVER_NEVER_WEB }] },
    },
  ];
  const moduleBlocks = modules
    .filter((name) => !OUTSIDE_THE_WALLS.includes(name))
    .map((name) => {
      const others = modules.filter((other) => other !== name);
      return {
        files: [`${MODULES_DIR}/${name}/**/*.ts`],
        ignores: TESTS,
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                ...SERVER_NEVER_WEB,
                ...others.map((other) => ({
                  regex: `^(\\.\\./)+${escape(other)}/(?!index\\.ts$)`,
                  message: doorMessage(other),
                })),
              ],
            },
          ],
        },
      };
    });
  blocks.push(...moduleBlocks);
  blocks.push({
    files: ['packages/server/src/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...SERVER_NEVER_WEB,
            {
              regex: '^\\./modules/[^/]+/(?!index\\.ts$)',
              message: 'Import a module through its door, modules/<module>/index.ts.',
            },
          ],
        },
      ],
    },
  });
  blocks.push({
    files: ['packages/web/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@anjian/server', message: 'The web never imports the server.' },
            { regex: '^(\\.\\./)+server/', message: 'The web never imports the server.' },
          ],
        },
      ],
    },
  });
  blocks.push({
    files: ['packages/domain/src/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@anjian/(server|web)', message: 'The domain imports neither server nor web.' },
            { regex: '^(\\.\\./)+(server|web)/', message: 'The domain imports neither server nor web.' },
            {
              regex: '^(node:|pg$|fastify|mqtt$|exceljs$)',
              message: 'The domain is pure: no I/O, no framework (ARCHITECTURE.md §2).',
            },
          ],
        },
      ],
    },
  });
  return blocks;
}
