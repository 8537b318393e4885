// @ts-check
import react from '@astrojs/react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';

// Pages are data-driven and rendered once per build by scripts/build.ts,
// which passes the validated model in TERANG_MODEL.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [react()],
  // The search page imports Pagefind's bundle, written after the pages: an external URL for Vite.
  vite: { plugins: [tailwindcss()], build: { rollupOptions: { external: ['/pagefind/pagefind.js'] } } },
  devToolbar: { enabled: false },
});
