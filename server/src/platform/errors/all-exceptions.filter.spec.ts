import { BadRequestException, NotFoundException } from '@nestjs/common';
import { mapException } from './all-exceptions.filter';
import { ApiException } from './api-exception';

const request = { method: 'GET', url: '/api/v1/nowhere?x=1' };

describe('mapException', () => {
  it('passes ApiExceptions through with their headers', () => {
    const error = new ApiException('TOO_MANY_ATTEMPTS', 429, '太多了', undefined, { 'retry-after': '60' });
    expect(mapException(error, request)).toEqual({
      status: 429,
      body: { code: 'TOO_MANY_ATTEMPTS', message: '太多了' },
      headers: { 'retry-after': '60' },
    });
  });

  it('turns the router 404 into ROUTE_NOT_FOUND naming the route', () => {
    expect(mapException(new NotFoundException('Cannot GET /api/v1/nowhere?x=1'), request).body).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: '接口不存在：GET /api/v1/nowhere',
    });
  });

  it('calls a missing file outside the API NOT_FOUND', () => {
    const missingUpload = { method: 'GET', url: '/uploads/catalog/missing.png' };
    expect(mapException(new NotFoundException('Cannot GET /uploads/catalog/missing.png'), missingUpload).body).toEqual({
      code: 'NOT_FOUND',
      message: '页面或文件不存在：/uploads/catalog/missing.png',
    });
  });

  it('maps body-parser and Fastify errors to 4xx codes', () => {
    expect(mapException(new BadRequestException('Unexpected token } in JSON at position 3'), request).body.message).toBe('请求体不是合法的 JSON');
    const tooLarge = Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(mapException(tooLarge, request)).toEqual({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' } });
    const mediaType = Object.assign(new Error('Unsupported'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 });
    expect(mapException(mediaType, request).status).toBe(415);
  });

  it('hides anything unexpected behind 500 INTERNAL_ERROR', () => {
    expect(mapException(new TypeError('x is undefined'), request)).toEqual({
      status: 500,
      body: { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试' },
    });
  });
});
