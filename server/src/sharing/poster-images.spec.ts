import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPosterImage, POSTER_IMAGE_MAX_BYTES } from './poster-images';

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('pictures a poster draws', () => {
  const root = mkdtempSync(join(tmpdir(), 'poster-images-'));
  const uploads = join(root, 'uploads');
  let server: Server;
  let base: string;

  beforeAll(async () => {
    mkdirSync(join(uploads, 'seed'), { recursive: true });
    writeFileSync(join(uploads, 'seed', 'p.png'), PNG_1X1);
    writeFileSync(join(uploads, 'seed', 'notes.txt'), 'not an image');
    writeFileSync(join(uploads, 'seed', 'huge.png'), Buffer.concat([PNG_1X1, Buffer.alloc(POSTER_IMAGE_MAX_BYTES)]));
    writeFileSync(join(root, 'secret.png'), PNG_1X1);
    server = createServer((request, response) => {
      if (request.url === '/p.png') response.end(PNG_1X1);
      else if (request.url === '/huge.png') response.end(Buffer.concat([PNG_1X1, Buffer.alloc(POSTER_IMAGE_MAX_BYTES)]));
      // Headers, then nothing: the poster must not wait for it.
      else if (request.url === '/stall.png') response.writeHead(200, { 'content-type': 'image/png' }).write(PNG_1X1.subarray(0, 8));
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('reads uploads from disk and images over http', async () => {
    expect((await loadPosterImage('/uploads/seed/p.png', uploads))?.width).toBe(1);
    expect((await loadPosterImage(`${base}/p.png`, uploads))?.width).toBe(1);
  });

  it('answers null, never throws, for what it must not or cannot draw', async () => {
    for (const url of [null, '', '/uploads/../secret.png', '/uploads/seed/%2e%2e/%2e%2e/secret.png', '/uploads/seed/notes.txt', '/uploads/seed/missing.png', '/uploads/seed/huge.png', 'file:///etc/passwd', '/etc/passwd', `${base}/huge.png`, `${base}/missing.png`]) {
      expect(await loadPosterImage(url, uploads)).toBeNull();
    }
  });

  it('gives up on a picture server that stalls, within the timeout', async () => {
    const started = Date.now();
    expect(await loadPosterImage(`${base}/stall.png`, uploads)).toBeNull();
    expect(Date.now() - started).toBeLessThan(4500);
  });
});
