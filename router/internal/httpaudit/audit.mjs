// Runs graphql-http's server audit (the GraphQL over HTTP spec's checks)
// against the URL given as the only argument and prints one JSON array of
// results on stdout. audit.go starts it; failures keep the response status
// and a prefix of its body so a failing Go test says what the server sent.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql-url>');
  process.exit(2);
}

const results = await auditServer({ url });
const out = [];
for (const r of results) {
  const row = { id: r.id, name: r.name, status: r.status };
  if (r.status !== 'ok') {
    row.reason = r.reason;
    if (r.response) {
      row.httpStatus = r.response.status;
      row.contentType = r.response.headers.get('content-type') ?? '';
      try {
        row.body = (await r.response.text()).slice(0, 500);
      } catch {
        row.body = '(body already read by the audit)';
      }
    }
  }
  out.push(row);
}
process.stdout.write(JSON.stringify(out));
