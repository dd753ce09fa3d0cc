import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KNOWN_RECORDS_CAPABILITIES_AND_MODES } from '@dash/subgraph';

/**
 * What this service knows of accounts gains their capabilities (charges and payouts on or off,
 * learnt from identity; rows kept before are completed from identity when next read), and what
 * it knows of platforms gains test mode's own feature switches (a copy of today's to start).
 */
export class KnownAccountCapabilities1765010000000 implements MigrationInterface {
  name = 'KnownAccountCapabilities1765010000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of KNOWN_RECORDS_CAPABILITIES_AND_MODES.up) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of KNOWN_RECORDS_CAPABILITIES_AND_MODES.down)
      await runner.query(statement);
  }
}
