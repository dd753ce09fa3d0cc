import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaProblems } from './support/k8s-models.js';
import { templateOf } from './support/k8s-objects.js';
import {
  K8S_FOLDER,
  readDocuments,
  renderKustomization,
  type K8sObject,
} from './support/k8s-render.js';

const base = renderKustomization(join(K8S_FOLDER, 'base'));
const production = renderKustomization(join(K8S_FOLDER, 'overlays/production'));

describe('the Kubernetes manifests against the Kubernetes API schemas', () => {
  it.each([
    ['base', base],
    ['the rendered production overlay', production],
  ])('every object of %s is valid', (_name, objects) => {
    expect(objects.length).toBeGreaterThan(40);
    expect(schemaProblems(objects)).toEqual([]);
  });

  it('the example Secrets are valid Secrets too', () => {
    const examples = readDocuments(join(K8S_FOLDER, 'secret.example.yaml')) as K8sObject[];
    expect(examples.map((secret) => secret.kind)).toEqual(examples.map(() => 'Secret'));
    expect(schemaProblems(examples)).toEqual([]);
  });

  it('a broken object is reported, with where and why', () => {
    const deployment = structuredClone(base.find((object) => object.kind === 'Deployment')!);
    const container = templateOf(deployment).spec.containers[0]!;
    (container.ports![0] as { containerPort: unknown }).containerPort = 'http';
    delete (deployment.spec as { selector?: unknown }).selector;
    const problems = schemaProblems([deployment, { ...deployment, apiVersion: 'apps/v1beta1' }]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(new RegExp(`Deployment/${deployment.metadata.name}: .*selector`));
    expect(problems[1]).toMatch(/no schema model for apps\/v1beta1 Deployment/);
  });
});
