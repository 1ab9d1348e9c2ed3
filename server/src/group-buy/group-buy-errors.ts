import { HttpStatus } from '@nestjs/common';
import { ApiException } from '../platform/errors/api-exception';

/** The group-buy errors several places answer (the console, shopper reads, share links, posters). */
export const campaignNotFound = () => new ApiException('GROUP_BUY_CAMPAIGN_NOT_FOUND', HttpStatus.NOT_FOUND, '拼团活动不存在');
export const teamNotFound = () => new ApiException('GROUP_BUY_TEAM_NOT_FOUND', HttpStatus.NOT_FOUND, '拼团不存在或已失效');
