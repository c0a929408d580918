// Child processes of the harness: started with their output in a log file
// under web/e2e/artifacts, stopped by pid (never by name), and waited for
// on a readiness URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Where logs and failure screenshots go (git-ignored). */
export const artifacts = join(import.meta.dirname, '..', 'artifacts');

/** A started service: its process and log file, so failures can show why. */
export interface Service {
  name: string;
  proc: ChildProcess;
  log: string;
}

/** Starts cmd with env added to ours, logging to artifacts/<name>.log. */
export function startService(name: string, cmd: string, args: string[], env: Record<string, string>, cwd: string): Service {
  mkdirSync(artifacts, { recursive: true });
  const log = join(artifacts, `${name}.log`);
  const out = createWriteStream(log, { flags: 'a' });
  const proc = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout?.pipe(out);
  proc.stderr?.pipe(out);
  return { name, proc, log };
}

/** Stops a service with SIGTERM (SIGKILL after 10 s) and waits for it to exit. */
export async function stopService(s: Service): Promise<void> {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => s.proc.once('exit', () => resolve()));
  s.proc.kill('SIGTERM');
  const timer = setTimeout(() => s.proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A free TCP port on loopback (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls url until it answers 200, failing early when the service exits. */
export async function waitReady(url: string, s: Service, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (s.proc.exitCode !== null) throw new Error(`${s.name} exited (${s.proc.exitCode}) before ${url} was ready; see ${s.log}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${s.name}: ${url} not ready within ${timeoutMs} ms; see ${s.log}`);
}

/** Runs a command to completion; rejects with its output when it fails. */
export function run(cmd: string, args: string[], env: Record<string, string>, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}
