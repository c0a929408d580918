import { Navigate, Route, Routes } from 'react-router';
import ForgotPasswordPage from './forgot-password/ForgotPasswordPage';
import { ensureStyles } from './lib/styles';
import RegisterPage from './register/RegisterPage';
import ResetPasswordPage from './reset-password/ResetPasswordPage';
import SignInPage from './sign-in/SignInPage';
import VerifyEmailPage from './verify-email/VerifyEmailPage';

ensureStyles();

/**
 * The auth microfrontend (exposed as './App', props {}): its routes relative to where the shell mounts it
 * (`/account/*`, for these five paths only). Uses the shell's router, ClientProvider and session.
 */
export default function AuthApp() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route path="register" element={<RegisterPage />} />
      <Route path="forgot-password" element={<ForgotPasswordPage />} />
      <Route path="reset-password" element={<ResetPasswordPage />} />
      <Route path="verify-email" element={<VerifyEmailPage />} />
      <Route path="*" element={<Navigate to="sign-in" replace />} />
    </Routes>
  );
}
