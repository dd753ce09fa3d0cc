export {
  EVENT_SUBSCRIPTIONS,
  eventQueueName,
  type Actor,
  type DomainEvent,
  type DomainEventData,
  type ChargeFacts,
  type DisputeFacts,
  type RequirementsSummary,
  type DomainEventType,
  type EventConsumerName,
  type ExternalAccountChange,
  type PayoutFacts,
  type PlatformBrandingFacts,
  type SubscribedType,
  type TaxInfoFacts,
  type InterventionChange,
  type InterventionKind,
  type InterventionsSummary,
  type RiskSignalFacts,
  type RiskSignalKind,
  type WantedIntervention,
} from './catalog.js';
export { writeWithBatch } from './batch-writes.js';
export { changingNoReads, startEventConsumer, type EventHandlers } from './consumer.js';
export { EVENT_MIGRATIONS } from './migrations.js';
export { recordEvent, recordEvents, type EventToRecord } from './record.js';
export { outboxBacklog, startOutboxRelay, type OutboxRelay } from './relay.js';
export { loadEventSettings, type EventSettings } from './settings.js';
export { eventConsumerPart, outboxRelayPart } from './parts.js';
