/**
 * Stable machine codes for every error the API returns as `{ code, message, details? }`.
 * Clients branch on `code`; `message` is Chinese text a person can read.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  UNAUTHORIZED: 'UNAUTHORIZED',
  TOKEN_INVALID: 'TOKEN_INVALID',
  FORBIDDEN: 'FORBIDDEN',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  WECHAT_LOGIN_FAILED: 'WECHAT_LOGIN_FAILED',
  WECHAT_PHONE_FAILED: 'WECHAT_PHONE_FAILED',
  WECHAT_UNAVAILABLE: 'WECHAT_UNAVAILABLE',
  PRODUCT_NOT_FOUND: 'PRODUCT_NOT_FOUND',
  CATEGORY_NOT_FOUND: 'CATEGORY_NOT_FOUND',
  CATEGORY_NOT_EMPTY: 'CATEGORY_NOT_EMPTY',
  CATEGORY_TOO_DEEP: 'CATEGORY_TOO_DEEP',
  SKU_NOT_FOUND: 'SKU_NOT_FOUND',
  SKU_MATRIX_INVALID: 'SKU_MATRIX_INVALID',
  SKU_CODE_TAKEN: 'SKU_CODE_TAKEN',
  STOCK_WOULD_GO_NEGATIVE: 'STOCK_WOULD_GO_NEGATIVE',
  MEMBER_NOT_FOUND: 'MEMBER_NOT_FOUND',
  STAFF_NOT_FOUND: 'STAFF_NOT_FOUND',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  CANNOT_CHANGE_OWN_ROLE: 'CANNOT_CHANGE_OWN_ROLE',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FILE_TYPE_NOT_ALLOWED: 'FILE_TYPE_NOT_ALLOWED',
  FILE_MISSING: 'FILE_MISSING',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The body of every error response. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For VALIDATION_FAILED: one entry per offending field. */
  details?: FieldError[] | Record<string, unknown>;
}

export interface FieldError {
  /** Dotted path of the field, e.g. `skus.0.priceFen`. */
  field: string;
  message: string;
}
