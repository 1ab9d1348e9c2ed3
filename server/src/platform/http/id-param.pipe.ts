import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { fieldError } from '../errors/api-exception';

export const MAX_ID = 2_147_483_647;

/** Parses a path id: the decimal digits of a positive integer that fits the database's INT, or 400 naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const id = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!(id >= 1 && id <= MAX_ID)) throw fieldError(metadata.data ?? 'id', `必须是 1-${MAX_ID} 之间的整数`);
    return id;
  }
}
