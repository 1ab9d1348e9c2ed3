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
    rollupOptions: {
      output: {
        // antd and the pro components change less often than our pages: separate chunks cache better.
        manualChunks: {
          react: ['react', 'react-dom', 'react-router-dom'],
          antd: ['antd', '@ant-design/icons', 'dayjs'],
          pro: ['@ant-design/pro-components'],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
