import { nodeProject } from '@dash/vitest-config';

export default nodeProject('grafana', import.meta.url);
