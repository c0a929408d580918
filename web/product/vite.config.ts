// The product remote's build: a Module Federation remote named 'product'
// served from /mfe/product/ (the router serves web/product/dist there), with
// the shell's singletons shared so ClientProvider, the router context and the
// UI kit are one instance across the page. `vite` (port 5174) also serves
// index.html, a standalone page with its own client, for working on the
// remote without the shell.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { federation } from '@module-federation/vite';

const backend = process.env.NEXUS_BACKEND ?? 'http://127.0.0.1:4000';
const port = Number(process.env.PORT ?? 5174);
const singleton = { singleton: true };

/** Dev only: serve the standalone page for the storefront's own paths (/, /products/...), which lie outside the remote's base. */
const standaloneRoutes: Plugin = {
  name: 'nexus-product-standalone-routes',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const accept = req.headers.accept ?? '';
      if (req.url && accept.includes('text/html') && (req.url === '/' || /^\/products(\/|\?|$)/.test(req.url))) req.url = '/mfe/product/';
      next();
    });
  },
};

export default defineConfig(({ command }) => ({
  base: '/mfe/product/',
  plugins: [
    standaloneRoutes,
    react(),
    tailwindcss(),
    federation({
      name: 'product',
      filename: 'remoteEntry.js',
      exposes: {
        './App': './src/App.tsx',
        './SearchBox': './src/SearchBox.tsx',
      },
      shared: {
        react: { ...singleton, requiredVersion: '19.2.3' },
        'react-dom': { ...singleton, requiredVersion: '19.2.3' },
        'react-router': { ...singleton, requiredVersion: '7.18.7' },
        '@nexus/client': singleton,
        '@nexus/client/react': singleton,
        '@nexus/client/session': singleton,
        '@nexus/ui': singleton,
      },
      dts: false,
      // Built, the remote runs under the shell, which provides the one
      // federation runtime of the page (experiments.provideExternalRuntime):
      // not bundling a second copy saves ~19 KB gzip on the first visit.
      // The standalone dev page (`vite`) has no shell, so it keeps its own.
      ...(command === 'build' ? { experiments: { externalRuntime: true } } : {}),
    }),
  ],
  server: {
    port,
    strictPort: true,
    origin: `http://localhost:${port}`,
    proxy: {
      '/graphql': {
        target: backend,
        ws: true,
        changeOrigin: true,
        // The router refuses cross-origin WebSocket upgrades; the proxied socket comes from the backend's own origin.
        configure: (proxy) => proxy.on('proxyReqWs', (req) => req.setHeader('origin', backend)),
      },
      '/images': { target: backend, changeOrigin: true },
    },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // Not index.html: that standalone page is for `vite` dev only.
    rollupOptions: { input: { remote: 'src/remote.ts' } },
  },
}));
