import { Route, Routes } from 'react-router';
import CatalogPage from './catalog/CatalogPage';
import { ensureStyles } from './lib/styles';
import ProductDetailPage from './product-detail/ProductDetailPage';

ensureStyles();

/**
 * The product microfrontend (exposed as './App', props {}): its routes
 * relative to where the shell mounts it (`/products/*`): "" the catalog,
 * ":slug" a product. Uses the shell's router and ClientProvider.
 */
export default function ProductApp() {
  return (
    <Routes>
      <Route index element={<CatalogPage />} />
      <Route path=":slug" element={<ProductDetailPage />} />
    </Routes>
  );
}
