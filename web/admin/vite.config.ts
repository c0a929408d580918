// The admin remote's build: a Module Federation remote named 'admin'
// served from /mfe/admin/ (the router serves web/admin/dist there),
// sharing the shell's singletons like web/product does. `vite` (port 5177)
// also serves index.html, a standalone page with its own client, for working
// on the remote without the shell (sign in through the API first: the page
// has no session of its own beyond the refresh cookie).
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { federation } from '@module-federation/vite';

const backend = process.env.NEXUS_BACKEND ?? 'http://127.0.0.1:4000';
const port = Number(process.env.PORT ?? 5177);
const singleton = { singleton: true };

/** Dev only: serve the standalone page for /account paths, which lie outside the remote's base. */
const standaloneRoutes: Plugin = {
  name: 'nexus-admin-standalone-routes',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const accept = req.headers.accept ?? '';
      if (req.url && accept.includes('text/html') && (req.url === '/' || /^\/admin(\/|\?|$)/.test(req.url))) req.url = '/mfe/admin/';
      next();
    });
  },
};

export default defineConfig(({ command }) => ({
  base: '/mfe/admin/',
  plugins: [
    standaloneRoutes,
    react(),
    tailwindcss(),
    federation({
      name: 'admin',
      filename: 'remoteEntry.js',
      exposes: {
        './App': './src/App.tsx',
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
      // one federation runtime per page: the shell's (see web/product/vite.config.ts)
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
        // The router forwards the session cookie only when Origin is its own (or CORS-allowed): present the backend's.
        headers: { origin: backend },
        configure: (proxy) => proxy.on('proxyReqWs', (req) => req.setHeader('origin', backend)),
      },
      '/images': { target: backend, changeOrigin: true },
    },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: { input: { remote: 'src/remote.ts' } },
  },
}));
