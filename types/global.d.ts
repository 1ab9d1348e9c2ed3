/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.scss';

/** API origin baked in at build time (config/index.ts): '' on H5 (same origin), TARO_APP_API_BASE on weapp. */
declare const API_ORIGIN: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5';
    TARO_APP_API_BASE?: string;
  }
}
