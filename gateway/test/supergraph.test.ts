import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../src/index.js';

describe('supergraph.graphql', () => {
  it('composes without errors and matches the checked-in file (run `npm run compose` to refresh)', async () => {
    const composed = await composeSupergraph();
    expect(await readFile(new URL('../supergraph.graphql', import.meta.url), 'utf8')).toBe(
      composed,
    );
  });
});
