// @ts-check
import react from '@astrojs/react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';

// Pages are data-driven and rendered once per build by scripts/build.ts,
// which passes the validated model in TERANG_MODEL.
export default defineConfig({
  output: 'static',
  // A project site under a sub-path (GitHub Pages: /<repo>/): set per build from portal.json by scripts/render-pages.ts.
  base: process.env.TERANG_BASE || '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [react()],
  // The search page imports Pagefind's bundle, written after the pages: an external URL for Vite.
  vite: { plugins: [tailwindcss()], build: { rollupOptions: { external: [/\/pagefind\/pagefind\.js$/] } } },
  devToolbar: { enabled: false },
  // No code blocks on the site; Shiki's inline styles would also break the CSP.
  markdown: { syntaxHighlight: false },
  // A strict Content-Security-Policy on every page: Astro hashes its own
  // scripts and styles; nothing may load from another origin. Pages that run
  // WebAssembly (the aid lookup, search) add 'wasm-unsafe-eval' themselves.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
