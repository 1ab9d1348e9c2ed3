import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiError, ErrorCode, FieldError } from '../../../../shared';

/** An error the API answers on purpose: a stable code, the HTTP status and a Chinese message. */
export class ApiException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    status: HttpStatus,
    message: string,
    readonly details?: ApiError['details'],
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super({ code, message, ...(details === undefined ? {} : { details }) } satisfies ApiError, status);
  }

  get body(): ApiError {
    return this.getResponse() as ApiError;
  }
}

/** 400 VALIDATION_FAILED for one field, in the same shape the ValidationPipe produces. */
export function fieldError(field: string, message: string): ApiException {
  const details: FieldError[] = [{ field, message }];
  return new ApiException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, `${field}：${message}`, details);
}
