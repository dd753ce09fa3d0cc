import { EventTables1764300000000 } from './outbox-migration.js';
import { PlatformEvents1764300000001 } from './platform-events-migration.js';

/** The outbox's and inbox's migrations, for every service that produces or consumes events. */
export const EVENT_MIGRATIONS = [EventTables1764300000000, PlatformEvents1764300000001];
