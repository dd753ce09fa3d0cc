import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { graphql } from 'graphql';
import { Arg, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Length } from 'class-validator';
import {
  assertListArgsBounded,
  buildFederatedSchema,
  ListArg,
  validateArgs,
} from '../src/index.js';

@InputType()
class PairInput {
  @Field() @Length(1, 80) key!: string;
  @Field() @Length(0, 500) value!: string;
}

@Resolver()
class PairsResolver {
  @Query(() => Int)
  count(): number {
    return 0;
  }

  @Mutation(() => Int)
  savePairs(@ListArg('values', () => [PairInput], { maxItems: 200 }) values: PairInput[]): number {
    return values.length;
  }

  @Mutation(() => Int)
  markRead(
    @ListArg('ids', () => [ID], { maxItems: 100, nullable: true }) ids: string[] | undefined,
  ): number {
    return ids?.length ?? -1;
  }
}

@Resolver()
class UnboundedResolver {
  @Query(() => Int)
  sum(@Arg('numbers', () => [Int]) numbers: number[]): number {
    return numbers.reduce((a, b) => a + b, 0);
  }
}

const schema = buildFederatedSchema({ resolvers: [PairsResolver], validateFn: validateArgs });
const run = async (source: string, variableValues: Record<string, unknown>) =>
  graphql({ schema: await schema, source, variableValues, contextValue: {} });

const pairs = (count: number, key = 'k') =>
  Array.from({ length: count }, () => ({ key, value: 'v' }));
const SAVE = 'mutation($values: [PairInput!]!) { savePairs(values: $values) }';

describe('list arguments', () => {
  it('checks every element of a list and names the index of the first bad one', async () => {
    const values = pairs(5);
    values[3] = { key: 'x'.repeat(81), value: 'v' };
    const result = await run(SAVE, { values });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'values.3.key',
    });
    expect(result.errors?.[0]?.message).toMatch(/values\.3\.key/);
  });

  it('takes a list within its bounds', async () => {
    expect((await run(SAVE, { values: pairs(200) })).data).toEqual({ savePairs: 200 });
  });

  it('refuses a list longer than its maxItems, whatever its elements', async () => {
    const result = await run(SAVE, { values: pairs(201) });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'values',
      reason: 'TOO_MANY_ITEMS',
    });
  });

  it('caps lists of scalars and lets an optional list be left out', async () => {
    const MARK = 'mutation($ids: [ID!]) { markRead(ids: $ids) }';
    const ids = (count: number) => Array.from({ length: count }, (_, i) => `act_${i}`);
    expect((await run(MARK, { ids: ids(100) })).data).toEqual({ markRead: 100 });
    expect((await run(MARK, {})).data).toEqual({ markRead: -1 });
    expect((await run(MARK, { ids: ids(101) })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'ids',
    });
  });

  it('checks each element of a list even without a declared name', async () => {
    const bad = Object.assign(new PairInput(), { key: 'x'.repeat(1000), value: '' });
    const good = Object.assign(new PairInput(), { key: 'ok', value: '' });
    await expect(validateArgs([good, bad])).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: '1.key' },
    });
    await expect(validateArgs([good])).resolves.toBeUndefined();
  });

  it('refuses to build a schema with a list argument that has no bound', () => {
    expect(() => assertListArgsBounded([UnboundedResolver])).toThrow(/UnboundedResolver\.sum/);
    expect(() => assertListArgsBounded([PairsResolver])).not.toThrow();
  });
});
