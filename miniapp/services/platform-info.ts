import type { PlatformInfo } from '@shared/api/common';
import { oncePerLaunch } from './once-per-launch';
import { request } from './request';

/** How WeChat is reached (fake or real); asked once per launch. */
export const fetchPlatformInfo = oncePerLaunch(() => request<PlatformInfo>('/platform'));
