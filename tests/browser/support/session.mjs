// One running app server (with its fake WeChat) and one chromium per test file, started before its
// tests and stopped after them.
import { before, after } from 'node:test';
import { startAppServer } from './app-server.mjs';
import { launchBrowser } from './browser.mjs';

/** Registers the file's before/after hooks; the returned object holds `app` and `browser` once started. */
export function useAppAndBrowser() {
  const session = { app: null, browser: null };
  before(async () => {
    session.app = await startAppServer();
    session.browser = await launchBrowser();
  });
  after(async () => {
    await session.browser?.close();
    await session.app?.stop();
  });
  return session;
}

/** Logs a staff member in through the API and answers the token. */
export async function staffToken(baseUrl, username, password = 'demo1234') {
  const response = await fetch(`${baseUrl}/api/v1/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`staff login ${username} → ${response.status}`);
  return (await response.json()).token;
}
