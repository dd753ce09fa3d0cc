import { createHash } from 'node:crypto';
import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import type { SelectQueryBuilder } from 'typeorm';
import { preparedMany } from '@dash/db';
import { badInput } from '@dash/errors';

/** `first: Int = 10` on every list, bounded so no one query reads a whole table. */
@ArgsType()
export class FirstArgs {
  @Field(() => Int, { defaultValue: 10, description: 'How many items, 1 to 100.' })
  @Min(1)
  @Max(100)
  first!: number;
}

/** A page of a list, newest first: `first` items after the `after` cursor. */
@ArgsType()
export class PageArgs extends FirstArgs {
  @Field(() => String, {
    nullable: true,
    description: 'The endCursor of the previous page; leave out for the first page.',
  })
  after?: string;
}

// Every subgraph's lists share this type, so the supergraph may take it from any of them.
@ObjectType({ description: 'Where a page ends, and whether another follows.' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'Whether another page follows this one.' }) hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` for the next page; null when this page is empty.',
  })
  endCursor!: string | null;
}

/** The position of a row in a newest-first list: its creation time, then its id. */
export interface Keyset {
  createdAt: Date;
  id: string;
}

/**
 * Which list a cursor belongs to, such as `accounts:plat_1:test`: the list's name and whose rows
 * it pages. A list that names its scope gives out cursors marked with it and refuses any other
 * (another list's, another platform's or mode's), so a cursor cannot be mistaken for a position
 * in a list it did not come from. The mark is a digest, not a secret: the WHERE clause, never
 * the cursor, decides whose rows a list reads.
 */
export type CursorScope = string;

const scopeMark = (scope: CursorScope) =>
  createHash('sha256').update(scope).digest('base64url').slice(0, 12);

const refusedCursor = () => badInput('after is not a cursor this list gave out', 'after');

/**
 * An opaque cursor for any position in a list: the values it is ordered by (numbers, strings),
 * marked with the list's scope when it has one.
 */
export const encodePosition = (values: ReadonlyArray<number | string>, scope?: CursorScope) =>
  Buffer.from(JSON.stringify(scope ? [...values, scopeMark(scope)] : values)).toString('base64url');

/** The values of a position; BAD_USER_INPUT (field `after`) for a cursor not of this list. */
export function decodePosition(cursor: string, scope?: CursorScope): unknown[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refusedCursor();
  }
  if (!Array.isArray(values)) throw refusedCursor();
  if (!scope) return values;
  if (values.at(-1) !== scopeMark(scope)) throw refusedCursor();
  return values.slice(0, -1);
}

/** An opaque cursor for a keyset position; clients hand it back unread. */
export const encodeCursor = ({ createdAt, id }: Keyset, scope?: CursorScope): string =>
  encodePosition([createdAt.getTime(), id], scope);

export function decodeCursor(cursor: string, scope?: CursorScope): Keyset {
  const [time, id, ...rest] = decodePosition(cursor, scope);
  const createdAt = new Date(typeof time === 'number' ? time : Number.NaN);
  if (Number.isNaN(createdAt.getTime()) || typeof id !== 'string' || (scope && rest.length > 0))
    throw refusedCursor();
  return { createdAt, id };
}

/**
 * A page from rows fetched one beyond `first`: the extra row only says another page follows.
 * With a scope, its cursor is marked as that list's (see CursorScope).
 */
export function toPage<Row extends Keyset>(rows: Row[], first: number, scope?: CursorScope) {
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor(last, scope) : null,
    },
  };
}

/** Rows strictly after a keyset position in a newest-first list. */
export function afterKeyset<Row extends object>(
  query: SelectQueryBuilder<Row>,
  alias: string,
  after: Keyset | undefined,
): SelectQueryBuilder<Row> {
  if (!after) return query;
  return query.andWhere(
    `(${alias}.created_at < :afterAt OR (${alias}.created_at = :afterAt AND ${alias}.id < :afterId))`,
    { afterAt: after.createdAt, afterId: after.id },
  );
}

/**
 * One newest-first page of what `query` selects (aliased `alias`, with `created_at` and `id`
 * columns): the rows after the `after` cursor, one more fetched only to tell whether another
 * page follows. `query` carries the tenant and the filters; this adds the position and order.
 */
export async function newestFirstPage<Row extends Keyset>(
  query: SelectQueryBuilder<Row>,
  alias: string,
  { first, after }: { first: number; after?: string | undefined },
  scope?: CursorScope,
) {
  const rows = await preparedMany(
    afterKeyset(query, alias, after ? decodeCursor(after, scope) : undefined)
      .orderBy(`${alias}.created_at`, 'DESC')
      .addOrderBy(`${alias}.id`, 'DESC')
      .limit(first + 1),
  );
  return toPage(rows, first, scope);
}

/** Every list filter's time window: created at or after `createdFrom`, before `createdTo`. */
// An input type so subclasses inherit its fields; schemas only emit the types they reach.
@InputType()
export abstract class CreatedRangeFilter {
  @Field({ nullable: true, description: 'Created at or after this moment.' })
  @IsOptional()
  createdFrom?: Date;

  @Field({ nullable: true, description: 'Created before this moment.' })
  @IsOptional()
  createdTo?: Date;
}
