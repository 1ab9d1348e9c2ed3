import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppModule, type AppModuleOptions } from './app.module';
import { AnswerCache } from './platform/cache/answer-cache';
import { serveCachedAnswers } from './platform/cache/serve-cached-answers';
import { createValidationPipe } from './platform/errors/validation';
import { loggerOptions, registerRequestLogging } from './platform/logging/request-logging';
import { registerStaticSites } from './platform/http/static-sites';
import { checkJsonBody, JSON_BODY_READ_LIMIT } from './platform/http/json-body';

export const API_PREFIX = 'api/v1';
const UPLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * Builds the whole application (API, static sites, logging) without listening, so main.ts and the
 * end-to-end tests run exactly the same app.
 */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    ...loggerOptions(options.config.logLevel),
    // request.ip is the TCP peer unless TRUST_PROXY names the proxies whose X-Forwarded-For is believed.
    trustProxy: options.config.trustProxy,
    // JSON bodies have per-route-class limits below (json-body.ts); files go through multipart with their own caps.
    bodyLimit: JSON_BODY_READ_LIMIT,
    // Errors Fastify raises before routing (e.g. a badly percent-encoded URL) get our error shape too.
    frameworkErrors: (error: { code: string }, _request: FastifyRequest, reply: FastifyReply) => {
      reply.status(400).send({ code: 'VALIDATION_FAILED', message: '请求地址格式不正确', details: { reason: error.code } });
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    // The raw body stays available (req.rawBody) for WeChat Pay signature checks.
    rawBody: true,
    logger: ['error', 'warn'],
  });
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: JSON_BODY_READ_LIMIT }, (request, body, done) => {
    // Many HTTP clients (wx.request among them) send a JSON content type with an empty body on a POST
    // without data: read it as no body, so validation answers for the fields instead.
    if (Buffer.isBuffer(body) && body.length === 0) return done(null, undefined);
    const text = (body as Buffer).toString('utf8');
    try {
      checkJsonBody(request as FastifyRequest, text, (body as Buffer).length);
    } catch (error) {
      return done(error as Error, undefined);
    }
    parseJson(request as FastifyRequest, text, done);
  });
  registerRequestLogging(fastify);
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 10, parts: 11 } });
  app.setGlobalPrefix(API_PREFIX);
  app.enableCors({ origin: true, exposedHeaders: ['x-request-id', 'retry-after'] });
  await app.register(serveCachedAnswers(app.get(AnswerCache)));
  app.useGlobalPipes(createValidationPipe());
  await registerStaticSites(app, options.config);
  return app;
}
