import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Private Redis servers for one test file (never the shared one): a primary watched by a
 * Sentinel, or a three-primary Cluster, on free ports with their files in a temporary folder,
 * stopped and removed by stop().
 */
export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A free port whose cluster bus port (port + 10000) is free too. */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    if ((await portIsFree(port)) && (await portIsFree(port + 10000))) return port;
  }
}

const cli = (port: number, ...args: string[]) =>
  spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).stdout.trim();

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`private Redis: ${what} did not happen in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function startServer(port: number, dir: string, extra: string[] = []): ChildProcess {
  return spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      ...extra,
    ],
    { stdio: 'ignore' },
  );
}

async function stopAll(processes: ChildProcess[], dir: string) {
  await Promise.all(
    processes.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  rmSync(dir, { recursive: true, force: true });
}

/** A primary and one Sentinel watching it as `dash-primary`. */
export async function startSentinelSet(): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'dash-sentinel-'));
  const [primaryPort, sentinelPort] = [await freePort(), await freePort()];
  const primary = startServer(primaryPort, dir);
  await until('primary start', () => cli(primaryPort, 'PING') === 'PONG');
  const config = join(dir, 'sentinel.conf');
  writeFileSync(
    config,
    [
      `port ${sentinelPort}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      `sentinel monitor dash-primary 127.0.0.1 ${primaryPort} 1`,
      'sentinel down-after-milliseconds dash-primary 5000',
    ].join('\n'),
  );
  const sentinel = spawn('redis-server', [config, '--sentinel'], { stdio: 'ignore' });
  await until('sentinel start', () =>
    cli(sentinelPort, 'SENTINEL', 'get-master-addr-by-name', 'dash-primary').includes(
      String(primaryPort),
    ),
  );
  return {
    url: `redis-sentinel://127.0.0.1:${sentinelPort}/dash-primary`,
    stop: () => stopAll([sentinel, primary], dir),
  };
}

/** Three primaries sharing the 16384 slots, no replicas. */
export async function startCluster(): Promise<PrivateRedis & { ports: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'dash-cluster-'));
  const ports = [await freePort(), await freePort(), await freePort()];
  const servers = ports.map((port) =>
    startServer(port, dir, [
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      join(dir, `nodes-${port}.conf`),
    ]),
  );
  try {
    for (const port of ports) await until('node start', () => cli(port, 'PING') === 'PONG');
    const created = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-yes'],
      { encoding: 'utf8' },
    );
    if (created.status !== 0) throw new Error(`cluster create failed: ${created.stdout}`);
    for (const port of ports)
      await until('cluster ready', () => cli(port, 'CLUSTER', 'INFO').includes('cluster_state:ok'));
  } catch (error) {
    await stopAll(servers, dir);
    throw error;
  }
  return {
    url: `redis-cluster://${ports.map((port) => `127.0.0.1:${port}`).join(',')}`,
    ports,
    stop: () => stopAll(servers, dir),
  };
}

/**
 * A Redis server that speaks only TLS, its certificate issued to `redis.test` by a CA made for
 * this run (the CA file is handed back; no system CA trusts it).
 */
export async function startTlsServer(): Promise<PrivateRedis & { port: number; caFile: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'dash-redis-tls-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => {
    const run = spawnSync('openssl', args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`openssl ${args[0]} failed: ${run.stderr}`);
  };
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=dash test CA',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=redis.test',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
  );
  writeFileSync(file('san.ext'), 'subjectAltName=DNS:redis.test\n');
  openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    file('san.ext'),
    '-out',
    file('server.pem'),
  );
  const port = await freePort();
  const server = spawn(
    'redis-server',
    [
      '--port',
      '0',
      '--tls-port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--tls-cert-file',
      file('server.pem'),
      '--tls-key-file',
      file('server.key'),
      '--tls-ca-cert-file',
      file('ca.pem'),
      '--tls-auth-clients',
      'no',
    ],
    { stdio: 'ignore' },
  );
  await until('TLS server start', async () => !(await portIsFree(port)));
  return {
    url: `rediss://127.0.0.1:${port}`,
    port,
    caFile: file('ca.pem'),
    stop: () => stopAll([server], dir),
  };
}
