import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { templateOf } from './support/k8s-objects.js';
import { renderKustomization, splitImage, strategicMerge } from './support/k8s-render.js';

const root = mkdtempSync(join(tmpdir(), 'k8s-render-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
/** Writes files (objects become YAML documents) into a fresh folder and returns it. */
function tree(files: Record<string, unknown | unknown[]>): string {
  const folder = join(root, String((folders += 1)));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    const documents = Array.isArray(content) ? content : [content];
    writeFileSync(join(folder, path), documents.map((d) => stringify(d)).join('---\n'));
  }
  return folder;
}

const deployment = (name: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels },
  spec: {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        containers: [
          {
            name: 'app',
            image: `registry.local:5000/team/${name}`,
            args: ['--one'],
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
          },
          { name: 'sidecar', image: 'registry.local:5000/team/sidecar:1.0' },
        ],
      },
    },
  },
});

const kustomization = (fields: Record<string, unknown>) => ({
  apiVersion: 'kustomize.config.k8s.io/v1beta1',
  kind: 'Kustomization',
  ...fields,
});

describe('the kustomize renderer used by the manifest tests', () => {
  it('reads multi-document files and nested kustomizations, and sets the namespace', () => {
    const folder = tree({
      'base/kustomization.yaml': kustomization({ resources: ['apps.yaml'] }),
      'base/apps.yaml': [deployment('one'), deployment('two')],
      'overlay/kustomization.yaml': kustomization({ resources: ['../base'], namespace: 'prod' }),
    });
    const objects = renderKustomization(join(folder, 'overlay'));
    expect(objects.map((o) => [o.metadata.name, o.metadata.namespace])).toEqual([
      ['one', 'prod'],
      ['two', 'prod'],
    ]);
  });

  it('merges a patch by kind and name: keyed lists by key, other lists replaced, null deletes', () => {
    const folder = tree({
      'kustomization.yaml': kustomization({
        resources: ['apps.yaml'],
        patches: [{ path: 'patch.yaml' }],
      }),
      'apps.yaml': [deployment('one'), deployment('two')],
      'patch.yaml': {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'two' },
        spec: {
          replicas: 3,
          template: {
            spec: {
              containers: [
                {
                  name: 'app',
                  args: ['--two'],
                  env: [
                    { name: 'B', value: 'changed' },
                    { name: 'C', value: '3' },
                  ],
                },
              ],
            },
          },
          selector: null,
        },
      },
    });
    const [one, two] = renderKustomization(folder);
    expect(one).toEqual(deployment('one'));
    const [app, sidecar] = templateOf(two!).spec.containers;
    expect(app).toMatchObject({ args: ['--two'], image: 'registry.local:5000/team/two' });
    expect(app!.env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: 'changed' },
      { name: 'C', value: '3' },
    ]);
    expect(sidecar!.name).toBe('sidecar');
    expect((two!.spec as { replicas: number }).replicas).toBe(3);
    expect(two!.spec).not.toHaveProperty('selector');
  });

  it('applies a targeted patch to every match of kind and labels, each keeping its name', () => {
    const folder = tree({
      'kustomization.yaml': kustomization({
        resources: ['apps.yaml'],
        patches: [
          {
            path: 'patch.yaml',
            target: { kind: 'Deployment', labelSelector: 'tier=api,team=x' },
          },
        ],
      }),
      'apps.yaml': [
        deployment('one', { tier: 'api', team: 'x' }),
        deployment('two', { tier: 'api', team: 'y' }),
        deployment('three', { tier: 'api', team: 'x' }),
      ],
      'patch.yaml': {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'placeholder' },
        spec: { replicas: 4 },
      },
    });
    const objects = renderKustomization(folder);
    expect(
      objects.map((o) => [o.metadata.name, (o.spec as { replicas?: number }).replicas]),
    ).toEqual([
      ['one', 4],
      ['two', undefined],
      ['three', 4],
    ]);
  });

  it('sets image names and tags, registry ports included, leaving other images alone', () => {
    const folder = tree({
      'kustomization.yaml': kustomization({
        resources: ['apps.yaml'],
        images: [
          { name: 'registry.local:5000/team/one', newTag: '2.0.0' },
          { name: 'registry.local:5000/team/sidecar', newName: 'ghcr.io/other/sidecar' },
        ],
      }),
      'apps.yaml': deployment('one'),
    });
    const [one] = renderKustomization(folder);
    expect(templateOf(one!).spec.containers.map((c) => c.image)).toEqual([
      'registry.local:5000/team/one:2.0.0',
      'ghcr.io/other/sidecar:1.0',
    ]);
    expect(splitImage('registry.local:5000/team/one')).toEqual({
      name: 'registry.local:5000/team/one',
    });
  });

  it.each([
    [
      'a patch that matches nothing',
      {
        'kustomization.yaml': kustomization({
          resources: ['apps.yaml'],
          patches: [{ path: 'patch.yaml' }],
        }),
        'apps.yaml': deployment('one'),
        'patch.yaml': { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'onne' } },
      },
      /patch\.yaml: the patch matches no resource/,
    ],
    [
      'a patch file holding two patches (kustomize takes one per file)',
      {
        'kustomization.yaml': kustomization({
          resources: ['apps.yaml'],
          patches: [{ path: 'patch.yaml' }],
        }),
        'apps.yaml': deployment('one'),
        'patch.yaml': [deployment('one'), deployment('one')],
      },
      /a patch file holds exactly one patch/,
    ],
    [
      'a kustomize feature this renderer does not implement',
      {
        'kustomization.yaml': kustomization({ resources: ['apps.yaml'], commonLabels: { a: 'b' } }),
        'apps.yaml': deployment('one'),
      },
      /does not implement: commonLabels/,
    ],
    [
      'the same object twice',
      {
        'kustomization.yaml': kustomization({ resources: ['a.yaml', 'b.yaml'] }),
        'a.yaml': deployment('one'),
        'b.yaml': deployment('one'),
      },
      /Deployment\/one is defined twice/,
    ],
    [
      'a missing resource file',
      { 'kustomization.yaml': kustomization({ resources: ['nowhere.yaml'] }) },
      /ENOENT/,
    ],
  ])('refuses %s', (_case, files, error) => {
    expect(() => renderKustomization(tree(files))).toThrow(error);
  });

  it('refuses patch directives it does not implement rather than mis-merging them', () => {
    expect(() =>
      strategicMerge({ spec: { containers: [] } }, { spec: { $patch: 'replace' } }, ''),
    ).toThrow(/patch directives/);
  });
});
