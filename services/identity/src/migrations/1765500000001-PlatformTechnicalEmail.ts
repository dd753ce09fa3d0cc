import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a platform's technical notices go (a webhook endpoint disabled after failing): its
 * developers' address, apart from the support contact its accounts see.
 */
export class PlatformTechnicalEmail1765500000001 implements MigrationInterface {
  name = 'PlatformTechnicalEmail1765500000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE platforms ADD COLUMN technical_email VARCHAR(254) NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE platforms DROP COLUMN technical_email');
  }
}
