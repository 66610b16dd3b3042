import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Logs in to the admin panel in headless Chromium, opens Settings > SCIM User Provisioning > General and returns
 * the endpoint URL the page shows: proof that the app's own admin build renders the plugin's pages.
 */
export const endpointUrlShownInAdmin = async (baseUrl: string, email: string, password: string): Promise<string> => {
  const profile = mkdtempSync(join(tmpdir(), 'scim-fresh-app-chromium-'));
  const context = await chromium
    .launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    })
    .catch((error: unknown) => {
      rmSync(profile, { recursive: true, force: true });
      throw error;
    });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    await page.goto(`${baseUrl}/admin/auth/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'));
    // Let the login settle (session stored, first requests done) before a full page load of another route.
    await page.waitForLoadState('networkidle');
    await page.goto(`${baseUrl}/admin/settings/scim/general`);
    try {
      // The first visit loads the admin bundle and the plugin's lazy chunk: slow on a busy 2-core machine.
      await page.getByRole('heading', { name: 'SCIM User Provisioning' }).waitFor({ timeout: 120_000 });
      return await page.getByRole('textbox', { name: 'Endpoint URL' }).inputValue();
    } catch (error) {
      const text = await page
        .locator('body')
        .innerText()
        .catch(() => '(no text)');
      throw new Error(`${(error as Error).message}\nThe page at ${page.url()} shows:\n${text.slice(0, 1500)}`);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
};
