import { describe, expect, it } from 'vitest';
import { loadServiceConfig, loadSubgraphConfig } from '../src/index.js';

describe('a subgraph configuration', () => {
  it("listens on the manifest's port for its name unless told otherwise", () => {
    expect(loadSubgraphConfig('ledger', { NODE_ENV: 'test' }).port).toBe(4002);
    // A definition's own defaultPort is ignored: the manifest decides.
    const definition = { name: 'payouts', defaultPort: 1 };
    expect(loadServiceConfig(definition, { NODE_ENV: 'test' }).port).toBe(4003);
    expect(loadSubgraphConfig('ledger', { NODE_ENV: 'test', DASH_LEDGER_PORT: '0' }).port).toBe(0);
  });

  it('needs a port for a service the manifest does not list, under its DASH_<NAME>_ names', () => {
    expect(() => loadSubgraphConfig('gift-cards', { NODE_ENV: 'test' })).toThrow(
      /DASH_GIFT_CARDS_PORT: must be a port number/,
    );
    expect(
      loadSubgraphConfig('gift-cards', { NODE_ENV: 'test', DASH_GIFT_CARDS_PORT: '4100' }),
    ).toMatchObject({ port: 4100, database: 'dash_gift_cards' });
  });
});
