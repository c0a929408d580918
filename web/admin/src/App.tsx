import { Navigate, Route, Routes } from 'react-router';
import { ensureStyles } from './lib/styles';
import ProductEditorPage from './product-editor/ProductEditorPage';
import ProductsPage from './products/ProductsPage';
import ReviewsPage from './reviews/ReviewsPage';
import UsersPage from './users/UsersPage';
import UserDetailPage from './user-detail/UserDetailPage';

ensureStyles();

/**
 * The admin microfrontend (exposed as './App', props {}), relative to where the shell mounts it (`/admin/*`):
 * "users" and "users/:id" (accounts), "products", "products/new" and "products/:id" (the catalog: fields,
 * options, variants, stock), "reviews" (moderation); anything else goes to the user list.
 * The shell lets only admins in; the API refuses everyone else anyway.
 */
export default function AdminApp() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <Routes>
        <Route path="users" element={<UsersPage />} />
        <Route path="users/:id" element={<UserDetailPage />} />
        <Route path="products" element={<ProductsPage />} />
        <Route path="products/:id" element={<ProductEditorPage />} />
        <Route path="reviews" element={<ReviewsPage />} />
        <Route path="*" element={<Navigate to="/admin/users" replace />} />
      </Routes>
    </div>
  );
}
