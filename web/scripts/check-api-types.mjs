// Fails when src/api/schema.d.ts is not what `npm run gen:api` makes from src/api/openapi.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'forecourt-api-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync(
    process.execPath,
    ['node_modules/openapi-typescript/bin/cli.js', 'src/api/openapi.json', '-o', fresh],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (readFileSync(fresh, 'utf8') !== readFileSync('src/api/schema.d.ts', 'utf8')) {
    console.error(
      'src/api/schema.d.ts is stale: run `npm run gen:api` (or `make web-api`) and commit it.',
    );
    process.exit(1);
  }
  console.log('src/api/schema.d.ts is up to date.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
