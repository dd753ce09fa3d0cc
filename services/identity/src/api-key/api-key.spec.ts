import { describe, expect, it } from 'vitest';
import { ApiKey } from './api-key.entity.js';
import { descendantsOf } from './api-key.rules.js';

const key = (id: string, createdByKeyId: string | null) =>
  Object.assign(new ApiKey(), { id, createdByKeyId });

describe('the keys a key made', () => {
  it('follows every generation, whatever order the keys come in', () => {
    const keys = [key('k3', 'k2'), key('k1', null), key('k2', 'k1'), key('other', null)];
    expect(descendantsOf('k1', keys).map((found) => found.id)).toEqual(['k2', 'k3']);
    expect(descendantsOf('other', keys)).toEqual([]);
  });
});
