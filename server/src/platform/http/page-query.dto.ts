import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Paginated } from '../../../../shared';
import { OptionalField } from './optional-field';

/** `?page=&pageSize=` of every list endpoint; extend it for lists with filters. */
export class PageQueryDto {
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = DEFAULT_PAGE_SIZE;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

export function paginated<T>(items: T[], total: number, query: PageQueryDto): Paginated<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}
