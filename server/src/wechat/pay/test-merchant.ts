import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The merchant the fake WeChat Pay knows: merchant key pair (the shop signs, the fake verifies), platform
 * key pair (the fake signs, the shop verifies) and the APIv3 key. Generated, never a real credential.
 */
export interface TestMerchant {
  mchid: string;
  merchantSerial: string;
  merchantPrivateKeyPem: string;
  /** 32 ASCII characters, like the APIv3 key set in the merchant console. */
  apiV3Key: string;
  /** "微信支付公钥" id. */
  platformSerial: string;
  platformPrivateKeyPem: string;
}

export const TEST_MERCHANT_MCHID = '1900000109';

export function generateTestMerchant(): TestMerchant {
  const privatePem = () =>
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    mchid: TEST_MERCHANT_MCHID,
    merchantSerial: randomBytes(20).toString('hex').toUpperCase(),
    merchantPrivateKeyPem: privatePem(),
    apiV3Key: randomBytes(16).toString('hex'),
    platformSerial: `PUB_KEY_ID_0119${randomBytes(14).toString('hex').toUpperCase()}`,
    platformPrivateKeyPem: privatePem(),
  };
}

/**
 * The test merchant kept in `dir` (created on first start), so the shop and the in-process fake, and
 * the next start, share the same keys. Written whole to a temporary file and then linked into place, so
 * an instance starting at the same moment either wins or reads the complete file of the one that did.
 */
export function loadOrCreateTestMerchant(dir: string): TestMerchant {
  const file = join(dir, 'test-merchant.json');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(draft, JSON.stringify(generateTestMerchant(), null, 2), { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  return JSON.parse(readFileSync(file, 'utf8')) as TestMerchant;
}
