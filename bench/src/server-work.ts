import type { DataSource } from 'typeorm';
import { createCommandConnection } from '@dash/queue';

interface Counts {
  statements: number;
  commits: number;
  redisCommands: number;
}

/**
 * How much the database and Redis were asked to do between two moments: SQL statements
 * (MariaDB's `Questions`, prepared executions included), commits, and Redis commands. Divided by
 * a round's pages or charges, it says how many round trips each costs, which CPU time alone
 * does not.
 */
export class ServerWork {
  private readonly redis;

  constructor(
    private readonly database: DataSource,
    redisUrl: string,
  ) {
    this.redis = createCommandConnection(redisUrl, 10_000);
  }

  async snapshot(): Promise<Counts> {
    const rows = (await this.database.query(
      "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_commit')",
    )) as Array<{ Variable_name: string; Value: string }>;
    const status = new Map(rows.map((row) => [row.Variable_name, Number(row.Value)]));
    const info = await this.redis.info('stats');
    return {
      statements: status.get('Questions') ?? 0,
      commits: status.get('Com_commit') ?? 0,
      redisCommands: Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0),
    };
  }

  /** What each of `rounds` cost since `from`, as one line. */
  async describe(from: Counts, rounds: number, unit: string): Promise<string> {
    const now = await this.snapshot();
    const per = (key: keyof Counts) => ((now[key] - from[key]) / Math.max(1, rounds)).toFixed(1);
    return `    per ${unit}: ${per('statements')} SQL statements, ${per('commits')} commits, ${per('redisCommands')} Redis commands`;
  }

  close(): void {
    this.redis.disconnect();
  }
}
