import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SUBGRAPHS, subgraphUrlVariable } from '@dash/manifest';
import { SUPERGRAPH_FILE } from '../src/compose.js';
import { QUERY_LIMITS } from '../src/query-limits.js';
import { DEFAULT_BATCH_MAX_OPERATIONS } from '../src/config.js';
import { DEFAULT_COPROCESSOR_PORT } from '../src/coprocessor/config.js';
import { STAGES } from '../src/coprocessor/protocol.js';

const ROUTER_YAML = new URL('../../infra/router/router.yaml', import.meta.url);

interface StageSettings {
  headers?: boolean;
  context?: unknown;
  body?: boolean;
  sdl?: boolean;
  service_name?: boolean;
}
interface RouterYaml {
  batching: { enabled: boolean; mode: string; maximum_size: number };
  override_subgraph_url: Record<string, string>;
  limits: { router: { max_depth: number; max_aliases: number } };
  demand_control: { strategy: { static_estimated: { max: number; list_size: number } } };
  headers?: unknown;
  coprocessor: {
    url: string;
    router?: { request?: StageSettings; response?: StageSettings };
    supergraph?: { request?: StageSettings; response?: StageSettings };
    execution?: { request?: StageSettings; response?: StageSettings };
    subgraph?: { all?: { request?: StageSettings; response?: StageSettings } };
  };
}

const config = parse(await readFile(ROUTER_YAML, 'utf8')) as RouterYaml;
const { coprocessor } = config;

/** The stages router.yaml makes the Router send, by the names the protocol gives them. */
function configuredStages(): string[] {
  const stages: string[] = [];
  const services = {
    Router: coprocessor.router,
    Supergraph: coprocessor.supergraph,
    Execution: coprocessor.execution,
    Subgraph: coprocessor.subgraph?.all,
  };
  for (const [service, settings] of Object.entries(services)) {
    if (settings?.request) stages.push(`${service}Request`);
    if (settings?.response) stages.push(`${service}Response`);
  }
  return stages;
}

describe('infra/router/router.yaml and the coprocessor agree', () => {
  it('sends exactly the stages the coprocessor implements', () => {
    expect(configuredStages().sort()).toEqual([...STAGES].sort());
  });

  it('points at the coprocessor’s default port, overridable by DASH_COPROCESSOR_URL', () => {
    const match = /^\$\{env\.DASH_COPROCESSOR_URL:-(http:\/\/[^}]+)\}$/.exec(coprocessor.url);
    expect(match).not.toBeNull();
    expect(new URL(match![1]!).port).toBe(String(DEFAULT_COPROCESSOR_PORT));
  });

  it('sends what the stages read (headers, the context, the subgraph’s name, the client’s body to count a batch) and never the SDL', () => {
    const routerRequest = coprocessor.router!.request!;
    const subgraphRequest = coprocessor.subgraph!.all!.request!;
    for (const stage of [routerRequest, subgraphRequest]) {
      expect(stage.headers).toBe(true);
      expect(stage.context).toBe('all');
      expect(stage.sdl ?? false).toBe(false);
    }
    expect(routerRequest.body).toBe(true);
    expect(subgraphRequest.body ?? false).toBe(false);
    expect(subgraphRequest.service_name).toBe(true);
  });

  it('takes the batches the dashboard sends, no larger than the gateway takes', () => {
    expect(config.batching).toEqual({
      enabled: true,
      mode: 'batch_http_link',
      maximum_size: DEFAULT_BATCH_MAX_OPERATIONS,
    });
  });

  it('does not pass client headers to subgraphs (only the coprocessor’s)', () => {
    expect(config.headers).toBeUndefined();
  });

  it('routes every subgraph of the supergraph, by the same DASH_<NAME>_URL the gateway reads', async () => {
    const supergraph = await readFile(SUPERGRAPH_FILE, 'utf8');
    const graphs = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map(
      (match) => match[1],
    );
    const names = SUBGRAPHS.map(({ name }) => name);
    expect(Object.keys(config.override_subgraph_url).sort()).toEqual([...graphs].sort());
    expect([...graphs].sort()).toEqual([...names].sort());
    for (const name of names)
      expect(config.override_subgraph_url[name]).toMatch(
        new RegExp(`^\\$\\{env\\.${subgraphUrlVariable(name)}:-http://`),
      );
  });

  it('keeps the gateway’s query limits', () => {
    expect(config.limits.router.max_depth).toBe(QUERY_LIMITS.maxDepth);
    expect(config.limits.router.max_aliases).toBe(QUERY_LIMITS.maxAliases);
    expect(config.demand_control.strategy.static_estimated.max).toBe(QUERY_LIMITS.maxCost);
  });
});
