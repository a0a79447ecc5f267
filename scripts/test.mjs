/**
 * `npm test`: the domain, web and server suites. The server suite (two workers, mostly waiting on
 * PostgreSQL and its own server processes) runs beside the domain and web suites (one worker each,
 * one after the other), so the two cores are not left half idle while the small suites run alone
 * (issue 12). The server's output streams as it comes; the domain's and web's is held and printed
 * whole when they finish, so the two never interleave. Exit status: 0 only when every suite passed.
 */
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();
const seconds = () => Math.round((Date.now() - started) / 1000);

/** Runs the workspaces' `test` scripts one after the other (each, even after a failure); answers the first failing status. */
async function suites(workspaces, { hold }) {
  const output = [];
  let failed = 0;
  for (const workspace of workspaces) {
    const child = spawn(npm, ['run', 'test', '-w', workspace], {
      stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: process.env,
    });
    if (hold) {
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
    }
    const code = await new Promise((resolve) => child.once('close', (status) => resolve(status ?? 1)));
    if (hold) process.stdout.write(Buffer.concat(output.splice(0)));
    console.log(`${workspace}: ${code === 0 ? 'passed' : 'FAILED'} (${seconds()} s from the start)`);
    if (code !== 0 && failed === 0) failed = code;
  }
  return failed;
}

const [small, server] = await Promise.all([
  suites(['@anjian/domain', '@anjian/web'], { hold: true }),
  suites(['@anjian/server'], { hold: false }),
]);
console.log(`npm test: ${seconds()} s`);
process.exit(small !== 0 ? small : server);
