import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import { DatabaseFileStorage } from '../src/evidence/database-file-storage.service.js';
import { LocalDiskStorage, type FileStorage } from '../src/evidence/file-storage.service.js';
import { disputesService } from '../src/index.js';

let service: TestService;
let folder: string;
beforeAll(async () => {
  service = await startTestService(disputesService, {
    DASH_IDENTITY_URL: 'http://127.0.0.1:9/graphql',
  });
  folder = await mkdtemp(join(tmpdir(), 'dash-file-storage-'));
});
afterAll(async () => {
  await service.close();
  await rm(folder, { recursive: true, force: true });
});

const stores: Array<[string, () => FileStorage]> = [
  [
    'the database (default: nothing on a replica’s disk)',
    () => new DatabaseFileStorage(service.dataSource),
  ],
  ['a folder', () => new LocalDiskStorage(folder)],
];

describe.each(stores)('evidence bytes kept in %s', (_where, storage) => {
  it('come back byte for byte, and are gone once deleted (twice is no error)', async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 256));
    const key = `acct_store/file_${Math.random().toString(36).slice(2)}.png`;
    await storage().put(key, bytes);
    expect(Buffer.compare((await storage().get(key))!, bytes)).toBe(0);
    await storage().delete(key);
    await storage().delete(key);
    expect(await storage().get(key)).toBeNull();
  });

  it('keep the first of several parallel writes under one key and refuse the rest', async () => {
    const key = `acct_store/file_${Math.random().toString(36).slice(2)}.pdf`;
    const writes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => storage().put(key, Buffer.from(`version ${i}`))),
    );
    const kept = writes.filter((write) => write.status === 'fulfilled');
    expect(kept).toHaveLength(1);
    const index = writes.indexOf(kept[0]!);
    expect((await storage().get(key))!.toString()).toBe(`version ${index}`);
  });
});
