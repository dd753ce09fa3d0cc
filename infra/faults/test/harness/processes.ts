import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@dash/testing';
import { exited } from './wait.js';

/** The repository's root, where every part's `dist/main.js` is. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** One part of the stack running as its own `node <entry>` process, as a deployment runs it. */
export interface PartProcess {
  name: string;
  /** Its HTTP port (GraphQL, /health, /ready). */
  port: number;
  child: ChildProcess;
  /** The last lines it printed, for a failure's message. */
  output(): string;
  /** Waits until /ready answers 200. */
  ready(timeoutMs?: number): Promise<void>;
  /** Sends `signal` (SIGKILL: a crash) and waits until it is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `node <entry>` (relative to the repository root) with exactly `env` (plus PATH). */
export function startPart(
  name: string,
  entry: string,
  port: number,
  env: Record<string, string>,
): PartProcess {
  const child = spawn(process.execPath, [`${ROOT}${entry}`], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-6000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const part: PartProcess = {
    name,
    port,
    child,
    output: () => output,
    async ready(timeoutMs = 150_000) {
      await waitFor(
        `${name} ready on port ${port}`,
        async () => {
          if (child.exitCode !== null) throw new Error(`${name} exited:\n${output}`);
          const response = await fetch(`http://127.0.0.1:${port}/ready`);
          if (response.status !== 200)
            throw new Error(`${response.status} ${await response.text()}`);
        },
        timeoutMs,
      );
    },
    async kill(signal = 'SIGTERM') {
      const gone = exited(child);
      child.kill(signal);
      await gone;
    },
  };
  return part;
}
