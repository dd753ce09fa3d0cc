import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Challenges remember which address asked for them, to cap code sends per address. */
export class ChallengeClientIp1764100000005 implements MigrationInterface {
  name = 'ChallengeClientIp1764100000005';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE login_challenges
        ADD COLUMN client_ip VARCHAR(45) NULL,
        ADD KEY login_challenges_client_ip (client_ip, created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE login_challenges DROP KEY login_challenges_client_ip, DROP COLUMN client_ip',
    );
  }
}
