import type { FastifyInstance, FastifyPluginCallback } from 'fastify';
import { AnswerCache } from './answer-cache';
import { JSON_CONTENT_TYPE } from './cached-answer';

/**
 * Serves cached answers before the request reaches Nest (no guards, pipes or controller run for a hit): a
 * Fastify onRequest hook, registered after the CORS plugin so a hit carries the same headers. A miss goes on to
 * the route, whose @CachedAnswer keeps the answer for the next request to the same URL.
 */
export function serveCachedAnswers(cache: AnswerCache): FastifyPluginCallback {
  const plugin: FastifyPluginCallback = (fastify: FastifyInstance, _options, done) => {
    fastify.addHook('onRequest', (request, reply, next) => {
      const body = request.method === 'GET' ? cache.lookup(request.url, request.headers.authorization !== undefined) : undefined;
      if (!body) return next();
      reply.header('content-type', JSON_CONTENT_TYPE).send(body);
    });
    done();
  };
  // Like fastify-plugin: the hook applies to the whole app, not only to routes registered inside this plugin.
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  return plugin;
}
