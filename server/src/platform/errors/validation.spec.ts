import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, ValidateNested } from 'class-validator';
import { ArgumentMetadata } from '@nestjs/common';
import { ApiException } from './api-exception';
import { createValidationPipe } from './validation';

class LineDto {
  @IsInt()
  @Max(100)
  price: number;
}

class OrderDto {
  @IsString()
  @MaxLength(5)
  note: string;

  @ValidateNested({ each: true })
  @Type(() => LineDto)
  lines: LineDto[];
}

class TitledDto {
  @IsString()
  @MaxLength(3, { message: '标题最多 3 个字' })
  title: string;
}

const metadata: ArgumentMetadata = { type: 'body', metatype: OrderDto };

async function validationError(body: unknown): Promise<ApiException> {
  try {
    await createValidationPipe().transform(body, metadata);
  } catch (error) {
    return error as ApiException;
  }
  throw new Error('expected a validation error');
}

describe('validation pipe', () => {
  it('names nested fields with dotted paths and Chinese messages', async () => {
    const error = await validationError({ note: 'too long note', lines: [{ price: 1 }, { price: 500 }] });
    expect(error.getStatus()).toBe(400);
    expect(error.body).toEqual({
      code: 'VALIDATION_FAILED',
      message: '字段 note 长度不能超过 5 个字符（另有 1 处错误）',
      details: [
        { field: 'note', message: '长度不能超过 5 个字符' },
        { field: 'lines.1.price', message: '不能大于 100' },
      ],
    });
  });

  it('reports the type error of a value of the wrong type, "required" for a missing one, and unknown fields', async () => {
    const error = await validationError({ note: 42, lines: [], admin: true });
    expect(error.body.details).toEqual([
      { field: 'admin', message: '不允许的字段' },
      { field: 'note', message: '必须是字符串' },
    ]);
    expect((await validationError({ lines: [] })).body.details).toEqual([{ field: 'note', message: '必填' }]);
  });

  it("says a decorator's own Chinese message as it is", async () => {
    try {
      await createValidationPipe().transform({ title: '太长的标题' }, { type: 'body', metatype: TitledDto });
      throw new Error('expected a validation error');
    } catch (error) {
      expect((error as ApiException).body.details).toEqual([{ field: 'title', message: '标题最多 3 个字' }]);
    }
  });
});
