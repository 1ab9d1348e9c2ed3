import { HttpStatus } from '@nestjs/common';
import { GROUP_BUY_JOIN_BLOCK_LABELS, type ErrorCode } from '../../../shared';
import { ApiException } from '../platform/errors/api-exception';

/** The group-buy errors several places answer (the console, shopper reads, share links, posters, checkout). */
export const campaignNotFound = () => new ApiException('GROUP_BUY_CAMPAIGN_NOT_FOUND', HttpStatus.NOT_FOUND, '拼团活动不存在');
export const teamNotFound = () => new ApiException('GROUP_BUY_TEAM_NOT_FOUND', HttpStatus.NOT_FOUND, '拼团不存在或已失效');

/** The 拼团 refusals a shopper can meet at checkout, each with the sentence the storefront shows. */
const conflict = (code: ErrorCode, message: string, details?: Record<string, unknown>) => new ApiException(code, HttpStatus.CONFLICT, message, details);

export const groupBuyErrors = {
  selectionInvalid: (message: string) => new ApiException('GROUP_BUY_SELECTION_INVALID', HttpStatus.BAD_REQUEST, message),
  campaignNotRunning: (campaignId: number, notStarted = false) =>
    conflict('GROUP_BUY_CAMPAIGN_NOT_RUNNING', notStarted ? '拼团活动还没有开始' : GROUP_BUY_JOIN_BLOCK_LABELS.campaign_ended, { campaignId }),
  teamFull: (teamId: number) => conflict('GROUP_BUY_TEAM_FULL', GROUP_BUY_JOIN_BLOCK_LABELS.full, { teamId }),
  teamExpired: (teamId: number) => conflict('GROUP_BUY_TEAM_CLOSED', GROUP_BUY_JOIN_BLOCK_LABELS.expired, { teamId, reason: 'expired' }),
  teamClosed: (teamId: number) => conflict('GROUP_BUY_TEAM_CLOSED', GROUP_BUY_JOIN_BLOCK_LABELS.not_forming, { teamId, reason: 'not_forming' }),
  ownTeam: (teamId: number) => conflict('GROUP_BUY_OWN_TEAM', GROUP_BUY_JOIN_BLOCK_LABELS.own_team, { teamId }),
  alreadyJoined: (teamId: number) => conflict('GROUP_BUY_ALREADY_JOINED', GROUP_BUY_JOIN_BLOCK_LABELS.already_joined, { teamId }),
  limitReached: (campaignId: number) => conflict('GROUP_BUY_LIMIT_REACHED', GROUP_BUY_JOIN_BLOCK_LABELS.limit_reached, { campaignId }),
  quotaExhausted: (campaignId: number) => conflict('GROUP_BUY_QUOTA_EXHAUSTED', '本次拼团活动的名额已抢完', { campaignId }),
};
