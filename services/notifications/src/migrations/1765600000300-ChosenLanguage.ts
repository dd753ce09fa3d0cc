import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An account's language becomes its own choice, for the dashboard on every device as well as its
 * messages, and may be unmade (NULL: the dashboard follows the browser, messages are in English).
 * A saved 'en' was the default written with any email switch, not a choice, so it becomes NULL;
 * Chinese was chosen, and stays.
 */
export class ChosenLanguage1765600000300 implements MigrationInterface {
  name = 'ChosenLanguage1765600000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE notification_preferences MODIFY locale VARCHAR(8) NULL');
    await runner.query("UPDATE notification_preferences SET locale = NULL WHERE locale = 'en'");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      "UPDATE notification_preferences SET locale = 'en' WHERE locale IS NULL OR locale NOT IN ('en', 'zh-CN')",
    );
    await runner.query('ALTER TABLE notification_preferences MODIFY locale VARCHAR(8) NOT NULL');
  }
}
