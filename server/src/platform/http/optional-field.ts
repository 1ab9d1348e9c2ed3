import { ValidateIf } from 'class-validator';

/**
 * The field may be left out; when it is sent, its other rules apply, also to `null`. class-validator's
 * IsOptional skips the rules for null as well, so `{"nickname": null}` reached the services as a value they
 * never expect (500). Null is never "leave unchanged" in this API: a field that can be cleared says so with
 * its own `ValidateIf((_, value) => value !== null)` and a `| null` type.
 */
export function OptionalField(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}
