import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU time (user + system) a process has used so far, in ms, or undefined once it has gone. */
function cpuMs(pid: number): number | undefined {
  try {
    // The fields after the command name (which may hold spaces) start at the state, field 3.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/** The pid of a running program by name (MariaDB, Redis), if there is one. */
export function pidOf(program: string): number | undefined {
  try {
    const first = execFileSync('pidof', ['-s', program], { encoding: 'utf8' }).trim();
    return first ? Number(first) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU time per named process between two moments: with every part in a process of its own, it
 * says where a figure's time goes (which part costs how many ms per page).
 */
export class CpuTime {
  constructor(private readonly processes: Map<string, number>) {}

  snapshot(): Map<string, number> {
    const taken = new Map<string, number>();
    for (const [name, pid] of this.processes) {
      const ms = cpuMs(pid);
      if (ms !== undefined) taken.set(name, ms);
    }
    return taken;
  }

  /** ms of CPU each process used since `from`, divided by `rounds`. */
  perRound(from: Map<string, number>, rounds: number): Map<string, number> {
    const now = this.snapshot();
    return new Map(
      [...from].map(([name, before]) => [name, ((now.get(name) ?? before) - before) / rounds]),
    );
  }
}
