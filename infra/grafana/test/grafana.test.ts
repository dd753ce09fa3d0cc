import { readFile } from 'node:fs/promises';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@dash/logger';
import { startGraphqlServer, type RunningServer } from '@dash/server-kit';

const file = (name: string) => new URL(`../${name}`, import.meta.url);

/** Series Prometheus makes itself rather than scraping them from a part. */
const PROMETHEUS_OWN = new Set(['up']);

/** Names in a PromQL expression that are metrics (not functions, keywords or label names). */
function metricNamesIn(expr: string): string[] {
  const withoutLabels = expr.replace(/\{[^}]*\}/g, '{}').replace(/\[[^\]]*\]/g, '[]');
  const names = withoutLabels.match(/[a-zA-Z_:][a-zA-Z0-9_:]*(?=\s*[{[)\s]|$)/g) ?? [];
  const notMetrics =
    /^(sum|max|min|avg|count|rate|increase|delta|by|without|histogram_quantile|and|or|unless|on|ignoring|le)$/;
  return names.filter(
    (name) => (!notMetrics.test(name) && /_/.test(name)) || PROMETHEUS_OWN.has(name),
  );
}

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string };
}

let server: RunningServer;
let exposition = '';

beforeAll(async () => {
  // A server the way every part runs one; its /metrics is what Prometheus scrapes.
  server = await startGraphqlServer({
    name: 'grafana-check',
    apollo: {
      schema: new GraphQLSchema({
        query: new GraphQLObjectType({
          name: 'Query',
          fields: { ping: { type: GraphQLString, resolve: () => 'pong' } },
        }),
      }),
    },
    host: '127.0.0.1',
    port: 0,
    log: createLogger('grafana-check', 'silent'),
    introspection: false,
    readiness: {},
    context: async () => ({}),
  });
  await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query Ping { ping }' }),
  });
  exposition = await (await fetch(server.url.replace('/graphql', '/metrics'))).text();
});

afterAll(() => server?.stop());

/** Exported: a sample of that name, or a metric family whose samples it names. */
const exported = (name: string) =>
  PROMETHEUS_OWN.has(name) ||
  new RegExp(`^${name}[{ ]`, 'm').test(exposition) ||
  new RegExp(`^# TYPE ${name.replace(/_(bucket|sum|count)$/, '')} `, 'm').test(exposition);

describe('dashboard', () => {
  it('charts only metrics our parts export', async () => {
    const dashboard = JSON.parse(await readFile(file('dashboard.json'), 'utf8')) as {
      panels: Array<{ title: string; targets?: Array<{ expr: string }> }>;
    };
    const exprs = dashboard.panels.flatMap((panel) => panel.targets ?? []).map((t) => t.expr);
    expect(exprs.length).toBeGreaterThan(10);
    const names = new Set(exprs.flatMap(metricNamesIn));
    for (const wanted of [
      'dash_graphql_requests_total',
      'dash_graphql_errors_total',
      'dash_graphql_request_duration_seconds_bucket',
      'dash_queue_jobs',
      'dash_queue_oldest_waiting_age_seconds',
      'dash_outbox_unrelayed_events',
      'dash_outbox_oldest_unrelayed_age_seconds',
      'dash_payout_failures_total',
      'dash_notification_delivery_failures_total',
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
    ])
      expect(names).toContain(wanted);
    for (const name of names) expect(exported(name), `${name} is not exported`).toBe(true);
  });
});

describe('alert rules', () => {
  it('parse into groups of rules with a severity and a summary', async () => {
    const rules = parse(await readFile(file('alerts.yaml'), 'utf8')) as {
      groups: Array<{ name: string; rules: AlertRule[] }>;
    };
    expect(rules.groups.length).toBeGreaterThan(0);
    const alerts = rules.groups.flatMap((group) => {
      expect(group.name).toMatch(/^[a-z-]+$/);
      return group.rules;
    });
    for (const rule of alerts) {
      expect(rule.alert).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(typeof rule.expr).toBe('string');
      if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smh]$/);
      expect(['page', 'ticket']).toContain(rule.labels.severity);
      expect(rule.annotations.summary.length).toBeGreaterThan(10);
    }
    expect(new Set(alerts.map((rule) => rule.alert)).size).toBe(alerts.length);
  });

  it('page on the failures a team must act on, using only metrics our parts export', async () => {
    const rules = parse(await readFile(file('alerts.yaml'), 'utf8')) as {
      groups: Array<{ rules: AlertRule[] }>;
    };
    const exprs = rules.groups.flatMap((group) => group.rules).map((rule) => rule.expr);
    const names = new Set(exprs.flatMap(metricNamesIn));
    for (const watched of [
      'up',
      'dash_graphql_errors_total',
      'dash_graphql_request_duration_seconds_bucket',
      'dash_queue_oldest_waiting_age_seconds',
      'dash_outbox_oldest_unrelayed_age_seconds',
      'dash_payout_failures_total',
    ])
      expect(names).toContain(watched);
    for (const name of names) expect(exported(name), `${name} is not exported`).toBe(true);
  });
});
