import { MINIPROGRAM_PAGES } from '@shared/miniprogram-pages';

(globalThis as unknown as { defineAppConfig: <T>(config: T) => T }).defineAppConfig = (config) => config;
const appConfig = require('./app.config').default as { pages: string[]; subPackages: { root: string; pages: string[] }[] };

describe('the page list the server and the fake WeChat know', () => {
  it('is exactly the pages app.config.ts registers, home page first', () => {
    const registered = [...appConfig.pages, ...appConfig.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];
    expect([...MINIPROGRAM_PAGES].sort()).toEqual([...registered].sort());
    expect(MINIPROGRAM_PAGES[0]).toBe(appConfig.pages[0]);
  });
});
