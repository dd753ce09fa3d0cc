import { readFileSync } from 'node:fs';

/** A process's resident size in bytes (VmRSS), or undefined once it has gone. */
function residentBytes(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The peak resident size of each named process, sampled every half second while `sampling`
 * runs (the load phases), so the figure is what each part needs under load.
 */
export class PeakMemory {
  private readonly peaks = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly processes: Map<string, number>) {}

  async sampling<T>(work: () => Promise<T>): Promise<T> {
    this.sample();
    this.timer = setInterval(() => this.sample(), 500);
    try {
      return await work();
    } finally {
      clearInterval(this.timer);
      this.sample();
    }
  }

  /** Peak resident size in MB by process name. */
  peaksMb(): Map<string, number> {
    return new Map([...this.peaks].map(([name, bytes]) => [name, bytes / 1024 / 1024]));
  }

  private sample() {
    for (const [name, pid] of this.processes) {
      const bytes = residentBytes(pid);
      if (bytes !== undefined && bytes > (this.peaks.get(name) ?? 0)) this.peaks.set(name, bytes);
    }
  }
}
