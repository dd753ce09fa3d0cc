import { defineProject } from 'vitest/config';
import { nodeProject } from '@dash/vitest-config';

const base = nodeProject('ops', import.meta.url);

// A whole stack's databases are migrated, seeded, dumped and restored: slower than a unit test.
export default defineProject({
  ...base,
  test: { ...base.test, testTimeout: 120_000, hookTimeout: 180_000 },
});
