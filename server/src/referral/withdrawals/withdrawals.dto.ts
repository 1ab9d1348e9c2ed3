import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { WITHDRAWAL_STATUSES, type RequestWithdrawalRequest, type WithdrawalStatus } from '../../../../shared';
import { OptionalField } from '../../platform/http/optional-field';
import { PageQueryDto } from '../../platform/http/page-query.dto';
import { MAX_ID } from '../../platform/http/id-param.pipe';

/** The amount in fen; the minimum, maximum and daily limit are the service's (they come from 分销设置). */
export class RequestWithdrawalDto implements RequestWithdrawalRequest {
  @IsInt({ message: '提现金额须为整数（分）' })
  @Min(1)
  @Max(100_000_000)
  amountFen: number;
}

export class AdminWithdrawalQueryDto extends PageQueryDto {
  @OptionalField()
  @IsIn(WITHDRAWAL_STATUSES)
  status?: WithdrawalStatus;

  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  memberId?: number;
}
