import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Strapi server (cms) answers /api and /uploads; in production it also serves admin/dist at `/`
// (same origin). In development Vite proxies those paths to it.
const cmsTarget = `http://127.0.0.1:${process.env.CMS_PORT ?? 1337}`;
const proxy = {
  '/api': { target: cmsTarget, changeOrigin: false },
  '/uploads': { target: cmsTarget, changeOrigin: false },
};

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@domain': fileURLToPath(new URL('../cms/src/domain', import.meta.url)),
    },
  },
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
});
