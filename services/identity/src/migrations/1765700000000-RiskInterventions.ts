import type { MigrationInterface, QueryRunner } from 'typeorm';
import { IDEMPOTENCY_KEYS_TABLE } from '@dash/subgraph';

/**
 * Risk interventions: each one placed on an account (at most one in force per account and kind,
 * kept by a unique key on a column that holds the kind only while it is in force), what those
 * in force ask of the account on its row (for the requirements), the newest risk assessment
 * seen per account (older ones arriving late are ignored), and the idempotency keys platforms
 * place interventions with.
 */
export class RiskInterventions1765700000000 implements MigrationInterface {
  name = 'RiskInterventions1765700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE risk_interventions (
        id VARCHAR(40) NOT NULL PRIMARY KEY,
        account_id VARCHAR(40) NOT NULL,
        platform_id VARCHAR(40) NOT NULL,
        livemode BOOLEAN NOT NULL DEFAULT FALSE,
        created_at DATETIME(3) NOT NULL,
        kind VARCHAR(30) NOT NULL,
        status VARCHAR(10) NOT NULL,
        source VARCHAR(10) NOT NULL,
        risk_signal VARCHAR(30) NULL,
        breached_since DATETIME(3) NULL,
        reason VARCHAR(500) NOT NULL,
        resolution VARCHAR(20) NOT NULL,
        question VARCHAR(500) NULL,
        requirement VARCHAR(80) NULL,
        reserve_percent INT NULL,
        reserve_days INT NULL,
        answer TEXT NULL,
        lifted_at DATETIME(3) NULL,
        lifted_by VARCHAR(10) NULL,
        lift_reason VARCHAR(500) NULL,
        idempotency_key VARCHAR(255) NULL,
        active_kind VARCHAR(30) AS (IF(status = 'active', kind, NULL)) STORED,
        UNIQUE KEY risk_interventions_one_active (account_id, active_kind),
        KEY risk_interventions_account_created (account_id, created_at, id),
        KEY risk_interventions_platform_created (platform_id, livemode, created_at, id),
        KEY risk_interventions_platform_active (platform_id, livemode, active_kind, account_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`);
    await runner.query(`
      CREATE TABLE risk_assessment_marks (
        account_id VARCHAR(40) NOT NULL PRIMARY KEY,
        assessed_at DATETIME(3) NOT NULL
      ) ENGINE=InnoDB`);
    await runner.query('ALTER TABLE accounts ADD COLUMN active_interventions TEXT NULL');
    await runner.query(IDEMPOTENCY_KEYS_TABLE);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotency_keys');
    await runner.query('ALTER TABLE accounts DROP COLUMN active_interventions');
    await runner.query('DROP TABLE risk_assessment_marks');
    await runner.query('DROP TABLE risk_interventions');
  }
}
