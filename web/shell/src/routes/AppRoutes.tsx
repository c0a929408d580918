import { Navigate, Route, Routes } from 'react-router';
import { CatalogRoute } from './CatalogRoute.tsx';
import { NotFound } from './NotFound.tsx';

/** The shell's routes: / → /products, /products/* → the product remote, anything else → 404. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/products" replace />} />
      <Route path="/products/*" element={<CatalogRoute />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
