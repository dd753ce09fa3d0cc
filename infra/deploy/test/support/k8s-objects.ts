import type { K8sObject } from './k8s-render.js';

/*
 * Typed views of the parts of Kubernetes objects the checks read. The schemas say what is valid;
 * these only spare the checks from casting.
 */

export type Labels = Record<string, string>;

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
  };
}

export interface Probe {
  httpGet?: { path?: string; port: number | string };
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: {
    requests?: { cpu?: string | number; memory?: string };
    limits?: { cpu?: string | number; memory?: string };
  };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean };
}

export interface PodTemplate {
  metadata?: { labels?: Labels };
  spec: PodSpec;
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string };
}

export interface NetworkPolicyRule {
  from?: NetworkPolicyPeer[];
  to?: NetworkPolicyPeer[];
  ports?: { protocol?: string; port?: number | string }[];
}

export interface NetworkPolicySpec {
  podSelector: LabelSelector;
  policyTypes?: ('Ingress' | 'Egress')[];
  ingress?: NetworkPolicyRule[];
  egress?: NetworkPolicyRule[];
}

export interface ServiceSpec {
  selector?: Labels;
  ports: { name?: string; port: number; targetPort?: number | string }[];
}

export interface IngressBackend {
  service: { name: string; port: { name?: string; number?: number } };
}

export interface IngressSpec {
  tls?: { hosts?: string[]; secretName?: string }[];
  rules?: {
    host?: string;
    http: { paths: { path: string; pathType: string; backend: IngressBackend }[] };
  }[];
}

export interface AutoscalerSpec {
  scaleTargetRef: { apiVersion?: string; kind: string; name: string };
  minReplicas?: number;
  maxReplicas: number;
}

export const specOf = <Spec>(object: K8sObject) => object.spec as Spec;

export const ofKind = (objects: K8sObject[], kind: string) =>
  objects.filter((object) => object.kind === kind);

export const named = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((object) => object.kind === kind && object.metadata.name === name);

export const idOf = (object: K8sObject) => `${object.kind}/${object.metadata.name}`;

/** The pod template of a Deployment or Job. */
export const templateOf = (object: K8sObject) =>
  (object.spec as { template: PodTemplate }).template;

/** Deployments and Jobs: whatever runs pods. */
export const workloads = (objects: K8sObject[]) =>
  objects.filter((object) => object.kind === 'Deployment' || object.kind === 'Job');

export const containersOf = (object: K8sObject): Container[] => {
  const { spec } = templateOf(object);
  return [...(spec.initContainers ?? []), ...spec.containers];
};

/**
 * What a container runs, as far as the manifest says: its command (replacing the image's
 * entrypoint) and its args (replacing the image's CMD, so the image's tini stays PID 1).
 */
export const commandLine = (container: Container) =>
  [...(container.command ?? []), ...(container.args ?? [])].join(' ');

/** Whether an equality or set-based label selector picks these labels. An empty one picks all. */
export function selects(selector: LabelSelector, labels: Labels): boolean {
  const equal = Object.entries(selector.matchLabels ?? {}).every(
    ([key, value]) => labels[key] === value,
  );
  const expressions = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return values.includes(labels[key] ?? '\0');
      case 'NotIn':
        return !values.includes(labels[key] ?? '\0');
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
      default:
        throw new Error(`unknown selector operator ${operator}`);
    }
  });
  return equal && expressions;
}
