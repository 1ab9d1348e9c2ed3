import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileStorage } from './file-storage';

export const UPLOADS_URL_PREFIX = '/uploads/';

/** Files under a local directory (a shared volume when several instances run), served at /uploads/. */
export class LocalDiskStorage extends FileStorage {
  constructor(private readonly root: string) {
    super();
  }

  async save(folder: string, data: Buffer, extension: string): Promise<string> {
    if (!/^[a-z0-9-]+$/.test(folder) || !/^[a-z0-9]+$/.test(extension)) {
      throw new Error(`invalid storage folder or extension: ${folder}/${extension}`);
    }
    // Content-addressed names: a re-upload (or a re-run of the seed) rewrites the same file.
    const name = `${createHash('sha256').update(data).digest('hex').slice(0, 32)}.${extension}`;
    await mkdir(join(this.root, folder), { recursive: true });
    await writeFile(join(this.root, folder, name), data);
    return `${UPLOADS_URL_PREFIX}${folder}/${name}`;
  }
}
