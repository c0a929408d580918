// The auth remote's build: a Module Federation remote named 'auth' served
// from /mfe/auth/ (web/dist/mfe/auth), with the shell's singletons shared so
// ClientProvider, the session, the router context and the UI kit are one
// instance across the page. `vite` (port 5175) also serves index.html, a
// standalone page with its own client and session, for working on the
// remote without the shell.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { federation } from '@module-federation/vite';

const backend = process.env.NEXUS_BACKEND ?? 'http://127.0.0.1:4000';
const port = Number(process.env.PORT ?? 5175);
const singleton = { singleton: true };

/** Dev only: serve the standalone page for the storefront's own paths (/account/...), which lie outside the remote's base. */
const standaloneRoutes: Plugin = {
  name: 'nexus-auth-standalone-routes',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const accept = req.headers.accept ?? '';
      if (req.url && accept.includes('text/html') && (req.url === '/' || /^\/account(\/|\?|$)/.test(req.url))) req.url = '/mfe/auth/';
      next();
    });
  },
};

export default defineConfig(({ command }) => ({
  base: '/mfe/auth/',
  plugins: [
    standaloneRoutes,
    react(),
    tailwindcss(),
    federation({
      name: 'auth',
      filename: 'remoteEntry.js',
      exposes: { './App': './src/App.tsx' },
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
      // Built, the remote uses the shell's federation runtime (see web/product/vite.config.ts).
      ...(command === 'build' ? { experiments: { externalRuntime: true } } : {}),
    }),
  ],
  server: {
    port,
    strictPort: true,
    origin: `http://localhost:${port}`,
    proxy: {
      // The router forwards the session cookie only when Origin is its own (or CORS-allowed): present the backend's.
      '/graphql': { target: backend, changeOrigin: true, headers: { origin: backend } },
    },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: { input: { remote: 'src/remote.ts' } },
  },
}));
