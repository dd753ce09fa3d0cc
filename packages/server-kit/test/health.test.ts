import http from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthRouter, listen } from '../src/index.js';

let draining = false;
let redisUp = true;
const server = http.createServer(
  express().use(
    healthRouter(
      {
        database: async () => {},
        redis: async () => {
          if (!redisUp) throw new Error('ECONNREFUSED');
        },
      },
      () => draining,
    ),
  ),
);
let base = '';

beforeAll(async () => {
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('health endpoints', () => {
  it('is alive and ready when every dependency answers', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', redis: 'ok' },
    });
  });

  it('is not ready while a dependency fails or while draining', async () => {
    redisUp = false;
    const failing = await fetch(`${base}/ready`);
    expect(failing.status).toBe(503);
    expect(await failing.json()).toEqual({
      status: 'unavailable',
      checks: { database: 'ok', redis: 'ECONNREFUSED' },
    });
    redisUp = true;
    draining = true;
    expect((await fetch(`${base}/ready`)).status).toBe(503);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    draining = false;
  });

  it('reports a port already in use instead of hanging', async () => {
    const port = Number(new URL(base).port);
    await expect(listen(http.createServer(), port, '127.0.0.1')).rejects.toThrow(/EADDRINUSE/);
  });
});
