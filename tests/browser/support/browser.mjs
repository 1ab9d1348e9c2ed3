// Debian's chromium driven by playwright-core; screenshots of final screens and failures go to test-artifacts/.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const artifactsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test-artifacts', 'screenshots');

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  // Let page transitions (Taro H5 slides pages in) finish so the picture shows the settled screen.
  await page.waitForTimeout(800);
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * Runs a browser scenario in a fresh context; on failure keeps a screenshot of what the page showed.
 * `viewport` defaults to a phone for the storefront.
 */
export async function withPage(browser, name, scenario, { viewport = { width: 390, height: 844 } } = {}) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  try {
    await scenario(page);
    await screenshot(page, name);
  } catch (error) {
    await screenshot(page, `${name}-failure`).catch(() => {});
    throw error;
  } finally {
    await context.close();
  }
}
