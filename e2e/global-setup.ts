// Starts the real server for the suite: a temporary directory, `forecourt demo` to load the demo
// dealers and users, then `forecourt serve` on a free port. The URL it prints is handed to the
// tests in FORECOURT_URL; the returned function stops the server and removes the directory.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const READY = /Forecourt is running at (http:\/\/\S+)/;

export default async function globalSetup(): Promise<() => Promise<void>> {
  const bin = process.env.FORECOURT_BIN;
  if (!bin || !existsSync(bin)) {
    throw new Error(`FORECOURT_BIN must name the forecourt binary (got ${bin ?? 'nothing'})`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'forecourt-e2e-'));
  const database = `sqlite://${join(dir, 'forecourt.db')}`;
  const env = {
    ...process.env,
    // The whole suite signs in from one address many times; the default limit (30 per 10 minutes) is for the real world.
    FORECOURT_AUTH__LOGIN_RATE_LIMIT: '10000',
    RUST_LOG: process.env.RUST_LOG ?? 'warn',
  };
  execFileSync(bin, ['--database', database, 'demo'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  mkdirSync(resolve('screenshots'), { recursive: true });

  const server = spawn(bin, ['--database', database, 'serve', '--listen', '127.0.0.1:0'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000);
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        ok(match[1]);
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  server.stdout.resume();
  process.env.FORECOURT_URL = url;
  console.log(`forecourt under test at ${url} (database in ${dir})`);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((done) => {
      const timer = setTimeout(() => {
        server.kill('SIGKILL');
        done(null);
      }, 10_000);
      server.on('exit', () => {
        clearTimeout(timer);
        done(null);
      });
    });
    rmSync(dir, { recursive: true, force: true });
  };
}
