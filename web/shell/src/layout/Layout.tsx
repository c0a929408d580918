import { ToastViewport } from '@nexus/ui';
import { AppRoutes } from '../routes/AppRoutes.tsx';
import { NavigationEvents } from '../routes/NavigationEvents.tsx';
import { RouteAnnouncer } from '../routes/RouteAnnouncer.tsx';
import { useTheme } from '../theme/useTheme.ts';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { LoadingBar } from './LoadingBar.tsx';
import { OfflineBanner } from './OfflineBanner.tsx';

/** The page frame around every route: skip link, route announcer, loading bar, offline banner, header, main, footer, toasts. */
export function Layout() {
  const { theme, toggle } = useTheme();
  return (
    <div className="flex min-h-dvh flex-col bg-white text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100">
      <a href="#main" className="sr-only z-[70] rounded-md bg-indigo-600 px-4 py-2 text-white focus:not-sr-only focus:fixed focus:left-4 focus:top-4">
        Skip to main content
      </a>
      <NavigationEvents />
      <RouteAnnouncer />
      <LoadingBar />
      <Header theme={theme} onToggleTheme={toggle} />
      <OfflineBanner />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        <AppRoutes />
      </main>
      <Footer />
      <ToastViewport />
    </div>
  );
}
