import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// GitHub Pages serves a project site under /<repo>/: VITE_BASE sets it at build time,
// relative './' keeps the build working from any sub-path otherwise.
export default defineConfig({
  base: process.env.VITE_BASE ?? './',
  publicDir: 'static',
  plugins: [svelte()],
  build: { target: 'es2022', outDir: 'dist', sourcemap: false },
});
