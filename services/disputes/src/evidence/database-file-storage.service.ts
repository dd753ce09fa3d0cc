import type { DataSource } from 'typeorm';
import { isDuplicateKey } from '@dash/errors';
import type { FileStorage } from './file-storage.service.js';

/**
 * Evidence bytes in the service's own database, so no replica keeps anything on its disk: any
 * replica serves any file, and a replica that dies loses nothing. Files are small (the upload
 * limit is a few MB, below MySQL's default max_allowed_packet), so a row per file is cheap
 * enough; an object store implements the same three calls when they are not.
 */
export class DatabaseFileStorage implements FileStorage {
  constructor(private readonly dataSource: DataSource) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    try {
      await this.dataSource.query(
        'INSERT INTO evidence_file_bytes (storage_key, bytes, created_at) VALUES (?, ?, ?)',
        [key, bytes, new Date()],
      );
    } catch (error) {
      // Keys are new ids: a second write under one is a bug, refused as the disk store refuses it.
      if (isDuplicateKey(error)) throw new Error(`file already stored: ${key}`);
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    const [row] = (await this.dataSource.query(
      'SELECT bytes FROM evidence_file_bytes WHERE storage_key = ?',
      [key],
    )) as Array<{ bytes: Buffer }>;
    return row?.bytes ?? null;
  }

  async delete(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM evidence_file_bytes WHERE storage_key = ?', [key]);
  }
}
