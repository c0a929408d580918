import { Navigate, Route, Routes } from 'react-router';
import { AccountRoute } from './AccountRoute.tsx';
import { AdminRoute } from './AdminRoute.tsx';
import { CatalogRoute } from './CatalogRoute.tsx';
import { NotFound } from './NotFound.tsx';

/**
 * The shell's routes: / → /products, /products/* → the product remote, /account/* → the auth or customer remote
 * (AccountRoute), /admin/* → the admin remote (ADMIN only), anything else → 404.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/products" replace />} />
      <Route path="/products/*" element={<CatalogRoute />} />
      <Route path="/account/*" element={<AccountRoute />} />
      <Route path="/admin/*" element={<AdminRoute />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
