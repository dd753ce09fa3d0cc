import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPH_NODE_ARGS } from '@dash/manifest';
import { describe, expect, it } from 'vitest';
import { PARTS, REPO_ROOT, TRACING_PRELOAD, imageRepository } from './support/docker-parts.js';
import { imageCommand, imageEnv, parseStages, V8_HEAP_FLAG } from './support/docker-rules.js';
import { containersOf, idOf, workloads } from './support/k8s-objects.js';
import { K8S_FOLDER, renderKustomization, splitImage } from './support/k8s-render.js';

/**
 * The heap each process really gets, asked of Node itself. Reading the files alone missed that a
 * heap flag on an image's command line wins over the NODE_OPTIONS a deployment sets, so every
 * Kubernetes memory size was silently replaced by the image's.
 */
const stages = parseStages(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8'));

const memo = new Map<string, number>();
/** V8's heap limit for a node started with these flags and this NODE_OPTIONS. */
function heapLimit(flags: readonly string[], nodeOptions = ''): number {
  const key = `${flags.join(' ')}|${nodeOptions}`;
  if (!memo.has(key)) {
    const printed = execFileSync(
      process.execPath,
      [...flags, '-p', 'require("node:v8").getHeapStatistics().heap_size_limit'],
      // The tracing preload needs the image's /app; it is not what sizes the heap.
      {
        env: { ...process.env, NODE_OPTIONS: nodeOptions.replace(TRACING_PRELOAD, '').trim() },
        encoding: 'utf8',
      },
    );
    memo.set(key, Number(printed.trim()));
  }
  return memo.get(key)!;
}

/** What `node … main.js` passes before its script: the flags a command line gives V8. */
const flagsOf = (command: readonly string[]) => command.slice(1, -1);

/** The flags in a NODE_OPTIONS value that size V8's heap. */
const heapFlagsIn = (nodeOptions: string) =>
  nodeOptions.split(/\s+/).filter((option) => V8_HEAP_FLAG.test(option));

const rendered = {
  base: renderKustomization(join(K8S_FOLDER, 'base')),
  production: renderKustomization(join(K8S_FOLDER, 'overlays/production')),
};
/** Every container that sets NODE_OPTIONS: where it runs, its command, its NODE_OPTIONS. */
const sized = Object.entries(rendered).flatMap(([overlay, objects]) =>
  workloads(objects).flatMap((workload) =>
    containersOf(workload).flatMap((container) => {
      const nodeOptions = container.env?.find((v) => v.name === 'NODE_OPTIONS')?.value;
      const part = PARTS.find(
        (candidate) => imageRepository(candidate) === splitImage(container.image).name,
      );
      if (!nodeOptions || !part || container.command) return [];
      const command = container.args ?? imageCommand(stages, part.name);
      return [[`${overlay} ${idOf(workload)} ${container.name}`, command, nodeOptions] as const];
    }),
  ),
);

describe('the heap each part runs with', () => {
  it.each(PARTS.map((part) => [part.name, part] as const))(
    '%s, started as its image says, gets the heap its image asks for',
    (name) => {
      const options = imageEnv(stages, name).NODE_OPTIONS ?? '';
      expect(heapLimit(flagsOf(imageCommand(stages, name)), options)).toBe(
        heapLimit(heapFlagsIn(options)),
      );
    },
  );

  it('gives every subgraph the caps its processes are measured with', () => {
    const subgraph = PARTS.find((part) => part.heapOptions)!;
    const options = imageEnv(stages, subgraph.name).NODE_OPTIONS ?? '';
    expect(heapLimit(heapFlagsIn(options))).toBe(heapLimit(SUBGRAPH_NODE_ARGS));
  });

  it('covers every subgraph API and worker in both overlays', () => {
    const covered = sized.map(([where]) => where);
    for (const overlay of Object.keys(rendered))
      for (const part of PARTS.filter((candidate) => candidate.heapOptions))
        for (const workload of [part.name, `${part.name}-worker`])
          expect(covered).toContain(`${overlay} Deployment/${workload} app`);
  });

  it.each(sized)(
    'a Kubernetes container gets the heap its NODE_OPTIONS asks for: %s',
    (_where, command, nodeOptions) => {
      expect(command[0]).toBe('node');
      expect(heapLimit(flagsOf(command), nodeOptions)).toBe(heapLimit(heapFlagsIn(nodeOptions)));
    },
  );
});

// The checks above compare limits, so a deployment asking for the image's own size proves
// nothing; these sizes differ from the image's, which is what makes them worth checking.
describe('Kubernetes sizes', () => {
  it('differ from the subgraph image default, so the comparison above can tell them apart', () => {
    const [, , options] = sized.find(([where]) => where === 'base Deployment/ledger app')!;
    expect(heapLimit(heapFlagsIn(options))).not.toBe(heapLimit(SUBGRAPH_NODE_ARGS));
  });
});
