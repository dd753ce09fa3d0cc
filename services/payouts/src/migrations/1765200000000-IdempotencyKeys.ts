import type { MigrationInterface, QueryRunner } from 'typeorm';
import { IDEMPOTENCY_KEYS_TABLE } from '@dash/subgraph';

/**
 * Payout requests keep their keys in the one idempotency-keys table every service has: the
 * claims move over as they are (a started one is still carried out from its plan), and the
 * payouts' own table goes.
 */
export class IdempotencyKeys1765200000000 implements MigrationInterface {
  name = 'IdempotencyKeys1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(IDEMPOTENCY_KEYS_TABLE);
    await runner.query(`
      INSERT INTO idempotency_keys
        (scope, idempotency_key, operation, request_hash, result_id, state, plan, created_at)
      SELECT scope, idempotency_key, 'createPayout', request_hash, payout_id, state, request,
             created_at
      FROM payout_requests`);
    await runner.query('DROP TABLE payout_requests');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE payout_requests (
        scope VARCHAR(80) NOT NULL,
        idempotency_key VARCHAR(255) NOT NULL,
        request_hash CHAR(64) NOT NULL,
        payout_id VARCHAR(40) NOT NULL,
        request TEXT CHARACTER SET utf8mb4 NOT NULL,
        state VARCHAR(16) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (scope, idempotency_key),
        KEY payout_requests_state (state, created_at)
      ) ENGINE=InnoDB`);
    await runner.query(`
      INSERT INTO payout_requests
        (scope, idempotency_key, request_hash, payout_id, request, state, created_at)
      SELECT scope, idempotency_key, request_hash, result_id, plan, state, created_at
      FROM idempotency_keys WHERE operation = 'createPayout'`);
    await runner.query('DROP TABLE idempotency_keys');
  }
}
