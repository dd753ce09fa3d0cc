import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An inquiry that closes without a refund (accepted, or closed by the network) tells the ledger,
 * which then lets its payment be refunded in part again: a ledger step like the others.
 */
export class InquiryRelease1765020000002 implements MigrationInterface {
  name = 'InquiryRelease1765020000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      "ALTER TABLE disputes ADD COLUMN inquiry_release VARCHAR(8) NOT NULL DEFAULT 'none'",
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE disputes DROP COLUMN inquiry_release');
  }
}
