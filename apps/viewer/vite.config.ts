// Vite build of the viewer: one self-contained bundle (three.js included) that works offline from any static server.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  resolve: { conditions: ['@rapier-gym/source'] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
});
