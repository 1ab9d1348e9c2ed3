import { randomUUID } from 'node:crypto';
import { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';

const REQUEST_ID_HEADER = 'x-request-id';

/** Fastify's built-in pino logger writes JSON lines; one line per request is logged on response. */
export function loggerOptions(level: string): Partial<FastifyServerOptions> {
  return {
    logger: { level, redact: ['req.headers.authorization'] },
    // Fastify's own two lines per request are replaced by the single line of registerRequestLogging.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: REQUEST_ID_HEADER,
    genReqId: () => randomUUID(),
  };
}

/** Logs method, url, status, duration and request id of every request, and echoes the id to the client. */
export function registerRequestLogging(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
}
