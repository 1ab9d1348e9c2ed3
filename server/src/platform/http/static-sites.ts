import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { AppConfig } from '../config/app-config';

/** Shown instead of a build that has not been made yet, so the server still starts. */
function missingBuildPage(title: string, folder: string, command: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}尚未构建</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="font-family:sans-serif;max-width:640px;margin:48px auto;padding:0 16px;line-height:1.7">
<h1>${title}尚未构建</h1><p>没有找到构建产物目录 <code>${folder}</code>。</p>
<p>请在项目根目录运行 <code>${command}</code>，然后刷新本页。</p>
<p>接口服务已正常运行：<a href="/api/v1/health">/api/v1/health</a></p></body></html>`;
}

function sendMissingBuild(reply: FastifyReply, html: string): void {
  reply.status(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

const hasIndex = (dir: string) => existsSync(join(dir, 'index.html'));

/**
 * Serves the uploads at /uploads/, the admin console (a single-page app) at /admin and the H5
 * storefront at /. The API routes of Nest take precedence over these.
 */
export async function registerStaticSites(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  // Uploads come from people: a strict CSP keeps an uploaded SVG from running scripts on our origin.
  await app.register(fastifyStatic, {
    root: config.uploadsDir,
    prefix: '/uploads/',
    index: false,
    // reply.sendFile belongs to the admin registration below, so this CSP stays on uploads only.
    decorateReply: false,
    setHeaders: (reply) => {
      reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:");
      reply.header('x-content-type-options', 'nosniff');
    },
  });

  const fastify = app.getHttpAdapter().getInstance();
  const adminDir = config.adminDistDir;
  await app.register(fastifyStatic, { root: adminDir, serve: false });
  const serveAdmin = async (path: string, reply: FastifyReply) => {
    if (!hasIndex(adminDir)) {
      return sendMissingBuild(reply, missingBuildPage('管理后台', adminDir, 'npm --prefix server/admin run build'));
    }
    const file = normalize(path);
    const target = join(adminDir, file);
    const isFile = file && !file.startsWith('..') && target.startsWith(adminDir + sep) && existsSync(target) && statSync(target).isFile();
    // Unknown paths are client-side routes of the console: answer its index.html.
    if (!isFile) return reply.header('cache-control', 'no-cache').sendFile('index.html', adminDir, { cacheControl: false });
    // Vite names built assets by content hash, so a browser may keep them for good.
    return file.startsWith(`assets${sep}`)
      ? reply.sendFile(file, adminDir, { maxAge: '365d', immutable: true })
      : reply.sendFile(file, adminDir);
  };
  fastify.get('/admin', (_request, reply) => reply.redirect('/admin/'));
  fastify.get('/admin/*', (request, reply) => serveAdmin((request.params as { '*': string })['*'], reply));

  const h5Dir = config.h5DistDir;
  if (hasIndex(h5Dir)) {
    await app.register(fastifyStatic, { root: h5Dir, prefix: '/', decorateReply: false, wildcard: true });
  } else {
    fastify.get('/', (_request, reply) =>
      sendMissingBuild(reply, missingBuildPage('商城 H5 页面', h5Dir, 'npm run build:h5')),
    );
  }
}
