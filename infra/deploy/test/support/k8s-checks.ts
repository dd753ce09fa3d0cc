import type { K8sObject } from './k8s-render.js';
import { splitImage } from './k8s-render.js';
import { TRACING_PRELOAD } from './docker-parts.js';
import {
  commandLine,
  containersOf,
  idOf,
  named,
  ofKind,
  selects,
  specOf,
  templateOf,
  workloads,
  type AutoscalerSpec,
  type Container,
  type IngressSpec,
  type LabelSelector,
  type Labels,
  type NetworkPolicyPeer,
  type NetworkPolicyRule,
  type NetworkPolicySpec,
  type ServiceSpec,
} from './k8s-objects.js';

/*
 * Cross-checks over a rendered set of objects, each returning the problems it finds (an empty
 * list when all is well) so that a test can show both the real manifests passing and a broken
 * copy failing.
 */

const NAME = 'app.kubernetes.io/name';
const COMPONENT = 'app.kubernetes.io/component';

const podLabels = (workload: K8sObject): Labels => templateOf(workload).metadata?.labels ?? {};

/** The workloads whose pods a selector picks. */
const podsSelectedBy = (objects: K8sObject[], selector: LabelSelector) =>
  workloads(objects).filter((workload) => selects(selector, podLabels(workload)));

const declaresPort = (container: Container, port: number | string) =>
  (container.ports ?? []).some((declared) =>
    typeof port === 'number' ? declared.containerPort === port : declared.name === port,
  );

const numericPort = (container: Container, port: number | string) =>
  typeof port === 'number'
    ? port
    : container.ports?.find((declared) => declared.name === port)?.containerPort;

/** Every Service sends its traffic to pods that exist, on a port they declare. */
export function serviceProblems(objects: K8sObject[]): string[] {
  return ofKind(objects, 'Service').flatMap((service) => {
    const spec = specOf<ServiceSpec>(service);
    if (!spec.selector || Object.keys(spec.selector).length === 0)
      return [`${idOf(service)}: has no selector`];
    const targets = podsSelectedBy(objects, { matchLabels: spec.selector });
    if (targets.length === 0) return [`${idOf(service)}: its selector matches no pods`];
    return spec.ports.flatMap((port) =>
      targets
        .filter(
          (target) =>
            !containersOf(target).some((container) =>
              declaresPort(container, port.targetPort ?? port.port),
            ),
        )
        .map(
          (target) =>
            `${idOf(service)}: port ${port.port} targets ${port.targetPort}, which ${idOf(target)} does not declare`,
        ),
    );
  });
}

/**
 * Every long-running container is probed on /ready (readiness) and /health (liveness), on the port
 * it declares and that its part is configured to listen on.
 */
export function probeProblems(objects: K8sObject[], env: EnvResolver): string[] {
  return ofKind(objects, 'Deployment').flatMap((deployment) =>
    templateOf(deployment).spec.containers.flatMap((container) => {
      const where = `${idOf(deployment)} container ${container.name}`;
      const listening = Number(env(deployment, container)[portVariable(deployment)]);
      return (
        [
          ['readinessProbe', '/ready'],
          ['livenessProbe', '/health'],
        ] as const
      ).flatMap(([probe, path]) => {
        const httpGet = container[probe]?.httpGet;
        if (!httpGet) return [`${where}: has no HTTP ${probe}`];
        const problems: string[] = [];
        if (httpGet.path !== path)
          problems.push(`${where}: ${probe} asks ${httpGet.path}, not ${path}`);
        if (!declaresPort(container, httpGet.port))
          problems.push(`${where}: ${probe} port ${httpGet.port} is not declared`);
        else if (numericPort(container, httpGet.port) !== listening)
          problems.push(
            `${where}: ${probe} port ${httpGet.port} is not where the part listens (${portVariable(deployment)}=${listening})`,
          );
        return problems;
      });
    }),
  );
}

/** The DASH_<PART>_PORT a workload's process reads, from its app.kubernetes.io/name label. */
export const portVariable = (workload: K8sObject) =>
  `DASH_${(podLabels(workload)[NAME] ?? '').toUpperCase().replaceAll('-', '_')}_PORT`;
export const hostVariable = (workload: K8sObject) =>
  portVariable(workload).replace(/_PORT$/, '_HOST');

/** The environment a container starts with, Secrets given the example values. */
export type EnvResolver = (workload: K8sObject, container: Container) => Record<string, string>;

/**
 * Resolves env and envFrom the way the kubelet does (explicit env wins over envFrom), reading
 * ConfigMaps from the rendered objects and Secrets from `secrets`. A reference to a missing
 * ConfigMap or Secret key is reported through `problems` (optional ones are skipped).
 */
export function envResolver(
  objects: K8sObject[],
  secrets: K8sObject[],
  problems: string[],
): EnvResolver {
  const dataOf = (kind: string, name: string, from: K8sObject[]) => {
    const object = named(from, kind, name);
    if (!object) return undefined;
    return {
      ...((object as { data?: Record<string, string> }).data ?? {}),
      ...((object as { stringData?: Record<string, string> }).stringData ?? {}),
    };
  };
  return (workload, container) => {
    const where = `${idOf(workload)} container ${container.name}`;
    const env: Record<string, string> = {};
    for (const source of container.envFrom ?? []) {
      const [kind, name, from] = source.configMapRef
        ? ['ConfigMap', source.configMapRef.name, objects]
        : ['Secret', source.secretRef!.name, secrets];
      const data = dataOf(kind, name, from);
      if (!data) problems.push(`${where}: envFrom names a missing ${kind} ${name}`);
      Object.assign(env, data);
    }
    for (const variable of container.env ?? []) {
      if (variable.value !== undefined) {
        env[variable.name] = variable.value;
        continue;
      }
      const reference = variable.valueFrom?.secretKeyRef ?? variable.valueFrom?.configMapKeyRef;
      if (!reference) continue;
      const [kind, from] = variable.valueFrom?.secretKeyRef
        ? ['Secret', secrets]
        : ['ConfigMap', objects];
      const value = dataOf(kind, reference.name, from)?.[reference.key];
      if (value !== undefined) env[variable.name] = value;
      else if (!reference.optional)
        problems.push(
          `${where}: ${variable.name} needs ${kind} ${reference.name} key ${reference.key}`,
        );
    }
    return env;
  };
}

/** Each part listens on all its pod's interfaces (loopback is unreachable from a Service). */
export function listenProblems(objects: K8sObject[], env: EnvResolver): string[] {
  return ofKind(objects, 'Deployment').flatMap((deployment) =>
    templateOf(deployment).spec.containers.flatMap((container) => {
      const host = env(deployment, container)[hostVariable(deployment)];
      return host === '0.0.0.0'
        ? []
        : [`${idOf(deployment)}: ${hostVariable(deployment)} is ${host ?? 'unset'}, not 0.0.0.0`];
    }),
  );
}

/**
 * Variables whose values are credentials: never written as a plain `value`, never in a ConfigMap.
 * URLs of MySQL, Redis and SMTP carry a password.
 */
const SECRET_NAME =
  /(SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|_KEYS?$)|^(MYSQL_URL|MYSQL_REPLICA_URLS|REDIS_URL|DASH_SMTP_URL)$/;
/** A URL with a user and password in it. */
const URL_WITH_PASSWORD = /\/\/[^/@\s]*:[^/@\s]*@/;

export function secretProblems(objects: K8sObject[]): string[] {
  const inlined = workloads(objects).flatMap((workload) =>
    containersOf(workload).flatMap((container) =>
      (container.env ?? [])
        .filter(
          (variable) =>
            variable.value !== undefined &&
            (SECRET_NAME.test(variable.name) || URL_WITH_PASSWORD.test(variable.value)),
        )
        .map((variable) => `${idOf(workload)}: ${variable.name} is inlined, not a secretKeyRef`),
    ),
  );
  const inConfigMaps = ofKind(objects, 'ConfigMap').flatMap((configMap) =>
    Object.entries((configMap as { data?: Record<string, string> }).data ?? {})
      .filter(([key, value]) => SECRET_NAME.test(key) || URL_WITH_PASSWORD.test(value))
      .map(([key]) => `${idOf(configMap)}: ${key} is a secret in a ConfigMap`),
  );
  const secrets = ofKind(objects, 'Secret').map(
    (secret) => `${idOf(secret)}: Secrets are referenced, never shipped in the manifests`,
  );
  return [...inlined, ...inConfigMaps, ...secrets];
}

/** Every reference to a Secret names one the example documents (so operators know to create it). */
export function secretReferenceProblems(objects: K8sObject[], examples: K8sObject[]): string[] {
  const documented = (name: string, key?: string) => {
    const secret = named(examples, 'Secret', name) as
      { stringData?: Record<string, string>; data?: Record<string, string> } | undefined;
    return !!secret && (key === undefined || key in { ...secret.data, ...secret.stringData });
  };
  const referenced = workloads(objects).flatMap((workload) => {
    const { spec } = templateOf(workload);
    const volumes = (
      (spec as { volumes?: { secret?: { secretName: string } }[] }).volumes ?? []
    ).flatMap((volume) => (volume.secret ? [[volume.secret.secretName, undefined] as const] : []));
    const env = containersOf(workload).flatMap((container) =>
      (container.env ?? []).flatMap((variable) => {
        const reference = variable.valueFrom?.secretKeyRef;
        return reference ? [[reference.name, reference.key] as const] : [];
      }),
    );
    return [...volumes, ...env].map(([name, key]) => ({ workload, name, key }));
  });
  const tls = ofKind(objects, 'Ingress').flatMap((ingress) =>
    (specOf<IngressSpec>(ingress).tls ?? []).map((entry) => ({
      workload: ingress,
      name: entry.secretName ?? '',
      key: undefined,
    })),
  );
  return [...referenced, ...tls]
    .filter(({ name, key }) => !documented(name, key))
    .map(
      ({ workload, name, key }) =>
        `${idOf(workload)}: Secret ${name}${key ? ` key ${key}` : ''} is not in secret.example.yaml`,
    );
}

/**
 * V8's old space (--max-old-space-size in NODE_OPTIONS) stays well inside the container's memory
 * limit: past the limit the kernel kills the process before garbage collection gets a chance.
 * Three quarters leaves room for the young generation, code and buffers.
 */
export function heapProblems(objects: K8sObject[]): string[] {
  return workloads(objects).flatMap((workload) =>
    containersOf(workload).flatMap((container) => {
      const options = container.env?.find((variable) => variable.name === 'NODE_OPTIONS')?.value;
      const heap = /--max-old-space-size=(\d+)/.exec(options ?? '')?.[1];
      const limit = container.resources?.limits?.memory;
      if (!heap || limit === undefined) return [];
      const heapBytes = Number(heap) * 2 ** 20;
      return heapBytes <= 0.75 * quantity(limit)
        ? []
        : [
            `${idOf(workload)} container ${container.name}: a ${heap} MiB heap does not fit a ${limit} limit`,
          ];
    }),
  );
}

/**
 * A container that sets NODE_OPTIONS replaces the image's, so it must keep the tracing preload:
 * without it the part runs, but its traces silently stop.
 */
export function preloadProblems(objects: K8sObject[]): string[] {
  return workloads(objects).flatMap((workload) =>
    containersOf(workload).flatMap((container) => {
      const options = container.env?.find((variable) => variable.name === 'NODE_OPTIONS')?.value;
      return options === undefined || options.includes(TRACING_PRELOAD)
        ? []
        : [`${idOf(workload)} container ${container.name}: NODE_OPTIONS drops the tracing preload`];
    }),
  );
}

/** Non-root, read-only, no escalation, no capabilities, and bounded resources, everywhere. */
export function hardeningProblems(objects: K8sObject[]): string[] {
  return workloads(objects).flatMap((workload) => {
    const { spec } = templateOf(workload);
    const problems: string[] = [];
    if (spec.securityContext?.runAsNonRoot !== true)
      problems.push(`${idOf(workload)}: pods may run as root`);
    if (spec.automountServiceAccountToken !== false)
      problems.push(`${idOf(workload)}: pods get a service account token they do not use`);
    for (const container of containersOf(workload)) {
      const where = `${idOf(workload)} container ${container.name}`;
      const context = container.securityContext ?? {};
      if (context.readOnlyRootFilesystem !== true)
        problems.push(`${where}: writable root filesystem`);
      if (context.allowPrivilegeEscalation !== false)
        problems.push(`${where}: may escalate privileges`);
      if (!context.capabilities?.drop?.includes('ALL'))
        problems.push(`${where}: keeps capabilities`);
      for (const resource of ['cpu', 'memory'] as const) {
        const request = container.resources?.requests?.[resource];
        const limit = container.resources?.limits?.[resource];
        if (request === undefined || limit === undefined)
          problems.push(`${where}: no ${resource} request and limit`);
        else if (quantity(limit) < quantity(request))
          problems.push(`${where}: ${resource} limit ${limit} is below its request ${request}`);
      }
    }
    return problems;
  });
}

const UNITS: Record<string, number> = { m: 1e-3, '': 1, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 };

/** A Kubernetes quantity (250m, 1.5, 256Mi) as a number. */
export function quantity(value: string | number): number {
  const match = /^([0-9.]+)(m|Ki|Mi|Gi)?$/.exec(String(value));
  if (!match) throw new Error(`unreadable quantity ${value}`);
  return Number(match[1]) * UNITS[match[2] ?? '']!;
}

/**
 * Each autoscaler scales a Deployment that exists and leaves it no fixed replica count to fight
 * over; each disruption budget covers running pods.
 */
export function scalingProblems(objects: K8sObject[]): string[] {
  const autoscalers = ofKind(objects, 'HorizontalPodAutoscaler').flatMap((autoscaler) => {
    const spec = specOf<AutoscalerSpec>(autoscaler);
    const target = named(objects, spec.scaleTargetRef.kind, spec.scaleTargetRef.name);
    if (!target)
      return [`${idOf(autoscaler)}: scales ${spec.scaleTargetRef.name}, which does not exist`];
    const problems: string[] = [];
    if ((target.spec as { replicas?: number }).replicas !== undefined)
      problems.push(`${idOf(target)}: sets replicas although ${idOf(autoscaler)} owns the count`);
    if ((spec.minReplicas ?? 1) < 2)
      problems.push(`${idOf(autoscaler)}: may scale down to one replica`);
    if ((spec.minReplicas ?? 1) > spec.maxReplicas)
      problems.push(`${idOf(autoscaler)}: minReplicas above maxReplicas`);
    return problems;
  });
  const budgets = ofKind(objects, 'PodDisruptionBudget')
    .filter(
      (budget) =>
        podsSelectedBy(objects, (budget.spec as { selector: LabelSelector }).selector).length === 0,
    )
    .map((budget) => `${idOf(budget)}: selects no pods`);
  return [...autoscalers, ...budgets];
}

// ---------------------------------------------------------------------------------------------
// Network policies

/** Pods outside the namespace, described by the labels of their namespace and their own. */
export interface OutsidePeer {
  namespace: Labels;
  pod: Labels;
}

const isOutside = (peer: Labels | OutsidePeer): peer is OutsidePeer =>
  typeof (peer as OutsidePeer).namespace === 'object';

/*
 * A namespaceSelector here always names another namespace (kube-system, the ingress controller's,
 * monitoring), so the namespace's own pods are matched by podSelector-only peers alone.
 */
const peerMatches = (peer: NetworkPolicyPeer, from: Labels | OutsidePeer) => {
  if (peer.ipBlock) return false;
  if (peer.namespaceSelector)
    return (
      isOutside(from) &&
      selects(peer.namespaceSelector, from.namespace) &&
      (!peer.podSelector || selects(peer.podSelector, from.pod))
    );
  return !isOutside(from) && selects(peer.podSelector ?? {}, from);
};

const portAllowed = (rule: NetworkPolicyRule, port: number) =>
  !rule.ports || rule.ports.some((allowed) => allowed.port === undefined || allowed.port === port);

const policiesOf = (objects: K8sObject[]) =>
  ofKind(objects, 'NetworkPolicy').map((policy) => specOf<NetworkPolicySpec>(policy));

const governs = (spec: NetworkPolicySpec, type: 'Ingress' | 'Egress') =>
  (spec.policyTypes ?? ['Ingress']).includes(type);

/** Whether the policies let traffic into pods labelled `to`, on `port`, from `from`. */
export function ingressAllowed(
  objects: K8sObject[],
  from: Labels | OutsidePeer,
  to: Labels,
  port: number,
): boolean {
  const applying = policiesOf(objects).filter(
    (spec) => governs(spec, 'Ingress') && selects(spec.podSelector, to),
  );
  if (applying.length === 0) return true;
  return applying.some((spec) =>
    (spec.ingress ?? []).some(
      (rule) =>
        portAllowed(rule, port) &&
        (!rule.from || rule.from.some((peer) => peerMatches(peer, from))),
    ),
  );
}

/** Whether the policies let pods labelled `from` open a connection to pods labelled `to`. */
export function egressAllowed(objects: K8sObject[], from: Labels, to: Labels, port: number) {
  const applying = policiesOf(objects).filter(
    (spec) => governs(spec, 'Egress') && selects(spec.podSelector, from),
  );
  if (applying.length === 0) return true;
  return applying.some((spec) =>
    (spec.egress ?? []).some(
      (rule) =>
        portAllowed(rule, port) && (!rule.to || rule.to.some((peer) => peerMatches(peer, to))),
    ),
  );
}

/** Whether a pod inside the namespace reaches another there on `port` (both ends must agree). */
export const reaches = (objects: K8sObject[], from: Labels, to: Labels, port: number) =>
  egressAllowed(objects, from, to, port) && ingressAllowed(objects, from, to, port);

/** Every policy and every pod peer it names selects pods that exist; a default deny exists. */
export function networkPolicyProblems(objects: K8sObject[]): string[] {
  const pods = workloads(objects).map(podLabels);
  const anyPod = (selector: LabelSelector) => pods.some((labels) => selects(selector, labels));
  const problems = ofKind(objects, 'NetworkPolicy').flatMap((policy) => {
    const spec = specOf<NetworkPolicySpec>(policy);
    const own = anyPod(spec.podSelector) ? [] : [`${idOf(policy)}: selects no pods`];
    const peers = [...(spec.ingress ?? []), ...(spec.egress ?? [])]
      .flatMap((rule) => [...(rule.from ?? []), ...(rule.to ?? [])])
      .filter((peer) => peer.podSelector && !peer.namespaceSelector && !anyPod(peer.podSelector))
      .map(
        (peer) =>
          `${idOf(policy)}: names peers ${JSON.stringify(peer.podSelector)} that match no pods`,
      );
    return [...own, ...peers];
  });
  const denyAll = policiesOf(objects).some(
    (spec) =>
      Object.keys(spec.podSelector).length === 0 &&
      governs(spec, 'Ingress') &&
      governs(spec, 'Egress') &&
      !spec.ingress?.length &&
      !spec.egress?.length,
  );
  return denyAll ? problems : [...problems, 'no default-deny NetworkPolicy'];
}

// ---------------------------------------------------------------------------------------------
// Ingress

/** The paths the ingress routes to a backend, and where. */
export function ingressRoutes(objects: K8sObject[]) {
  return ofKind(objects, 'Ingress').flatMap((ingress) =>
    (specOf<IngressSpec>(ingress).rules ?? []).flatMap((rule) =>
      rule.http.paths.map((path) => ({ ingress, host: rule.host ?? '*', ...path })),
    ),
  );
}

/** Whether an ingress path of this type routes a request for `requested`. */
export function routes(path: { path: string; pathType: string }, requested: string): boolean {
  if (path.pathType === 'Exact') return requested === path.path;
  const prefix = path.path.replace(/\/$/, '');
  return requested === prefix || requested.startsWith(`${prefix}/`) || path.path === '/';
}

/** Backends exist and are only the gateway and the shell; every host is served over TLS. */
export function ingressProblems(objects: K8sObject[], publicServices: string[]): string[] {
  const backends = ingressRoutes(objects).flatMap(({ ingress, host, path, backend }) => {
    const service = named(objects, 'Service', backend.service.name);
    const where = `${idOf(ingress)} ${host}${path}`;
    if (!service) return [`${where}: routes to a missing Service ${backend.service.name}`];
    if (!publicServices.includes(backend.service.name))
      return [`${where}: exposes ${backend.service.name}, which is not public`];
    const ports = specOf<ServiceSpec>(service).ports;
    const port = backend.service.port;
    return ports.some((p) => (port.name ? p.name === port.name : p.port === port.number))
      ? []
      : [`${where}: Service ${service.metadata.name} has no port ${port.name ?? port.number}`];
  });
  const tls = ofKind(objects, 'Ingress').flatMap((ingress) => {
    const spec = specOf<IngressSpec>(ingress);
    const covered = (spec.tls ?? []).flatMap((entry) => entry.hosts ?? []);
    return (spec.rules ?? [])
      .filter((rule) => !rule.host || !covered.includes(rule.host))
      .map((rule) => `${idOf(ingress)}: host ${rule.host ?? '*'} is not served over TLS`);
  });
  return [...backends, ...tls];
}

// ---------------------------------------------------------------------------------------------
// Images

/** Every image comes from the project's registry under its part's name, with a pinned tag. */
export function imageProblems(objects: K8sObject[], { pinned }: { pinned: boolean }): string[] {
  return workloads(objects).flatMap((workload) =>
    containersOf(workload).flatMap((container) => {
      const { name, tag } = splitImage(container.image);
      const where = `${idOf(workload)} container ${container.name}`;
      const problems: string[] = [];
      if (!name.startsWith('ghcr.io/express-dashboard/'))
        problems.push(`${where}: image ${container.image} is not the project's`);
      if (pinned && (!tag || tag === 'latest'))
        problems.push(`${where}: image ${container.image} has no pinned tag`);
      return problems;
    }),
  );
}

export { COMPONENT, NAME, podLabels };

// ---------------------------------------------------------------------------------------------
// The project's own shape

/**
 * Every subgraph of the manifest runs as an api and a worker Deployment of its own image, behind a
 * Service on its manifest port, scaled by an autoscaler and covered by disruption budgets.
 */
export function subgraphProblems(
  objects: K8sObject[],
  subgraphs: readonly { name: string; port: number }[],
): string[] {
  return subgraphs.flatMap(({ name, port }) => {
    const problems: string[] = [];
    const roles = {
      api: named(objects, 'Deployment', name),
      worker: named(objects, 'Deployment', `${name}-worker`),
    };
    for (const [role, deployment] of Object.entries(roles)) {
      if (!deployment) {
        problems.push(`${name}: no ${role} Deployment`);
        continue;
      }
      const containers = templateOf(deployment).spec.containers;
      const roleVariable = containers[0]?.env?.find((variable) => variable.name === 'DASH_ROLE');
      if (roleVariable?.value !== role)
        problems.push(
          `${idOf(deployment)}: DASH_ROLE is ${roleVariable?.value ?? 'unset'}, not ${role}`,
        );
      if (splitImage(containers[0]?.image ?? '').name !== `ghcr.io/express-dashboard/${name}`)
        problems.push(`${idOf(deployment)}: does not run the ${name} image`);
      const budgeted = ofKind(objects, 'PodDisruptionBudget').some((budget) =>
        selects((budget.spec as { selector: LabelSelector }).selector, podLabels(deployment)),
      );
      if (!budgeted) problems.push(`${idOf(deployment)}: no PodDisruptionBudget covers its pods`);
    }
    const service = named(objects, 'Service', name);
    if (!service) problems.push(`${name}: no Service`);
    else {
      const spec = specOf<ServiceSpec>(service);
      if (!spec.ports.some((p) => p.port === port))
        problems.push(`${idOf(service)}: does not serve the manifest's port ${port}`);
      const targets = podsSelectedBy(objects, { matchLabels: spec.selector ?? {} });
      if (!roles.api || targets.length !== 1 || targets[0] !== roles.api)
        problems.push(`${idOf(service)}: must route to the ${name} api pods only`);
    }
    const scaled = ofKind(objects, 'HorizontalPodAutoscaler').some(
      (autoscaler) => specOf<AutoscalerSpec>(autoscaler).scaleTargetRef.name === name,
    );
    if (!scaled) problems.push(`${name}: no HorizontalPodAutoscaler scales its api Deployment`);
    return problems;
  });
}

/** The migration Job runs every subgraph's migrate.js, in manifest order, from its own image. */
export function migrationProblems(objects: K8sObject[], subgraphs: readonly { name: string }[]) {
  const job = ofKind(objects, 'Job').find((candidate) =>
    containersOf(candidate).some((container) => commandLine(container).includes('migrate.js')),
  );
  if (!job) return ['no migration Job'];
  const steps = containersOf(job).map((container) => ({
    command: commandLine(container),
    image: splitImage(container.image).name,
  }));
  const expected = subgraphs.map(({ name }) => ({
    command: `node services/${name}/dist/migrate.js`,
    image: `ghcr.io/express-dashboard/${name}`,
  }));
  return JSON.stringify(steps) === JSON.stringify(expected)
    ? []
    : [`${idOf(job)}: runs ${JSON.stringify(steps)}, expected ${JSON.stringify(expected)}`];
}

/**
 * Every URL a container is given that names a host inside the cluster (no dot in it) points at a
 * Service that exists, on a port it serves; `owners` says which part's pods must answer a variable.
 */
export function inClusterUrlProblems(
  objects: K8sObject[],
  env: EnvResolver,
  owners: Record<string, string>,
): string[] {
  return workloads(objects).flatMap((workload) =>
    containersOf(workload).flatMap((container) =>
      Object.entries(env(workload, container))
        .filter(
          ([variable, value]) => /_URLS?$/.test(variable) && /^https?:\/\/[^./:]+[:/]/.test(value),
        )
        .flatMap(([variable, value]) => {
          const url = new URL(value);
          const where = `${idOf(workload)}: ${variable}=${value}`;
          const service = named(objects, 'Service', url.hostname);
          if (!service) return [`${where} names no Service`];
          const spec = specOf<ServiceSpec>(service);
          const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
          if (!spec.ports.some((p) => p.port === port))
            return [`${where}: the Service has no port ${port}`];
          const owner = owners[variable];
          const answering = podsSelectedBy(objects, { matchLabels: spec.selector ?? {} });
          if (owner && !answering.every((target) => podLabels(target)[NAME] === owner))
            return [`${where}: the Service does not route to ${owner}`];
          return [];
        }),
    ),
  );
}

/**
 * Who may reach whom, asked as an attacker would: from every pod in the namespace to every
 * part's port, and from outside through the ingress controller's namespace or any other.
 * `allowed(from, to)` names the pairs that must connect; every other pair must not.
 */
export function reachabilityProblems(
  objects: K8sObject[],
  allowed: (from: Labels, to: Labels) => boolean,
  outside: { peer: OutsidePeer; reaches: (to: Labels) => boolean }[],
  portOf: (workload: K8sObject) => number,
): string[] {
  const deployments = ofKind(objects, 'Deployment');
  const pods = workloads(objects);
  const describe = (labels: Labels) => `${labels[NAME]} (${labels[COMPONENT]})`;
  const inside = pods.flatMap((source) =>
    deployments.flatMap((target) => {
      const [from, to] = [podLabels(source), podLabels(target)];
      if (source === target) return [];
      const expected = allowed(from, to);
      const actual = reaches(objects, from, to, portOf(target));
      return expected === actual
        ? []
        : [
            `${describe(from)} ${actual ? 'reaches' : 'cannot reach'} ${describe(to)} on ${portOf(target)}`,
          ];
    }),
  );
  const fromOutside = outside.flatMap(({ peer, reaches: expected }) =>
    deployments.flatMap((target) => {
      const to = podLabels(target);
      const actual = ingressAllowed(objects, peer, to, portOf(target));
      return expected(to) === actual
        ? []
        : [
            `${JSON.stringify(peer.namespace)} ${actual ? 'reaches' : 'cannot reach'} ${describe(to)}`,
          ];
    }),
  );
  return [...inside, ...fromOutside];
}

/** The ingress routes what people open and nothing that is for the cluster's eyes only. */
export function ingressPathProblems(
  objects: K8sObject[],
  mustRoute: string[],
  mustNotRoute: string[],
): string[] {
  const all = ingressRoutes(objects);
  const missing = mustRoute
    .filter((path) => !all.some((route) => routes(route, path)))
    .map((path) => `${path} is not routed by the ingress`);
  const exposed = mustNotRoute.flatMap((path) =>
    all
      .filter((route) => routes(route, path))
      .map(
        (route) =>
          `${route.host}${path} is routed to ${route.backend.service.name} (by ${route.path})`,
      ),
  );
  return [...missing, ...exposed];
}

/**
 * The parts that call others get every address they may need (an unset one falls back to a
 * loopback default, which inside a pod reaches nothing), and no address points at loopback.
 */
export function addressProblems(
  objects: K8sObject[],
  env: EnvResolver,
  callers: (labels: Labels) => boolean,
  required: string[],
): string[] {
  return workloads(objects)
    .filter((workload) => callers(podLabels(workload)))
    .flatMap((workload) =>
      containersOf(workload).flatMap((container) => {
        const values = env(workload, container);
        const missing = required
          .filter((variable) => values[variable] === undefined)
          .map((variable) => `${idOf(workload)}: ${variable} is not set`);
        const loopback = Object.entries(values)
          .filter(([variable]) => /_URLS?$/.test(variable))
          .filter(([, value]) => /\/\/(127\.|localhost|\[::1\])/.test(value))
          .map(([variable, value]) => `${idOf(workload)}: ${variable}=${value} is loopback`);
        return [...missing, ...loopback];
      }),
    );
}
