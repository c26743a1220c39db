import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from './support/dev-server';

let dev: DevServer;
beforeAll(async () => {
  dev = await startDevServer({ GUIDES_DIR: 'tests/fixtures/site' });
});
afterAll(async () => {
  await dev?.stop();
});

describe('npm run dev', () => {
  it('shows drafts, which builds never publish', async () => {
    const draft = await fetch(`${dev.url}guides/delta-draft/`);
    expect(draft.status).toBe(200);
    expect(await draft.text()).toContain('Delta draft');
    expect(await (await fetch(`${dev.url}guides/`)).text()).toContain('Delta draft');
  });
  it('renders a guide page', async () => {
    const page = await (await fetch(`${dev.url}guides/alpha-basics/`)).text();
    expect(page).toContain('<h1');
    expect(page).toContain('Alpha basics');
  });
});
