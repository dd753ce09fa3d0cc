import { defineProject } from 'vitest/config';
import { nodeProject } from '@dash/vitest-config';

const project = nodeProject('disputes', import.meta.url);

// Unit specs of the pure rules sit beside them in src/.
export default defineProject({
  ...project,
  test: { ...project.test, include: [...project.test.include, 'src/**/*.spec.ts'] },
});
