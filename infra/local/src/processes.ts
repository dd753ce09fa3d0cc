import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { waitFor } from '@dash/testing';

/** A background server this stack started, stopped when the stack stops. */
export interface ManagedProcess {
  name: string;
  stop(): Promise<void>;
}

/** Finds an executable on PATH or in the usual sbin folders (mariadbd lives in /usr/sbin). */
export function findExecutable(name: string): string | undefined {
  const dirs = [
    ...(process.env.PATH ?? '').split(':'),
    '/usr/sbin',
    '/usr/local/sbin',
    '/usr/local/bin',
    '/opt/homebrew/bin',
  ];
  for (const dir of dirs) {
    const candidate = `${dir}/${name}`;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function spawnManaged(
  name: string,
  command: string,
  args: string[],
): ManagedProcess & { child: ChildProcess } {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.on('exit', (code) => {
    if (code && code !== 0) console.error(`${name} exited with code ${code}\n${stderr}`);
  });
  return {
    name,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LocalServerSpec {
  /** As people call it in messages: "MySQL server", "Redis". */
  name: string;
  url: string;
  ping(url: string): Promise<unknown>;
  /** Programs that must be installed to start one, e.g. mariadbd and mariadb-install-db. */
  executables: string[];
  installHint: string;
  /** Starts the server on `port` given the programs' paths, in the order of `executables`. */
  start(port: string, paths: string[]): Promise<ManagedProcess>;
}

/**
 * Makes sure a server answers at `spec.url`: uses a running one, else starts the system's own
 * (only for a local URL), else explains what to install. Returns the process it started, if any.
 */
export async function ensureLocalServer(
  spec: LocalServerSpec,
): Promise<ManagedProcess | undefined> {
  try {
    await spec.ping(spec.url);
    return undefined;
  } catch {
    // Not running: try to start one below.
  }
  const { hostname, port } = new URL(spec.url);
  const paths = spec.executables.map(findExecutable);
  if (!['127.0.0.1', 'localhost'].includes(hostname) || paths.some((path) => !path)) {
    throw new Error(`No ${spec.name} answers at ${spec.url}.\n${spec.installHint}`);
  }
  const server = await spec.start(port, paths as string[]);
  await waitFor(`${spec.name} at ${spec.url}`, () => spec.ping(spec.url));
  return server;
}
