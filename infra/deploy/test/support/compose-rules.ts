import { SUBGRAPHS } from '@dash/manifest';
import { imageRepository, PARTS, type Part } from './docker-parts.js';
import { imageEnv, SECRET_NAME, type Stage } from './docker-rules.js';
import { CONFIG_LOADERS, migrationLoader } from './compose-config-loaders.js';
import {
  environmentOf,
  interpolateAll,
  type ComposeFile,
  type ComposeService,
} from './compose-model.js';

const SUBGRAPH_NAMES = new Set<string>(SUBGRAPHS.map((subgraph) => subgraph.name));
const partNamed = (name: string) => PARTS.find((part) => part.name === name);

/** Our parts' services: `<part>`, `<part>-worker`, `<part>-migrate`, with their part and role. */
function ourServices(compose: ComposeFile) {
  return Object.entries(compose.services).flatMap(([name, service]) => {
    const [, partName, role = 'main'] = /^(.+?)(?:-(worker|migrate))?$/.exec(name)!;
    const part = partNamed(partName!);
    return part ? [{ name, service, part, role }] : [];
  });
}

const targetOf = (service: ComposeService) =>
  typeof service.build === 'object' ? service.build.target : undefined;

const healthTest = (service: ComposeService) => [service.healthcheck?.test ?? []].flat().join(' ');

const dependsOn = (service: ComposeService, other: string) =>
  Array.isArray(service.depends_on)
    ? service.depends_on.includes(other)
      ? 'service_started'
      : undefined
    : service.depends_on?.[other]?.condition;

const publishedPorts = (service: ComposeService) =>
  (service.ports ?? []).map((port) =>
    typeof port === 'string'
      ? port
      : [port.host_ip, port.published, port.target].filter((p) => p !== undefined).join(':'),
  );

const commandOf = (service: ComposeService) => [service.command ?? []].flat().join(' ');

/** A service's parts as written: the image's target, its role, its health and its exposure. */
function serviceProblems(compose: ComposeFile, stages: Stage[]): string[] {
  const problems: string[] = [];
  const services = ourServices(compose);
  const has = (name: string) => name in compose.services;

  for (const part of PARTS) {
    const wanted = SUBGRAPH_NAMES.has(part.name)
      ? [part.name, `${part.name}-worker`, `${part.name}-migrate`]
      : [part.name];
    for (const name of wanted) if (!has(name)) problems.push(`${name}: missing`);
  }

  for (const { name, service, part, role } of services) {
    const say = (message: string) => problems.push(`${name}: ${message}`);
    if (!service.image?.startsWith(`${imageRepository(part)}:`))
      say(`image ${service.image} is not ${imageRepository(part)}:<tag>`);
    if (targetOf(service) !== part.name)
      say(`builds target ${targetOf(service)}, not ${part.name}`);
    if (!stages.some((stage) => stage.name === targetOf(service)))
      say(`builds target ${targetOf(service)}, which the Dockerfile does not have`);

    const env = environmentOf(service);
    if (SUBGRAPH_NAMES.has(part.name) && role !== 'migrate') {
      const expected = role === 'worker' ? 'worker' : 'api';
      if (env.DASH_ROLE !== expected) say(`DASH_ROLE is ${env.DASH_ROLE}, not ${expected}`);
      const migration = dependsOn(service, `${part.name}-migrate`);
      if (migration !== 'service_completed_successfully')
        say(`starts before ${part.name}-migrate completes (depends_on condition ${migration})`);
    }
    if (role === 'migrate') {
      if (commandOf(service) !== `node ${part.migrate}`)
        say(`runs "${commandOf(service)}", not "node ${part.migrate}"`);
      if (dependsOn(service, 'mysql') !== 'service_healthy') say('does not wait for MySQL');
    } else if (!healthTest(service).includes(`:${part.port}/`)) {
      say(`has no healthcheck on its port ${part.port}`);
    }
  }
  return problems;
}

/** Who is reachable from outside: the gateway and the shell; the console on loopback only. */
function exposureProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(compose.services)) {
    const ports = publishedPorts(service);
    if (name === 'gateway' || name === 'shell') {
      const port = partNamed(name)!.port;
      if (!ports.some((p) => p.endsWith(`:${port}`)))
        problems.push(`${name}: does not publish its port ${port}`);
    } else if (name === 'console') {
      for (const p of ports)
        if (!p.startsWith('127.0.0.1:'))
          problems.push(`console: ${p} is reachable beyond loopback`);
    } else if (ports.length > 0) {
      problems.push(`${name}: publishes ${ports.join(', ')} (only gateway and shell may)`);
    }
  }
  return problems;
}

/** A credential written into the file instead of drawn from infra/.env. */
function secretProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  const interpolatedOnly = /^\$\{[A-Za-z_][A-Za-z0-9_]*(:?\?[^}]*)?\}$/;
  const flag = /^(yes|no|true|false|0|1)$/i;
  for (const [name, service] of Object.entries(compose.services)) {
    for (const [variable, value] of Object.entries(environmentOf(service))) {
      if (SECRET_NAME.test(variable) && !flag.test(value) && !interpolatedOnly.test(value))
        problems.push(`${name}: ${variable} is written in the file, not taken from infra/.env`);
    }
    const strings = [...Object.values(environmentOf(service)), ...[service.command ?? []].flat()];
    for (const text of strings) {
      const password = /\/\/[^/:@]*:([^@]*)@/.exec(text)?.[1];
      if (password !== undefined && !interpolatedOnly.test(password))
        problems.push(`${name}: a URL carries a password written in the file`);
    }
    const command = [service.command ?? []].flat();
    const afterPassword = command[command.indexOf('--requirepass') + 1];
    if (command.includes('--requirepass') && !interpolatedOnly.test(afterPassword ?? ''))
      problems.push(`${name}: --requirepass is written in the file`);
  }
  return problems;
}

/**
 * Every URL a process is given must name a service of this file at the port it listens on (or a
 * host outside, with a dot in its name): a typo in a host or port fails here, not at 3 a.m.
 */
function addressProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  const knownPorts: Record<string, number> = { mysql: 3306, redis: 6379 };
  for (const part of PARTS) knownPorts[part.name] = part.port;
  for (const [name, service] of Object.entries(compose.services)) {
    for (const [variable, value] of Object.entries(environmentOf(service))) {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        continue;
      }
      if (!url.host || url.hostname.includes('.') || url.hostname.includes('$')) continue;
      const port = Number(url.port);
      if (!(url.hostname in compose.services))
        problems.push(`${name}: ${variable} names ${url.hostname}, which is not a service here`);
      else if (knownPorts[url.hostname] !== undefined && port !== knownPorts[url.hostname])
        problems.push(
          `${name}: ${variable} uses port ${port} of ${url.hostname}, which listens on ${knownPorts[url.hostname]}`,
        );
      const subgraph = /^DASH_(.+)_URL$/.exec(variable)?.[1]?.toLowerCase().replaceAll('_', '-');
      if (subgraph && SUBGRAPH_NAMES.has(subgraph) && url.hostname !== subgraph)
        problems.push(`${name}: ${variable} points at ${url.hostname}, not ${subgraph}`);
    }
  }
  return problems;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Strings inside loaded settings that point at the container itself (a default left in place). */
function loopbackUrls(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') {
    try {
      return LOOPBACK.has(new URL(value).hostname) ? [value] : [];
    } catch {
      return [];
    }
  }
  if (!value || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && prototype !== Object.prototype) return [];
  return Object.values(value).flatMap((item) => loopbackUrls(item, seen));
}

/**
 * Runs each process's real configuration loaders on the environment it would start with (its
 * image's ENV, then the file's `environment` after interpolation): every setting a part requires
 * in production must be present and valid, and none may fall back to a loopback default.
 */
export function configProblems(
  compose: ComposeFile,
  stages: Stage[],
  operatorEnv: Record<string, string>,
): string[] {
  const problems: string[] = [];
  for (const { name, service, part, role } of ourServices(compose)) {
    const loader = role === 'migrate' ? migrationLoader(part.name) : CONFIG_LOADERS[part.name];
    const env = {
      ...imageEnv(stages, part.name),
      ...interpolateAll(environmentOf(service), operatorEnv),
    };
    if (env.NODE_ENV !== 'production') problems.push(`${name}: NODE_ENV is not production`);
    if (!loader) {
      problems.push(...requiredByUnloadedPart(name, part, env));
      continue;
    }
    try {
      for (const url of loopbackUrls(loader(env)))
        problems.push(`${name}: a setting is left at its loopback default (${url})`);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message.replaceAll('\n', ' ')}`);
    }
  }
  return problems;
}

/** A part whose loader this check does not import (the queue console): its settings by name. */
function requiredByUnloadedPart(name: string, part: Part, env: Record<string, string>) {
  const required = part.name === 'console' ? ['REDIS_URL', 'DASH_OPERATOR_TOKENS'] : [];
  return required.filter((key) => !env[key]).map((key) => `${name}: ${key} is not set`);
}

/** What the file gets wrong about the code: services, roles, exposure, secrets, addresses. */
export function composeProblems(compose: ComposeFile, stages: Stage[]): string[] {
  const images = {
    mysql: compose.services.mysql?.image ?? '',
    redis: compose.services.redis?.image ?? '',
  };
  return [
    ...(images.mysql.startsWith('mysql:8.4')
      ? []
      : [`mysql: image ${images.mysql} is not mysql:8.4`]),
    ...(/^redis:7(\.|-|$)/.test(images.redis)
      ? []
      : [`redis: image ${images.redis} is not redis:7`]),
    ...serviceProblems(compose, stages),
    ...exposureProblems(compose),
    ...secretProblems(compose),
    ...addressProblems(compose),
  ];
}
