import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');

/** Where the mini-program reaches the API. The H5 build is served by the API itself, so it calls same-origin. */
function apiOrigin(): string {
  if (process.env.TARO_ENV === 'h5') return '';
  return (process.env.TARO_APP_API_BASE || 'http://localhost:3000').replace(/\/+$/, '');
}

/** Points Taro's babel-loader at config/babel.config.js instead of a root babel.config.js. */
function useBabelConfigFromConfigDir(chain: any) {
  chain.module
    .rule('script')
    .use('babelLoader')
    .tap((options: Record<string, unknown>) => ({ ...options, configFile: path.join(__dirname, 'babel.config.js') }));
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'wechat-private-storefront',
    // Styles are written against a 375px-wide design, the same width NutUI is drawn for.
    designWidth: 375,
    deviceRatio: {
      375: 2,
      640: 2.34 / 2,
      750: 1,
      828: 1.81 / 2,
    },
    sourceRoot: 'miniapp',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [path.join(__dirname, 'plugins', 'weapp-package-size.ts')],
    alias: {
      '@shared': path.join(root, 'shared'),
      '@': path.join(root, 'miniapp'),
    },
    defineConstants: {
      API_ORIGIN: JSON.stringify(apiOrigin()),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // shared/ sits outside the sourceRoot; compile it like our own code.
      compile: { include: [path.join(root, 'shared')] },
      // NutUI's per-component CSS lands in shared chunks in varying order; the styles do not depend on it.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: useBabelConfigFromConfigDir,
    },
    h5: {
      publicPath: '/',
      compile: { include: [path.join(root, 'shared')] },
      staticDirectory: 'static',
      // Run NutUI's styles through pxtransform like our own, so both scale the same way.
      esnextModules: ['nutui-react'],
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: useBabelConfigFromConfigDir,
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
