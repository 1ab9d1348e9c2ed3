import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import type { SubscribeAnswersRequest } from '../../../shared';

export class SubscribeAnswerDto {
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  templateId: string;

  @IsBoolean()
  accepted: boolean;
}

export class SubscribeAnswersDto implements SubscribeAnswersRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => SubscribeAnswerDto)
  answers: SubscribeAnswerDto[];
}
