/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const sharedDir = fileURLToPath(new URL('../../shared', import.meta.url));
const srcDir = fileURLToPath(new URL('./src', import.meta.url));
const apiOrigin = process.env.ADMIN_API_ORIGIN ?? 'http://localhost:3000';

export default defineConfig({
  // The server serves the built console at /admin and falls back to index.html below it.
  base: '/admin/',
  plugins: [react()],
  resolve: {
    alias: {
      '@shared': sharedDir,
      '@': srcDir,
    },
  },
  server: {
    // shared/ sits outside this npm project; let the dev server read it.
    fs: { allow: ['.', sharedDir] },
    proxy: {
      '/api': apiOrigin,
      '/uploads': apiOrigin,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The chart library's chunk (about 560 kB, loaded only by the analytics dashboard) is the one above Rollup's
    // 500 kB default; the limit still flags any page chunk that grows past it.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        // React and the router change less often than our pages: their own chunk stays cached across releases.
        // So does the chart library, which only the analytics dashboard loads.
        // antd and the pro components are left to Rollup, which splits them by the pages that use them.
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@remix-run)\//.test(id)) return 'react';
          return /node_modules\/(echarts|zrender|echarts-for-react|size-sensor)\//.test(id) ? 'echarts' : undefined;
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
