import { ArgumentMetadata, HttpStatus, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { FieldError } from '../../../../shared';
import { ApiException } from './api-exception';

/**
 * Chinese text for class-validator constraints. The English default messages carry the numbers
 * (e.g. "must not be greater than 99999999"), so the limit is taken from them.
 */
const CONSTRAINT_MESSAGES: Record<string, (english: string) => string> = {
  whitelistValidation: () => '不允许的字段',
  isDefined: () => '必填',
  isNotEmpty: () => '不能为空',
  isString: () => '必须是字符串',
  isInt: () => '必须是整数',
  isNumber: () => '必须是数字',
  isBoolean: () => '必须是 true 或 false',
  isArray: () => '必须是数组',
  isObject: () => '必须是对象',
  isIn: () => '取值不在允许范围内',
  isEnum: () => '取值不在允许范围内',
  matches: () => '格式不正确',
  min: (en) => `不能小于 ${lastNumber(en)}`,
  max: (en) => `不能大于 ${lastNumber(en)}`,
  minLength: (en) => `长度不能少于 ${lastNumber(en)} 个字符`,
  maxLength: (en) => `长度不能超过 ${lastNumber(en)} 个字符`,
  arrayMinSize: (en) => `至少需要 ${lastNumber(en)} 项`,
  arrayMaxSize: (en) => `最多 ${lastNumber(en)} 项`,
  arrayUnique: () => '不能有重复项',
  notEquals: (en) => `不能等于 ${lastNumber(en)}`,
  nestedValidation: () => '必须是对象',
};

function lastNumber(text: string): string {
  const numbers = text.match(/-?\d+(\.\d+)?/g);
  return numbers ? numbers[numbers.length - 1] : '';
}

/** When a field breaks several rules, its type error is the one to report (a number is not "too long"). */
const CONSTRAINT_PRIORITY = ['whitelistValidation', 'isDefined', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'nestedValidation', 'isIn', 'isEnum'];

function primaryConstraint(constraints: Record<string, string>): [string, string] {
  const name = CONSTRAINT_PRIORITY.find((key) => key in constraints) ?? Object.keys(constraints)[0];
  return [name, constraints[name]];
}

/** Flattens nested class-validator errors into dotted field paths (`skus.0.priceFen`). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints && Object.keys(error.constraints).length > 0) {
      // One message per field: a missing value is "required", otherwise the most basic broken rule.
      const [name, english] = primaryConstraint(error.constraints);
      const translate = CONSTRAINT_MESSAGES[name];
      const missing = error.value === undefined && name !== 'whitelistValidation';
      // A decorator's own Chinese message (`{ message: '活动名称最多 40 个字' }`) says it best; English defaults are translated.
      const own = /[\u4e00-\u9fff]/.test(english);
      result.push({ field, message: missing ? '必填' : own ? english : translate ? translate(english) : '不合法' });
    }
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, field));
  }
  return result;
}

export function validationException(errors: ValidationError[]): ApiException {
  const details = flattenValidationErrors(errors);
  const first = details[0] ?? { field: '请求', message: '不合法' };
  const more = details.length > 1 ? `（另有 ${details.length - 1} 处错误）` : '';
  return new ApiException(
    'VALIDATION_FAILED',
    HttpStatus.BAD_REQUEST,
    `字段 ${first.field} ${first.message}${more}`,
    details,
  );
}

/**
 * Cheap work on a body's top level before class-transformer and class-validator walk all of it: they copy, build
 * and check every nested value first (one error per element), so a few hundred wrong objects cost tens of
 * milliseconds of CPU only to be refused for an unknown field or an array's length. An array longer than its
 * DTO's ArrayMaxSize is refused at once; an unknown field's value is not walked (the field is still reported).
 */
function lightenBody(metatype: unknown, value: unknown): unknown {
  if (typeof metatype !== 'function' || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const rules = getMetadataStorage().getTargetValidationMetadatas(metatype, metatype.name, true, false);
  if (rules.length === 0) return value;
  const body = value as Record<string, unknown>;
  for (const rule of rules) {
    if (rule.name !== 'arrayMaxSize') continue;
    const field = body[rule.propertyName];
    const max = Number(rule.constraints?.[0]);
    if (Array.isArray(field) && field.length > max) {
      throw validationException([{ property: rule.propertyName, value: field, constraints: { arrayMaxSize: `at most ${max}` }, children: [] }]);
    }
  }
  const known = new Set(rules.map((rule) => rule.propertyName));
  const unknown = Object.keys(body).filter((key) => !known.has(key) && typeof body[key] === 'object' && body[key] !== null);
  return unknown.length === 0 ? value : { ...body, ...Object.fromEntries(unknown.map((key) => [key, true])) };
}

class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    return super.transform(lightenBody(metadata.metatype, value), metadata);
  }

  /**
   * Path parameters stay the text of the URL: ParseIdPipe checks that text. Converted here first, `1e3`, `1.0` and
   * `0x10` would reach it as the numbers 1000, 1 and 16 and look like ids.
   */
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

/** The one validation pipe of the app: unknown fields are errors, payloads become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // A primitive sent where an object is expected must fail validation, not slip through.
    forbidUnknownValues: true,
    exceptionFactory: validationException,
  });
}
