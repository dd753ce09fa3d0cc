import { defineProject } from 'vitest/config';
import { nodeProject } from '@dash/vitest-config';

const project = nodeProject('ledger', import.meta.url);

// Pure rules keep their unit specs beside them in src/.
export default defineProject({
  ...project,
  test: { ...project.test, include: [...project.test.include, 'src/**/*.spec.ts'] },
});
