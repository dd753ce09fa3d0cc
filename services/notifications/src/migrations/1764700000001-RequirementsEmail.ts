import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts may also be emailed when their platform needs more information (on by default). */
export class RequirementsEmail1764700000001 implements MigrationInterface {
  name = 'RequirementsEmail1764700000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE notification_preferences ADD COLUMN email_requirements_due BOOLEAN NOT NULL DEFAULT TRUE',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE notification_preferences DROP COLUMN email_requirements_due');
  }
}
