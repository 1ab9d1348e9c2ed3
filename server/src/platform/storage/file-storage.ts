/**
 * Where uploaded and generated files live. The local-disk implementation keeps them under
 * DATA_DIR/uploads; an object store (COS, OSS, S3) can replace it without touching callers.
 */
export abstract class FileStorage {
  /**
   * Stores the bytes under `folder` and returns the public URL: root-relative (`/uploads/…`) for local
   * disk, absolute for an object store. Equal content gets the same URL.
   */
  abstract save(folder: string, data: Buffer, extension: string): Promise<string>;
}
