import { Route, Routes } from 'react-router';
import { ensureStyles } from './lib/styles';
import { AccountLayout } from './layout/AccountLayout';
import { AccountNotFound } from './layout/AccountNotFound';
import ProfilePage from './profile/ProfilePage';
import AddressesPage from './addresses/AddressesPage';
import PaymentMethodsPage from './payment-methods/PaymentMethodsPage';
import WishlistPage from './wishlist/WishlistPage';

ensureStyles();

/**
 * The customer microfrontend (exposed as './App', props {}): the signed-in
 * shopper's account pages, relative to where the shell mounts it
 * (`/account/*`, after the auth remote's sign-in pages): "" the profile,
 * "addresses", "payment-methods", "wishlist". The shell guards the routes
 * (signed-out visitors go to sign-in and come back); every query here also
 * needs the session, so a lost session shows an error with a retry.
 */
export default function CustomerApp() {
  return (
    <Routes>
      <Route element={<AccountLayout />}>
        <Route index element={<ProfilePage />} />
        <Route path="addresses" element={<AddressesPage />} />
        <Route path="payment-methods" element={<PaymentMethodsPage />} />
        <Route path="wishlist" element={<WishlistPage />} />
        <Route path="*" element={<AccountNotFound />} />
      </Route>
    </Routes>
  );
}
