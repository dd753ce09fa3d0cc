import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Challenges remember where their code went (masked), so a resend can say so again. */
export class ChallengeDestination1764100000004 implements MigrationInterface {
  name = 'ChallengeDestination1764100000004';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      "ALTER TABLE login_challenges ADD COLUMN masked_destination VARCHAR(254) NOT NULL DEFAULT '' AFTER channel",
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE login_challenges DROP COLUMN masked_destination');
  }
}
