import { Navigate, Route, Routes } from 'react-router';
import { ensureStyles } from './lib/styles';
import UsersPage from './users/UsersPage';
import UserDetailPage from './user-detail/UserDetailPage';

ensureStyles();

/**
 * The admin microfrontend (exposed as './App', props {}): user
 * administration relative to where the shell mounts it (`/admin/*`):
 * "users" the list, "users/:id" one user; anything else goes to the list.
 * The shell lets only admins in; the API refuses everyone else anyway.
 */
export default function AdminApp() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <Routes>
        <Route path="users" element={<UsersPage />} />
        <Route path="users/:id" element={<UserDetailPage />} />
        <Route path="*" element={<Navigate to="/admin/users" replace />} />
      </Routes>
    </div>
  );
}
