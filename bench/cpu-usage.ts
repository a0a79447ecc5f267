import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds (user + system) spent by process trees, read from /proc (Linux): each process counts
 * for the nearest of the given roots among itself and its ancestors. `take()` snapshots; `since()`
 * answers what each root's tree spent since. A process that ended in between is not counted (the
 * server, its database connections and the broker live through a phase).
 */
export function cpuMeter(roots: () => Record<string, number | undefined>) {
  const ticksPerSecond = 100;
  function read(): Map<number, { ppid: number; seconds: number }> {
    const processes = new Map<number, { ppid: number; seconds: number }>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // Fields after the command name, which is in parentheses and may hold spaces.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        processes.set(Number(entry), {
          ppid: Number(fields[1]),
          seconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond,
        });
      } catch {
        // ended while being read
      }
    }
    return processes;
  }
  function since(before: Map<number, { seconds: number }>): Record<string, number> {
    const now = read();
    const rootOf = new Map<number, string>();
    for (const [name, pid] of Object.entries(roots())) if (pid !== undefined) rootOf.set(pid, name);
    const spent: Record<string, number> = Object.fromEntries([...rootOf.values()].map((name) => [name, 0]));
    for (const [pid, info] of now) {
      let cursor: number | undefined = pid;
      let name: string | undefined;
      for (let hops = 0; cursor !== undefined && cursor > 1 && hops < 64; hops++) {
        name = rootOf.get(cursor);
        if (name !== undefined) break;
        cursor = now.get(cursor)?.ppid;
      }
      if (name === undefined) continue;
      spent[name] = (spent[name] ?? 0) + info.seconds - (before.get(pid)?.seconds ?? 0);
    }
    return spent;
  }
  return { take: read, since };
}
