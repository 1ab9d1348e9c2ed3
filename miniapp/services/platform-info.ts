import type { PlatformInfo } from '@shared/api/common';
import { request } from './request';

let cached: Promise<PlatformInfo> | null = null;

/** How WeChat is reached (fake or real); asked once per launch. */
export function fetchPlatformInfo(): Promise<PlatformInfo> {
  cached ??= request<PlatformInfo>('/platform').catch((error) => {
    cached = null;
    throw error;
  });
  return cached;
}
