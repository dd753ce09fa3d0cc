import type { DataSource } from 'typeorm';
import type { DeliveryJobs } from '@dash/contracts';
import type { TypedQueue } from '@dash/queue';
import type { AccountDirectory, BaseContext } from '@dash/subgraph';
import type { ActivityRepository } from './activity.repository.js';
import type { AccountNotices } from './notices/account-notices.js';

export interface NotificationsContext extends BaseContext {
  activity: ActivityRepository;
  notices: AccountNotices;
  directory: AccountDirectory;
  dataSource: DataSource;
  deliveryQueue(): TypedQueue<DeliveryJobs>;
}
