import type { BaseContext } from '@dash/subgraph';
import type { ActivityRepository } from './activity.repository.js';

export interface NotificationsContext extends BaseContext {
  activity: ActivityRepository;
}
