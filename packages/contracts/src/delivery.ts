import { defineQueue } from '@dash/queue';

/** Messages to people, sent by the notifications service's delivery worker. */
export type DeliveryJobs = {
  'send-email': {
    deliveryId: string;
    accountId: string;
    to: string;
    template: string;
    params: Record<string, string>;
  };
  'send-sms': {
    deliveryId: string;
    accountId: string;
    to: string;
    template: string;
    params: Record<string, string>;
  };
};

export const deliveryQueue = defineQueue<DeliveryJobs>('delivery', ['send-email', 'send-sms']);
