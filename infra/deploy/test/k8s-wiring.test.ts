import { join } from 'node:path';
import { MICROFRONTENDS, SUBGRAPHS, subgraphUrlVariable } from '@dash/manifest';
import { describe, expect, it } from 'vitest';
import {
  addressProblems,
  COMPONENT,
  envResolver,
  hardeningProblems,
  heapProblems,
  imageProblems,
  inClusterUrlProblems,
  ingressPathProblems,
  ingressProblems,
  listenProblems,
  migrationProblems,
  NAME,
  networkPolicyProblems,
  portVariable,
  probeProblems,
  reachabilityProblems,
  scalingProblems,
  secretProblems,
  secretReferenceProblems,
  serviceProblems,
  subgraphProblems,
  type OutsidePeer,
} from './support/k8s-checks.js';
import {
  configLoaderProblems,
  loadGatewayConfig,
  loadShellConfig,
} from './support/k8s-config-loaders.js';
import { containersOf, named, templateOf, type Labels } from './support/k8s-objects.js';
import {
  K8S_FOLDER,
  readDocuments,
  renderKustomization,
  type K8sObject,
} from './support/k8s-render.js';

const examples = readDocuments(join(K8S_FOLDER, 'secret.example.yaml')) as K8sObject[];

/** The environment of a container, with the example Secrets' values. */
function environmentOf(objects: K8sObject[]) {
  const problems: string[] = [];
  return { env: envResolver(objects, examples, problems), problems };
}

/** Which part must answer each in-cluster URL variable. */
const URL_OWNERS: Record<string, string> = {
  ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [subgraphUrlVariable(name), name])),
  DASH_GATEWAY_URL: 'gateway',
};

/** Only the gateway and the subgraphs' own pods reach a subgraph; only the shell the gateway. */
function mayConnect(from: Labels, to: Labels): boolean {
  if (to[COMPONENT] === 'subgraph-api')
    return ['gateway', 'subgraph-api', 'subgraph-worker'].includes(from[COMPONENT] ?? '');
  if (to[COMPONENT] === 'gateway') return from[COMPONENT] === 'shell';
  return false;
}

const outside = (namespace: string, pod: Labels = {}): OutsidePeer => ({
  namespace: { 'kubernetes.io/metadata.name': namespace },
  pod,
});

const OUTSIDE_CALLERS = [
  {
    peer: outside('ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' }),
    reaches: (to: Labels) => ['gateway', 'shell'].includes(to[COMPONENT] ?? ''),
  },
  {
    peer: outside('monitoring', { 'app.kubernetes.io/name': 'prometheus' }),
    reaches: () => true,
  },
  { peer: outside('monitoring', { 'app.kubernetes.io/name': 'grafana' }), reaches: () => false },
  { peer: outside('default'), reaches: () => false },
  { peer: outside('kube-system', { 'k8s-app': 'kube-dns' }), reaches: () => false },
];

const portOf = (workload: K8sObject) =>
  templateOf(workload).spec.containers[0]!.ports![0]!.containerPort;

/** What people open: every micro-frontend's routes, login and onboarding links, the assets. */
const PUBLIC_PATHS = [
  '/',
  ...MICROFRONTENDS.flatMap(({ routes }) =>
    Array.isArray(routes) ? routes.map((route) => (route === '/' ? '/' : `/${route}`)) : [],
  ),
  '/login/llt_token',
  '/onboarding/acctlink_1/secret',
  '/shell/main.js',
  '/apps/balance/spa.js',
  '/vendor/vue.js',
  '/graphql',
  '/exports/balance-transactions.csv',
  '/files',
];

/** For the cluster's eyes only. */
const PRIVATE_PATHS = [
  '/health',
  '/ready',
  '/metrics',
  '/internal/authenticate',
  '/internal/closure-check',
  '/internal/payouts/debit',
  '/internal/reserve/topup',
];

const rendered = {
  base: renderKustomization(join(K8S_FOLDER, 'base')),
  production: renderKustomization(join(K8S_FOLDER, 'overlays/production')),
};

describe.each(Object.entries(rendered))('the %s manifests', (overlay, objects) => {
  it('send every Service to pods that exist, on a port they declare', () => {
    expect(serviceProblems(objects)).toEqual([]);
  });

  it('run every subgraph in the manifest as an api and a worker, with a Service, an autoscaler and budgets', () => {
    expect(subgraphProblems(objects, SUBGRAPHS)).toEqual([]);
  });

  it('migrate every subgraph, in the order the manifest gives, from its own image', () => {
    expect(migrationProblems(objects, SUBGRAPHS)).toEqual([]);
  });

  it('probe /ready and /health on the port each part listens on, on all its interfaces', () => {
    const { env, problems } = environmentOf(objects);
    expect(probeProblems(objects, env)).toEqual([]);
    expect(listenProblems(objects, env)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('give every part what its config loader requires in production, and nothing it refuses', () => {
    const { env, problems } = environmentOf(objects);
    expect(configLoaderProblems(objects, env)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("point the gateway at every subgraph's Service, and every in-cluster URL at a Service", () => {
    const { env } = environmentOf(objects);
    expect(inClusterUrlProblems(objects, env, URL_OWNERS)).toEqual([]);
    const gateway = named(objects, 'Deployment', 'gateway')!;
    const config = loadGatewayConfig(env(gateway, templateOf(gateway).spec.containers[0]!));
    for (const { name, port } of SUBGRAPHS) {
      expect(config.subgraphUrls[name]).toBe(`http://${name}:${port}/graphql`);
    }
    const shell = named(objects, 'Deployment', 'shell')!;
    const shellConfig = loadShellConfig(env(shell, templateOf(shell).spec.containers[0]!));
    expect(new URL(shellConfig.gatewayUrl).hostname).toBe('gateway');
    expect(shellConfig.https).toBe(true);
  });

  it('give the gateway and every subgraph the address of every subgraph and of the dashboard', () => {
    const { env } = environmentOf(objects);
    const calls = (labels: Labels) =>
      ['gateway', 'subgraph-api', 'subgraph-worker'].includes(labels[COMPONENT] ?? '');
    const addresses = [
      ...SUBGRAPHS.map(({ name }) => subgraphUrlVariable(name)),
      'DASH_DASHBOARD_URL',
    ];
    expect(addressProblems(objects, env, calls, addresses)).toEqual([]);
  });

  it('send sign-in codes and e-mails through real carriers, as production requires', () => {
    // The rules of services/notifications/src/delivery/choose-provider.service.ts, which runs
    // when the service is assembled and refuses the development outbox in production.
    const { env } = environmentOf(objects);
    for (const name of ['notifications', 'notifications-worker']) {
      const workload = named(objects, 'Deployment', name)!;
      const values = env(workload, templateOf(workload).spec.containers[0]!);
      expect(values.DASH_EMAIL_PROVIDER, name).toBe('smtp');
      expect(values.DASH_SMTP_URL, name).toMatch(/^smtps?:\/\//);
      expect(values.DASH_SMS_PROVIDER, name).toBe('http');
      expect(() => new URL(values.DASH_SMS_HTTP_URL!), name).not.toThrow();
    }
  });

  it('reference Secrets that secret.example.yaml documents, and never inline one', () => {
    expect(secretProblems(objects)).toEqual([]);
    expect(secretReferenceProblems(objects, examples)).toEqual([]);
  });

  it('run every container as non-root, read-only, unprivileged and bounded', () => {
    expect(hardeningProblems(objects)).toEqual([]);
    expect(heapProblems(objects)).toEqual([]);
  });

  it('scale Deployments that exist and budget disruptions of pods that exist', () => {
    expect(scalingProblems(objects)).toEqual([]);
  });

  it('use images from the project registry, pinned in production', () => {
    expect(imageProblems(objects, { pinned: overlay === 'production' })).toEqual([]);
  });

  it('deny by default, with every policy selecting pods that exist', () => {
    expect(networkPolicyProblems(objects)).toEqual([]);
  });

  it('let subgraphs be reached only by the gateway and each other, and from outside only the gateway and shell', () => {
    expect(reachabilityProblems(objects, mayConnect, OUTSIDE_CALLERS, portOf)).toEqual([]);
  });

  it('expose through the ingress, over TLS, only the shell and the gateway, and none of their private paths', () => {
    expect(ingressProblems(objects, ['gateway', 'shell'])).toEqual([]);
    expect(ingressPathProblems(objects, PUBLIC_PATHS, PRIVATE_PATHS)).toEqual([]);
  });
});

describe('a broken manifest is caught', () => {
  const objects = rendered.production;
  const broken = (change: (copy: K8sObject[]) => void) => {
    const copy = structuredClone(objects);
    change(copy);
    return copy;
  };
  const deployment = (copy: K8sObject[], name: string) => named(copy, 'Deployment', name)!;
  const configMap = (copy: K8sObject[]) =>
    named(copy, 'ConfigMap', 'dash-config') as unknown as { data: Record<string, string> };
  const container = (copy: K8sObject[], name: string) =>
    templateOf(deployment(copy, name)).spec.containers[0]!;

  it('a Service whose selector has a typo', () => {
    const copy = broken((c) => {
      (named(c, 'Service', 'ledger')!.spec as { selector: Labels }).selector[NAME] = 'ledgr';
    });
    expect(serviceProblems(copy)).toEqual(['Service/ledger: its selector matches no pods']);
    expect(subgraphProblems(copy, SUBGRAPHS)).toContain(
      'Service/ledger: must route to the ledger api pods only',
    );
  });

  it('a subgraph without its worker, or with its worker in the api role', () => {
    const withoutWorker = broken((c) => c.splice(c.indexOf(deployment(c, 'payouts-worker')), 1));
    expect(subgraphProblems(withoutWorker, SUBGRAPHS)).toEqual(['payouts: no worker Deployment']);
    const wrongRole = broken((c) => {
      container(c, 'payouts-worker').env!.find((v) => v.name === 'DASH_ROLE')!.value = 'api';
    });
    expect(subgraphProblems(wrongRole, SUBGRAPHS)).toEqual([
      'Deployment/payouts-worker: DASH_ROLE is api, not worker',
    ]);
  });

  it('a subgraph added to the manifest but not to the manifests', () => {
    const problems = subgraphProblems(objects, [...SUBGRAPHS, { name: 'reports', port: 4006 }]);
    expect(problems).toEqual([
      'reports: no api Deployment',
      'reports: no worker Deployment',
      'reports: no Service',
      'reports: no HorizontalPodAutoscaler scales its api Deployment',
    ]);
    expect(migrationProblems(objects, [...SUBGRAPHS, { name: 'reports' }])).toHaveLength(1);
  });

  it('a probe on the wrong path or a port the part does not listen on', () => {
    const copy = broken((c) => {
      container(c, 'identity').livenessProbe!.httpGet!.path = '/healthz';
      container(c, 'gateway').readinessProbe!.httpGet!.port = 4001;
    });
    const { env } = environmentOf(copy);
    expect(probeProblems(copy, env)).toEqual([
      'Deployment/identity container app: livenessProbe asks /healthz, not /health',
      'Deployment/gateway container app: readinessProbe port 4001 is not declared',
    ]);
  });

  it('a part left listening on loopback', () => {
    const copy = broken((c) => {
      const config = configMap(c);
      delete config.data.DASH_SHELL_HOST;
    });
    const { env } = environmentOf(copy);
    expect(listenProblems(copy, env)).toEqual([
      'Deployment/shell: DASH_SHELL_HOST is unset, not 0.0.0.0',
    ]);
  });

  it('a secret written inline, or put in the ConfigMap', () => {
    const copy = broken((c) => {
      const variable = container(c, 'gateway').env!.find((v) => v.name === 'DASH_SECRET_KEYS')!;
      delete variable.valueFrom;
      variable.value = 'k1:an-inlined-secret-of-at-least-32-characters';
      const config = configMap(c);
      config.data.DASH_REPORTS_URL = 'mysql://reports:hunter2@mysql:3306';
    });
    expect(secretProblems(copy)).toEqual([
      'Deployment/gateway: DASH_SECRET_KEYS is inlined, not a secretKeyRef',
      'ConfigMap/dash-config: DASH_REPORTS_URL is a secret in a ConfigMap',
    ]);
  });

  it('a Secret no one documented', () => {
    const copy = broken((c) => {
      container(c, 'console').env!.find(
        (v) => v.name === 'DASH_OPERATOR_TOKENS',
      )!.valueFrom!.secretKeyRef!.key = 'tokens';
    });
    expect(secretReferenceProblems(copy, examples)).toEqual([
      'Deployment/console: Secret dash-console key tokens is not in secret.example.yaml',
    ]);
  });

  it('a required setting forgotten, or one a part refuses in production', () => {
    const copy = broken((c) => {
      const gateway = container(c, 'gateway');
      gateway.env = gateway.env!.filter((v) => v.name !== 'DASH_SECRET_KEYS');
      const config = configMap(c);
      config.data.DASH_PAYOUT_TICK_MS = 'soon';
      container(c, 'identity-worker').env!.find((v) => v.name === 'DASH_ROLE')!.value = 'workers';
    });
    const { env } = environmentOf(copy);
    const problems = configLoaderProblems(copy, env);
    expect(problems.filter((p) => p.startsWith('Deployment/gateway '))).toHaveLength(1);
    expect(problems.find((p) => p.startsWith('Deployment/gateway '))).toMatch(/DASH_SECRET_KEYS/);
    expect(problems.filter((p) => p.includes('DASH_PAYOUT_TICK_MS'))).toHaveLength(2);
    expect(problems.find((p) => p.startsWith('Deployment/identity-worker '))).toMatch(/DASH_ROLE/);
  });

  it('a subgraph left to its loopback default', () => {
    const copy = broken((c) => {
      delete configMap(c).data[subgraphUrlVariable('identity')];
      configMap(c).data.DASH_DASHBOARD_URL = 'http://127.0.0.1:9000';
    });
    const { env } = environmentOf(copy);
    const problems = addressProblems(copy, env, () => true, [subgraphUrlVariable('identity')]);
    expect(problems).toContain('Deployment/ledger-worker: DASH_IDENTITY_URL is not set');
    expect(problems).toContain(
      'Deployment/gateway: DASH_DASHBOARD_URL=http://127.0.0.1:9000 is loopback',
    );
  });

  it('a subgraph URL pointing at a Service that does not exist, or at the wrong part', () => {
    const copy = broken((c) => {
      const config = configMap(c);
      config.data[subgraphUrlVariable('ledger')] = 'http://ledger-api:4002/graphql';
      config.data[subgraphUrlVariable('payouts')] = 'http://disputes:4004/graphql';
    });
    const { env } = environmentOf(copy);
    const problems = inClusterUrlProblems(copy, env, URL_OWNERS);
    expect(problems).toContain(
      'Deployment/gateway: DASH_LEDGER_URL=http://ledger-api:4002/graphql names no Service',
    );
    expect(problems).toContain(
      'Deployment/gateway: DASH_PAYOUTS_URL=http://disputes:4004/graphql: the Service does not route to payouts',
    );
  });

  it('a network policy whose selector matches nothing, or no default deny', () => {
    const copy = broken((c) => {
      const policy = named(c, 'NetworkPolicy', 'shell-ingress')!;
      (policy.spec as { podSelector: { matchLabels: Labels } }).podSelector.matchLabels[COMPONENT] =
        'shel';
      c.splice(c.indexOf(named(c, 'NetworkPolicy', 'default-deny')!), 1);
    });
    expect(networkPolicyProblems(copy)).toEqual([
      'NetworkPolicy/shell-ingress: selects no pods',
      'no default-deny NetworkPolicy',
    ]);
  });

  it('a policy that lets the shell call a subgraph, or the world reach a subgraph', () => {
    // Letting the shell in on the subgraphs' side alone is not enough: its egress still stops it.
    const oneSided = broken((c) => {
      const policy = named(c, 'NetworkPolicy', 'subgraph-api-ingress')!;
      const rules = (policy.spec as { ingress: { from: unknown[] }[] }).ingress;
      rules[0]!.from.push({ podSelector: { matchLabels: { [COMPONENT]: 'shell' } } });
      rules.push({ from: [{ namespaceSelector: {} }] });
    });
    const problems = reachabilityProblems(oneSided, mayConnect, OUTSIDE_CALLERS, portOf);
    expect(problems.some((p) => p.startsWith('shell (shell) reaches'))).toBe(false);
    expect(problems).toContain(
      '{"kubernetes.io/metadata.name":"default"} reaches ledger (subgraph-api)',
    );
    // A label copied onto the shell's pods opens both ends at once.
    const labelled = broken((c) => {
      templateOf(deployment(c, 'shell')).metadata!.labels!['dash.dev/calls-subgraphs'] = 'true';
    });
    expect(reachabilityProblems(labelled, mayConnect, OUTSIDE_CALLERS, portOf)).toEqual(
      SUBGRAPHS.map(({ name, port }) => `shell (shell) reaches ${name} (subgraph-api) on ${port}`),
    );
  });

  it('an ingress that routes everything, a private path, or a host without TLS', () => {
    const copy = broken((c) => {
      const ingress = named(c, 'Ingress', 'dash')!;
      const spec = ingress.spec as {
        rules: { host: string; http: { paths: { path: string; pathType: string }[] } }[];
        tls: { hosts: string[] }[];
      };
      spec.rules[0]!.http.paths[0]!.pathType = 'Prefix';
      spec.tls[0]!.hosts = ['dashboard.example.com'];
    });
    expect(ingressPathProblems(copy, PUBLIC_PATHS, PRIVATE_PATHS)).toContain(
      'dashboard.example.com/metrics is routed to shell (by /)',
    );
    expect(ingressProblems(copy, ['gateway', 'shell'])).toEqual([
      'Ingress/dash: host api.example.com is not served over TLS',
    ]);
    const exposed = broken((c) => {
      const spec = named(c, 'Ingress', 'dash')!.spec as {
        rules: { http: { paths: { backend: { service: { name: string } } }[] } }[];
      };
      spec.rules[1]!.http.paths[0]!.backend.service.name = 'identity';
    });
    expect(ingressProblems(exposed, ['gateway', 'shell'])).toEqual([
      'Ingress/dash api.example.com/graphql: exposes identity, which is not public',
    ]);
  });

  it('a container that may write its root filesystem or has no memory limit', () => {
    const copy = broken((c) => {
      container(c, 'notifications-worker').securityContext!.readOnlyRootFilesystem = false;
      delete container(c, 'shell').resources!.limits!.memory;
    });
    expect(hardeningProblems(copy)).toEqual([
      'Deployment/notifications-worker container app: writable root filesystem',
      'Deployment/shell container app: no memory request and limit',
    ]);
  });

  it('a heap raised past the memory limit', () => {
    const copy = broken((c) => {
      container(c, 'gateway').env!.find((v) => v.name === 'NODE_OPTIONS')!.value =
        '--max-old-space-size=512';
    });
    expect(heapProblems(copy)).toEqual([
      'Deployment/gateway container app: a 512 MiB heap does not fit a 512Mi limit',
    ]);
  });

  it('an autoscaler fighting a fixed replica count, or scaling what does not exist', () => {
    const copy = broken((c) => {
      (deployment(c, 'gateway').spec as { replicas?: number }).replicas = 2;
      (
        named(c, 'HorizontalPodAutoscaler', 'ledger')!.spec as {
          scaleTargetRef: { name: string };
        }
      ).scaleTargetRef.name = 'ledger-api';
    });
    expect(scalingProblems(copy)).toEqual([
      'HorizontalPodAutoscaler/ledger: scales ledger-api, which does not exist',
      'Deployment/gateway: sets replicas although HorizontalPodAutoscaler/gateway owns the count',
    ]);
  });

  it('an image not pinned in production', () => {
    const copy = broken((c) => {
      container(c, 'ledger').image = 'ghcr.io/express-dashboard/ledger:latest';
    });
    expect(imageProblems(copy, { pinned: true })).toEqual([
      'Deployment/ledger container app: image ghcr.io/express-dashboard/ledger:latest has no pinned tag',
    ]);
  });

  it('every part is checked: each Deployment has a port variable the ConfigMap sets', () => {
    const { env } = environmentOf(objects);
    for (const workload of objects.filter((o) => o.kind === 'Deployment')) {
      for (const c of containersOf(workload))
        expect(env(workload, c)[portVariable(workload)], workload.metadata.name).toMatch(/^\d+$/);
    }
  });
});
