import { readdir, readFile } from 'node:fs/promises';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type SubscriptionNode } from '@apollo/query-planner';
import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_FILE } from '../src/compose.js';

const repository = new URL('../../', import.meta.url);

/** Every query a micro-frontend sends, by its generated documents, and the shell's session. */
async function frontEndQueries(): Promise<Map<string, string>> {
  const queries = new Map<string, string>();
  const microfrontends = new URL('microfrontends/', repository);
  for (const name of await readdir(microfrontends)) {
    const generated = await readFile(
      new URL(`${name}/src/generated/graphql.ts`, microfrontends),
      'utf8',
    ).catch(() => '');
    for (const [, text] of generated.matchAll(/new TypedDocumentString\(`([^`]*)`/g)) {
      const operation = parse(text!).definitions.find(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === 'OperationDefinition',
      );
      if (operation?.operation === 'query') queries.set(`${name} ${operation.name!.value}`, text!);
    }
  }
  const session = await readFile(new URL('packages/web-kit/src/session.ts', repository), 'utf8');
  const [, sessionQuery] = /const SESSION_QUERY = `([^`]*)`/.exec(session) ?? [];
  if (sessionQuery) queries.set('shell Session', sessionQuery);
  return queries;
}

/** The services a plan asks, step after step: `[['ledger', 'payouts']]` is one step of two. */
function steps(node: PlanNode | SubscriptionNode | undefined): string[][] {
  if (!node) return [];
  switch (node.kind) {
    case 'Fetch':
      return [[node.serviceName]];
    case 'Flatten':
      return steps(node.node);
    case 'Sequence':
      return node.nodes.flatMap(steps);
    case 'Parallel': {
      const branches = node.nodes.map(steps);
      if (branches.some((branch) => branch.length > 1)) return [['(nested)'], ['(nested)']];
      return [branches.flat(2).sort()];
    }
    default:
      return [[node.kind], [node.kind]];
  }
}

describe("the dashboard's queries as the gateway plans them", () => {
  it('asks every service a query needs at once: no query waits on identity for the account id', async () => {
    const supergraph = Supergraph.build(await readFile(SUPERGRAPH_FILE, 'utf8'));
    const planner = new QueryPlanner(supergraph);
    const queries = await frontEndQueries();
    // The home page's five, at least, are found (a renamed file must not empty this test).
    for (const name of [
      'shell Session',
      'banner Banner',
      'balance BalanceCard',
      'transactions Transactions',
      'earnings Earnings',
    ])
      expect(queries.has(name), name).toBe(true);
    const planned = Object.fromEntries(
      [...queries].map(([name, text]) => {
        const plan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(text)));
        return [name, steps(plan.node)];
      }),
    );
    for (const [name, planSteps] of Object.entries(planned))
      expect({ name, steps: planSteps.length }).toEqual({ name, steps: 1 });
    // The home page: identity only where its own fields are shown.
    expect(planned['balance BalanceCard']).toEqual([['ledger', 'payouts']]);
    expect(planned['shell Session']).toEqual([['identity', 'notifications']]);
    expect(planned['banner Banner']).toEqual([['identity', 'notifications']]);
  });
});
