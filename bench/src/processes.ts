import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { settingName } from '@dash/manifest';
import { freePort } from '@dash/testing';

/** Built entry points, as a deployment runs them: one process per service. */
const ENTRIES = {
  identity: '../../services/identity/dist/main.js',
  ledger: '../../services/ledger/dist/main.js',
  notifications: '../../services/notifications/dist/main.js',
  gateway: '../../gateway/dist/main.js',
} as const;
export type ServiceName = keyof typeof ENTRIES;

export interface ServiceProcess {
  url: string;
  stop(): Promise<void>;
}

async function waitUntilReady(origin: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not become ready`);
}

/** Starts one service in a process of its own on a free port and waits until it is ready. */
export async function startProcess(
  name: ServiceName,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [fileURLToPath(new URL(ENTRIES[name], import.meta.url))], {
    env: {
      ...process.env,
      ...env,
      [settingName(name, 'PORT')]: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilReady(origin, child, name);
  return {
    url: `${origin}/graphql`,
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    },
  };
}
