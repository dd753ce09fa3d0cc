import { createRequire } from 'node:module';

type PromiseWrapper = new (connection: object, promiseImpl?: unknown) => object;

const require = createRequire(import.meta.url);
const { PoolConnection } = require('mysql2') as {
  PoolConnection: { prototype: { promise(promiseImpl?: unknown): object } };
};
const { PromisePoolConnection } = require('mysql2/promise') as {
  PromisePoolConnection: PromiseWrapper;
};

/**
 * TypeORM runs every query through `connection.promise()`, and mysql2's `promise()` requires its
 * wrapper class on each call. Node's resolve cache only serves a module to the parent that loaded
 * it first, so each call resolved the path again, walking package.json files: up to a sixth of a
 * busy service's CPU (the event consumers run many short queries). The same class, looked up once.
 */
PoolConnection.prototype.promise = function promise(this: object, promiseImpl?: unknown) {
  return new PromisePoolConnection(this, promiseImpl);
};
