import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError, ErrorCode } from '../../../../shared';
import { ApiException } from './api-exception';

interface MappedError {
  status: number;
  body: ApiError;
  headers?: Record<string, string>;
}

/** Errors raised by Fastify itself or its plugins (body parsing, multipart) before a handler runs. */
const FASTIFY_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'VALIDATION_FAILED', message: '不支持的请求内容类型（Content-Type）' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'VALIDATION_FAILED', message: '请求体不是合法的 JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'VALIDATION_FAILED', message: '请求长度与内容不符' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'FILE_TOO_LARGE', message: '文件过大' },
  FST_FILES_LIMIT: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '一次只能上传一个文件' },
  FST_PARTS_LIMIT: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '表单字段过多' },
  FST_FIELDS_LIMIT: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '表单字段过多' },
  FST_PROTO_VIOLATION: { status: 400, code: 'VALIDATION_FAILED', message: '表单字段名不合法' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 400, code: 'FILE_MISSING', message: '请以 multipart/form-data 上传文件' },
};

const STATUS_CODES: Record<number, { code: ErrorCode; message: string }> = {
  400: { code: 'VALIDATION_FAILED', message: '请求格式不正确' },
  401: { code: 'UNAUTHORIZED', message: '请先登录' },
  403: { code: 'FORBIDDEN', message: '没有权限执行此操作' },
  404: { code: 'NOT_FOUND', message: '资源不存在' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' },
  415: { code: 'VALIDATION_FAILED', message: '不支持的请求内容类型（Content-Type），请发送 JSON' },
  429: { code: 'TOO_MANY_ATTEMPTS', message: '操作太频繁，请稍后再试' },
};

/** Nest's router throws `NotFoundException('Cannot GET /x')` for unknown routes. */
function isUnknownRoute(exception: HttpException): boolean {
  const response = exception.getResponse() as { message?: unknown };
  return (
    exception.getStatus() === 404 && typeof response?.message === 'string' && response.message.startsWith('Cannot ')
  );
}

export function mapException(exception: unknown, request: { method: string; url: string }): MappedError {
  if (exception instanceof ApiException) {
    return { status: exception.getStatus(), body: exception.body, headers: exception.headers };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (isUnknownRoute(exception)) {
      const path = request.url.split('?')[0];
      // Outside the API it is a missing page or file (an upload, a build asset), not an endpoint.
      return path.startsWith('/api/')
        ? { status, body: { code: 'ROUTE_NOT_FOUND', message: `接口不存在：${request.method} ${path}` } }
        : { status, body: { code: 'NOT_FOUND', message: `页面或文件不存在：${path}` } };
    }
    const known = STATUS_CODES[status];
    // Nest turns body-parser SyntaxErrors into a plain BadRequestException.
    const isJsonError = status === 400 && /JSON/i.test(exception.message);
    if (known || status < 500) {
      return {
        status,
        body: {
          code: known?.code ?? 'VALIDATION_FAILED',
          message: isJsonError ? '请求体不是合法的 JSON' : (known?.message ?? '请求不被接受'),
        },
      };
    }
  }
  const fastifyError = exception as { code?: unknown; statusCode?: unknown };
  if (typeof fastifyError?.code === 'string' && FASTIFY_ERRORS[fastifyError.code]) {
    const { status, code, message } = FASTIFY_ERRORS[fastifyError.code];
    return { status, body: { code, message } };
  }
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const status = fastifyError.statusCode;
    const known = STATUS_CODES[status];
    return { status, body: { code: known?.code ?? 'VALIDATION_FAILED', message: known?.message ?? '请求不被接受' } };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试' },
  };
}

/** The only place errors become responses: every error is `{ code, message, details? }`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const mapped = mapException(exception, request);
    if (mapped.status >= 500) {
      // A 500 is always a bug: keep the stack in the structured log.
      request.log.error({ err: exception }, 'unhandled error');
    }
    // A route may have set its own content type (a CSV download) before it failed: an error is always JSON.
    reply.removeHeader('content-disposition');
    reply
      .status(mapped.status)
      .headers({ ...mapped.headers, 'content-type': 'application/json; charset=utf-8' })
      .send(mapped.body);
  }
}
