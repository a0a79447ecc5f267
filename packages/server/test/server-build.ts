import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const serverDir = path.resolve(import.meta.dirname, '..');

/** The server's two programs as one run of the process tests starts them. */
export interface ServerEntries {
  main: string;
  cli: string;
}

/**
 * src/main.ts and src/cli.ts bundled once per test run for the tests that start real server
 * processes (issue 12). Each `node --import tsx src/main.ts` spent about 2.9 s of CPU importing the
 * app through the loader hooks (resolving, transforming and linking some 900 modules one by one);
 * the bundle imports in about 1.3 s, and the process tests start about ten servers.
 *
 * The code is the same: our TypeScript (server and domain) is bundled as written, every npm
 * package stays an import resolved from node_modules (native addons, wasm files and package data
 * load as they do under tsx), and `import.meta.dirname` / `import.meta.url` are set to each source
 * file's own place, so that the migrations, the CAP schema and the county boundaries are read from
 * where they are. The bundle is written under packages/server/node_modules/.cache, so that its
 * package imports resolve as the sources' do, in a directory of this test worker's own, built at
 * the first call and removed when the worker exits.
 */
export function serverEntries(): Promise<ServerEntries> {
  built ??= build();
  return built;
}
let built: Promise<ServerEntries> | undefined;

async function build(): Promise<ServerEntries> {
  const cache = path.join(serverDir, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'anjian-test-server-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  await esbuild.build({
    entryPoints: { main: path.join(serverDir, 'src/main.ts'), cli: path.join(serverDir, 'src/cli.ts') },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        name: 'sources-as-written',
        setup(build) {
          // The domain package is our TypeScript too: bundle it; every other package stays external.
          build.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@anjian/') ? undefined : { path: args.path, external: true },
          );
          build.onLoad({ filter: /\.ts$/ }, async (args) => {
            const source = await readFile(args.path, 'utf8');
            return {
              loader: 'ts',
              contents: source
                .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
                .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
            };
          });
        },
      },
    ],
  });
  return { main: path.join(dir, 'main.mjs'), cli: path.join(dir, 'cli.mjs') };
}
