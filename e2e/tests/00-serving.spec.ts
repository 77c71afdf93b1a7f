// The binary serves the built app: SPA fallback for app routes only, caching, compression.
import { expect, test } from './fixtures';

test('the app is served from the binary with the right fallbacks and caching', async ({ request }) => {
  const root = await request.get('/');
  expect(root.status()).toBe(200);
  expect(root.headers()['content-type']).toContain('text/html');
  expect(root.headers()['cache-control']).toBe('no-cache');
  const html = await root.text();
  expect(html).toContain('<div id="root">');

  const deep = await request.get('/admin/users/some-id');
  expect(deep.status()).toBe(200);
  expect(await deep.text()).toBe(html);

  const asset = /\/assets\/[^"]+\.js/.exec(html)?.[0];
  expect(asset).toBeTruthy();
  const js = await request.get(asset!, { headers: { 'accept-encoding': 'br, gzip' } });
  expect(js.status()).toBe(200);
  expect(js.headers()['cache-control']).toContain('immutable');
  expect(js.headers()['content-encoding']).toBe('br');

  expect((await request.get('/assets/missing-file.js')).status()).toBe(404);
  expect((await request.get('/missing.png')).status()).toBe(404);

  const api = await request.get('/api/v1/not-a-route');
  expect(api.status()).toBe(404);
  expect(api.headers()['content-type']).toContain('application/problem+json');
});
