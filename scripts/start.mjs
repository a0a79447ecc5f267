// `npm start`: build the web app when it is missing or older than its sources, then run the server.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const webIndex = path.join(root, 'packages/web/dist/index.html');

/** The newest modification time under `dir` (0 when it does not exist). */
function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestMtime(path.join(root, 'packages/web/src')),
  newestMtime(path.join(root, 'packages/domain/src')),
  statSync(path.join(root, 'packages/web/index.html')).mtimeMs,
);
// After a pull, the page must match the server: a stale build is rebuilt, not served.
if (!existsSync(webIndex) || statSync(webIndex).mtimeMs < sources) {
  console.log(
    existsSync(webIndex) ? 'The web app is older than its sources: rebuilding…' : 'Building the web app…',
  );
  const build = spawnSync('npm', ['run', 'build', '-w', '@anjian/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the server through the shared process group; it stops PostgreSQL and exits.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
