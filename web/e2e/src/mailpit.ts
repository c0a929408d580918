// The mailbox: Mailpit's HTTP API (GET /api/v1/search?query=to:<addr>,
// GET /api/v1/message/<ID>), polled until the mail a test expects is there.
import { stack } from './harness.ts';

/** A mail as the tests read it. */
export interface Mail {
  id: string;
  subject: string;
  text: string;
  html: string;
}

/** The mails to an address, newest first. */
export async function mailsTo(address: string): Promise<Mail[]> {
  const res = await fetch(`${stack.mailpitURL}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}`);
  if (!res.ok) throw new Error(`mailpit search: HTTP ${res.status}`);
  const { messages } = (await res.json()) as { messages: { ID: string; Subject: string }[] };
  return Promise.all(
    messages.map(async (m) => {
      const r = await fetch(`${stack.mailpitURL}/api/v1/message/${m.ID}`);
      const full = (await r.json()) as { Text: string; HTML: string; Subject: string };
      return { id: m.ID, subject: full.Subject, text: full.Text, html: full.HTML };
    }),
  );
}

/** Waits (up to timeoutMs, polling) for a mail to `address` with `subject` that is not in `except`, and returns it. */
export async function waitForMail(address: string, subject: string, except: string[] = [], timeoutMs = 20_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = (await mailsTo(address)).find((x) => x.subject === subject && !except.includes(x.id));
    if (m) return m;
    if (Date.now() > deadline) throw new Error(`no mail "${subject}" to ${address} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The storefront link in a mail's text whose path is `path` (/account/verify-email, /account/reset-password). */
export function linkIn(mail: Mail, path: string): string {
  const re = new RegExp(`https?://[^\\s"<>]+${path.replace(/[/.]/g, '\\$&')}\\?token=[A-Za-z0-9_\\-.%=]+`);
  const m = re.exec(mail.text) ?? re.exec(mail.html);
  if (!m) throw new Error(`no ${path} link in mail "${mail.subject}":\n${mail.text}`);
  return m[0].replace(/&amp;/g, '&');
}
