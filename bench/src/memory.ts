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

const inMb = (bytes: Map<string, number>) =>
  new Map([...bytes].map(([name, value]) => [name, value / 1024 / 1024]));

/**
 * The peak resident size of each named process, sampled every half second while `sampling`
 * runs (the load phases), so the figure is what each part needs under load.
 */
export class PeakMemory {
  private readonly peaks = new Map<string, number>();
  /** The peaks of the latest `sampling` alone: which phase needed the memory. */
  private readonly roundPeaks = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly processes: Map<string, number>) {}

  async sampling<T>(work: () => Promise<T>): Promise<T> {
    this.roundPeaks.clear();
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
    return inMb(this.peaks);
  }

  /** Peak resident size in MB by process name during the latest `sampling`. */
  roundPeaksMb(): Map<string, number> {
    return inMb(this.roundPeaks);
  }

  private sample() {
    for (const [name, pid] of this.processes) {
      const bytes = residentBytes(pid);
      if (bytes === undefined) continue;
      if (bytes > (this.peaks.get(name) ?? 0)) this.peaks.set(name, bytes);
      if (bytes > (this.roundPeaks.get(name) ?? 0)) this.roundPeaks.set(name, bytes);
    }
  }
}
