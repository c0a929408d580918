import { federation } from '@module-federation/vite';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The router; NEXUS_BACKEND overrides it (same variable as web/product's dev server). */
const api = process.env.NEXUS_BACKEND ?? 'http://127.0.0.1:4000';
/**
 * The remotes' dev servers (contract: product 5174, auth 5175, customer 5176, admin 5177); NEXUS_<NAME>_DEV overrides
 * one. A remote whose dev server is not running fails to load and shows its slot's error fallback.
 */
const remoteDev: Record<string, string> = Object.fromEntries(
  Object.entries({ product: 5174, auth: 5175, customer: 5176, admin: 5177 }).map(([name, port]) => [
    name,
    process.env[`NEXUS_${name.toUpperCase()}_DEV`] ?? `http://127.0.0.1:${port}`,
  ]),
);
const apiProxy = {
  // Host is kept (no changeOrigin): the router's WebSocket upgrade checks that Origin matches Host
  '/graphql': { target: api, ws: true },
  '/images': { target: api, changeOrigin: true },
  '/readyz': { target: api, changeOrigin: true },
};

/** Shared singletons: one React, one router, one @nexus/client with its entries (one client, one bus, one ClientProvider context) and one @nexus/ui (one toast store) per page. */
const singleton = { singleton: true } as const;

// The shell is the Module Federation host `shell`. It declares no remotes at build time: the remote URLs come from
// /mfe/manifest.json at run time (src/remotes/remoteLoader.ts: registerRemotes + loadRemote).
export default defineConfig({
  base: '/',
  plugins: [
    react(),
    tailwindcss(),
    federation({
      name: 'shell',
      remotes: {},
      shared: {
        react: singleton,
        'react-dom': singleton,
        // the declarative-mode API only, from react-router's production build (src/shared/react-router.ts): 17 KB gzip instead of 67
        'react-router': { singleton: true, import: './src/shared/react-router.ts' },
        // each entry of @nexus/client is its own share key: /react holds the ClientProvider context, which must be one
        '@nexus/client': singleton,
        '@nexus/client/react': singleton,
        '@nexus/client/ws': singleton,
        // the session API remotes read (useSession's module state and the installed session)
        '@nexus/client/session': singleton,
        '@nexus/ui': singleton,
      },
      dts: false,
      // one federation runtime per page: remotes built with experiments.externalRuntime use the shell's instead of bundling their own
      experiments: { provideExternalRuntime: true },
    }),
  ],
  build: { outDir: 'dist', target: 'es2022', emptyOutDir: true },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { ...apiProxy, ...Object.fromEntries(Object.entries(remoteDev).map(([name, target]) => [`/mfe/${name}`, { target, changeOrigin: true }])) },
  },
  // `vite preview` serves dist (remotes copied under dist/mfe/ by hand or by make web) and proxies only the API
  preview: { port: 4173, proxy: apiProxy },
});
