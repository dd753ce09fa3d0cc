import { describe, expect, it } from 'vitest';
import { madeOnFirstUse } from '../src/index.js';

describe('madeOnFirstUse', () => {
  it('makes a member only when it is read, once, beside what the object already holds', () => {
    const made: string[] = [];
    const context = madeOnFirstUse(
      {
        login: () => (made.push('login'), { name: 'login' }),
        closure: () => (made.push('closure'), { name: 'closure' }),
      },
      { requestId: 'req_1' },
    );
    expect(made).toEqual([]);
    expect(context.requestId).toBe('req_1');
    const first = context.login;
    expect(context.login).toBe(first);
    expect(made).toEqual(['login']);
    expect(Object.keys(context).sort()).toEqual(['closure', 'login', 'requestId']);
  });

  it('keeps each object its own members', () => {
    let count = 0;
    const makers = { thing: () => ({ n: ++count }) };
    const one = madeOnFirstUse(makers);
    const two = madeOnFirstUse(makers);
    expect(one.thing).not.toBe(two.thing);
    expect(one.thing.n).toBe(1);
    expect(two.thing.n).toBe(2);
  });
});
