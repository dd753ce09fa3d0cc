import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A platform's dashboard switches are kept per mode: `features` is live mode's, `test_features`
 * test mode's, so a test key (perhaps leaked) changes only test mode's. The switches set so far
 * applied to both modes, and start as both.
 */
export class PlatformFeaturesPerMode1765010000001 implements MigrationInterface {
  name = 'PlatformFeaturesPerMode1765010000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE platforms ADD COLUMN test_features TEXT NULL');
    await runner.query('UPDATE platforms SET test_features = features');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE platforms DROP COLUMN test_features');
  }
}
