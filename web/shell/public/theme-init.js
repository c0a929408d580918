// Applies the theme before first paint, so a dark-mode shopper never sees a white flash. Same rule as
// src/theme/theme.ts: the stored choice ('nexus:theme'), else the system's preference. A file, not an inline
// script, because the router's Content-Security-Policy allows only script-src 'self'.
try {
  var t = localStorage.getItem('nexus:theme');
  if (t !== 'light' && t !== 'dark') t = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  document.documentElement.classList.toggle('dark', t === 'dark');
  document.documentElement.style.colorScheme = t;
  var m = document.querySelector('meta[name="theme-color"]');
  if (m) m.setAttribute('content', t === 'dark' ? '#18181b' : '#ffffff');
} catch (e) {}
