import type { DataSource } from 'typeorm';
import type { DeliveryJobs } from '@dash/contracts';
import type { TypedQueue } from '@dash/queue';
import type { Access, BaseContext } from '@dash/subgraph';
import type { ActivityItems } from './activity/activity.service.js';
import type { DeliveryRepository } from './delivery/deliveries.service.js';
import type { AccountNotices } from './notice/account-notices.service.js';

export interface NotificationsContext extends BaseContext {
  /** The caller's gate to accounts: every resolver asks it first. */
  access: Access;
  activity: ActivityItems;
  notices: AccountNotices;
  deliveries: DeliveryRepository;
  dataSource: DataSource;
  deliveryQueue(): TypedQueue<DeliveryJobs>;
}
