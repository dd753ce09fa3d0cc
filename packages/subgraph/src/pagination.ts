import { Max, Min } from 'class-validator';
import { ArgsType, Directive, Field, Int, ObjectType } from 'type-graphql';
import type { SelectQueryBuilder } from 'typeorm';
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
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

/** The position of a row in a newest-first list: its creation time, then its id. */
export interface Keyset {
  createdAt: Date;
  id: string;
}

/** An opaque cursor for a keyset position; clients hand it back unread. */
export const encodeCursor = ({ createdAt, id }: Keyset): string =>
  Buffer.from(JSON.stringify([createdAt.getTime(), id])).toString('base64url');

export function decodeCursor(cursor: string): Keyset {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof time === 'number' && Number.isFinite(time) && typeof id === 'string')
      return { createdAt: new Date(time), id };
  } catch {
    // fall through to the refusal below
  }
  throw badInput('after is not a cursor this list gave out', 'after');
}

/**
 * A page from rows fetched one beyond `first`: the extra row only says another page follows.
 */
export function toPage<Row extends Keyset>(rows: Row[], first: number) {
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor(last) : null,
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
