import Taro from '@tarojs/taro';
import { DEVICE_ID_PATTERN } from '@shared/api/attribution';

const STORAGE_KEY = 'storefront.deviceId';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LENGTH = 22;

/** A random id of [0-9A-Za-z] (not a secret: it only tells this device's visits apart before login). */
export function newDeviceId(random: () => number = Math.random): string {
  let id = '';
  for (let index = 0; index < LENGTH; index += 1) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return id;
}

/** This device's id: made once, kept in storage (the mini-program's storage, the browser's localStorage on H5). */
export function deviceId(): string {
  const stored = Taro.getStorageSync(STORAGE_KEY);
  if (typeof stored === 'string' && DEVICE_ID_PATTERN.test(stored)) return stored;
  const id = newDeviceId();
  Taro.setStorageSync(STORAGE_KEY, id);
  return id;
}
