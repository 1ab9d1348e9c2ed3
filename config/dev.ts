import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // `npm run dev:h5` serves the storefront itself; API calls (same-origin in production) go on to the server.
    devServer: {
      proxy: {
        '/api': { target: process.env.TARO_APP_API_BASE || 'http://localhost:3000', changeOrigin: true },
      },
    },
  },
} satisfies UserConfigExport<'webpack5'>;
