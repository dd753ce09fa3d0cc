import { nodeProject } from '@dash/vitest-config';

export default nodeProject('deploy', import.meta.url);
