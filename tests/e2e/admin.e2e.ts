/**
 * Browser test of the admin pages against the playground. Build first:
 *   npm run build && npm run --workspace playground build
 * then run:
 *   node -r ./scripts/register-ts.js tests/e2e/admin.e2e.ts
 * Screenshots go to docs/screenshots/. The last line printed is "N passed, M failed".
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { recipientsOf, startSmtpInbox, type SmtpInbox } from '../integration/support/smtp-inbox';
import { startPlayground, type PlaygroundServer } from './support/playground-server';
import { assert, createStepRunner } from './support/step-runner';

const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'Playground-Admin-1';
const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
/** The public URL the playground is configured with: the endpoint and the invitation links show it. */
const PUBLIC_URL = 'https://cms.example.com';
/** Provisioned in test mode, applied by the switch to production, invited by email, and signed in. */
const E2E_USER = 'e2e.user@example.com';
const E2E_USER_PASSWORD = 'Provisioned-User-1';
/** Provisioned in production mode: its create is applied at once. */
const E2E_LATE_USER = 'e2e.late@example.com';
const E2E_APP_ROLE = 'Reviewer';
const E2E_GROUP = 'E2E Editors';
const AUTHOR_EMAIL = 'e2e.author@example.com';
const AUTHOR_PASSWORD = 'Author-Password-1';
const NO_PERMISSIONS = "You don't have the permissions to access that content";
/** Long enough for the lazily loaded plugin page to mount before the permissions arrive. */
const PERMISSIONS_DELAY_MS = 3_000;
const ENDPOINT_PATTERN = /^https:\/\/cms\.example\.com\/api\/scim\/v2\/[0-9a-f-]{36}$/;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const screenshot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });

/** Waits for a notification toast to go away, so it does not cover the page in a screenshot. */
const waitForToastToClose = (page: Page, text: string) =>
  page.getByText(text).first().waitFor({ state: 'hidden', timeout: 15_000 });

/** Strapi's own "new Media Library" banner covers the top of every page; close it (best effort, not asserted). */
const closeStrapiBanner = async (page: Page) => {
  const banner = page.getByText('Introducing the new Media Library').first();
  if (!(await banner.isVisible().catch(() => false))) return;
  await banner.evaluate((element) => {
    // The banner's close button is its last button other than "Read blog post" (it may hold a hidden "Close" label).
    let container: HTMLElement | null = element as HTMLElement;
    while (container && !container.textContent.includes('Read blog post')) container = container.parentElement;
    const buttons = Array.from(container?.querySelectorAll('button') ?? []).filter(
      (button) => !button.textContent.includes('Read blog post'),
    );
    buttons[buttons.length - 1]?.click();
  });
  await banner.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
};

/**
 * Strapi keeps the Media Library banner's dismissal in localStorage under a key per project; answering "dismissed"
 * for it before any page script runs keeps the banner off every page and screenshot.
 */
const keepStrapiBannerDismissed = (context: BrowserContext) =>
  context.addInitScript(() => {
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function (this: Storage, key: string) {
      return key.startsWith('STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_') ? 'true' : getItem.call(this, key);
    };
  });

/** Scrolls the page and Strapi's scrolling containers back to the top. */
const scrollToTop = (page: Page) =>
  page.evaluate(() => {
    window.scrollTo(0, 0);
    for (const element of Array.from(document.querySelectorAll('*'))) if (element.scrollTop > 0) element.scrollTop = 0;
  });

/** Lets a dialog finish fading in, so the screenshot does not catch it half-transparent. */
const waitForAnimations = (page: Page) =>
  page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );

const adminTokens = new Map<string, string>();

/** One session token for the script's calls: Strapi rate-limits POST /admin/login (5 per email and IP). */
const adminToken = async (baseUrl: string) => {
  const cached = adminTokens.get(baseUrl);
  if (cached) return cached;
  const response = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  const body = (await response.json()) as { data: { token: string } | null };
  assert(body.data?.token, `POST /admin/login answered ${response.status}: ${JSON.stringify(body)}`);
  const token = body.data?.token ?? '';
  adminTokens.set(baseUrl, token);
  return token;
};

interface SettingsData {
  enabled: boolean;
  productionMode: boolean;
  defaultRoleId: number;
  roles: { id: number; name: string }[];
  groupRoleMappings: { groupId: string; roleId: number }[];
  appRoleMatch: string;
  appRoleMappings: { value: string; roleId: number }[];
}

const readSettings = async (baseUrl: string) => {
  const response = await fetch(`${baseUrl}/scim/settings`, {
    headers: { authorization: `Bearer ${await adminToken(baseUrl)}` },
  });
  return ((await response.json()) as { data: SettingsData }).data;
};

/** A call to Strapi's admin API as the Super Admin; throws unless it answers 2xx. */
const asSuperAdmin = async <T>(baseUrl: string, path: string, init: { method?: string; body?: unknown } = {}) => {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${await adminToken(baseUrl)}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  assert(response.ok, `${init.method ?? 'GET'} ${path} got ${response.status}: ${text}`);
  return (JSON.parse(text) as { data: T }).data;
};

/**
 * An admin user with only the Author role, with a password: Strapi's own invitation flow, scripted. POST
 * /admin/users returns a registration token, and POST /admin/register (public) sets the password with it.
 */
const createAuthor = async (baseUrl: string) => {
  const roles = await asSuperAdmin<{ id: number; code: string }[]>(baseUrl, '/admin/roles');
  const author = roles.find((role) => role.code === 'strapi-author');
  assert(author, `no Author role among ${roles.map((role) => role.code).join(', ')}`);
  const invited = await asSuperAdmin<{ registrationToken: string }>(baseUrl, '/admin/users', {
    method: 'POST',
    body: { email: AUTHOR_EMAIL, firstname: 'Eve', lastname: 'Author', roles: [author?.id] },
  });
  const response = await fetch(`${baseUrl}/admin/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      registrationToken: invited.registrationToken,
      userInfo: { firstname: 'Eve', lastname: 'Author', password: AUTHOR_PASSWORD },
    }),
  });
  assert(response.ok, `POST /admin/register got ${response.status}: ${await response.text()}`);
};

const logIn = async (page: Page, baseUrl: string, email: string, password: string) => {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'));
  await page
    .getByText('Introducing the new Media Library')
    .first()
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  await closeStrapiBanner(page);
};

/** POST to the SCIM endpoint (reached on the local address: the public URL is not served by this machine). */
const scimPost = async (url: string, secret: string, body: unknown) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert(response.status === 201, `POST ${url} got ${response.status}: ${text}`);
  return JSON.parse(text) as { id: string };
};

const scimStatus = async (url: string, authorization?: string) =>
  (await fetch(url, { headers: authorization ? { authorization } : {} })).status;

const main = async () => {
  const { step, fail, summary } = createStepRunner();
  const userDataDir = mkdtempSync(join(tmpdir(), 'scim-e2e-chromium-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  let server: PlaygroundServer | undefined;
  let inbox: SmtpInbox | undefined;
  let context: BrowserContext | undefined;
  let authorBrowser: Browser | undefined;

  try {
    console.log('Starting the playground…');
    inbox = await startSmtpInbox();
    const mail = inbox;
    server = await startPlayground({ env: { PUBLIC_URL, SCIM_SMTP_PORT: String(inbox.port) } });
    const { baseUrl } = server;
    /** The panel shows public URLs; the test reaches the same paths on the local address. */
    const local = (url: string) => `${baseUrl}${url.slice(PUBLIC_URL.length)}`;
    console.log(`Playground at ${baseUrl}`);
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 1000 },
      locale: 'en-US',
    });
    await keepStrapiBannerDismissed(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(20_000);
    let endpointUrl = '';
    let localEndpoint = '';
    let secret = '';
    let invitationLink = '';

    await step('logs in to the admin panel', async () => {
      await logIn(page, baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    });

    await step('opens the General page and enables provisioning', async () => {
      await page.goto(`${baseUrl}/admin/settings/scim/general`);
      // The first visit loads the plugin's lazy chunk, which can take a while on a cold server.
      await page.getByRole('heading', { name: 'SCIM User Provisioning' }).waitFor({ timeout: 60_000 });
      await closeStrapiBanner(page);
      await page.getByText('No endpoint yet: enable provisioning').waitFor();
      await page.getByRole('button', { name: 'Enable', exact: true }).click();
      await page.getByRole('button', { name: 'Disable', exact: true }).waitFor();
      endpointUrl = await page.getByRole('textbox', { name: 'Endpoint URL' }).inputValue();
      assert(ENDPOINT_PATTERN.test(endpointUrl), `unexpected endpoint URL ${endpointUrl}`);
      localEndpoint = local(endpointUrl);
    });

    await step('copies the endpoint URL', async () => {
      await page.getByRole('button', { name: 'Copy the endpoint URL' }).click();
      await page.getByRole('button', { name: 'Copied' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert(copied === endpointUrl, `clipboard holds ${copied}`);
    });

    await step('creates a secret in the dialog', async () => {
      await waitForToastToClose(page, 'Provisioning enabled');
      await page.getByRole('button', { name: 'Add Secret' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a secret' });
      await dialog.getByLabel('Label').fill('Entra ID (e2e)');
      await dialog.getByRole('button', { name: 'Create secret' }).click();
      const shown = page.getByRole('dialog', { name: 'Your new secret' });
      secret = (await shown.getByTestId('created-secret').textContent()) ?? '';
      assert(/^scim_[A-Za-z0-9_-]{43}$/.test(secret), `unexpected secret ${secret}`);
      await shown.getByRole('button', { name: 'Copy the secret' }).click();
      await shown.getByText('Copied').waitFor();
      await screenshot(page, 'add-secret.png');
      await shown.getByRole('button', { name: 'Done' }).click();
      await page
        .getByRole('row', { name: /Entra ID \(e2e\)/ })
        .getByText(`scim_••••••••${secret.slice(-4)}`)
        .waitFor();
    });

    await step('calls the SCIM endpoint with the new secret', async () => {
      const discovery = `${localEndpoint}/ServiceProviderConfig`;
      const withBearer = await scimStatus(discovery, `Bearer ${secret}`);
      assert(withBearer === 200, `Bearer secret got ${withBearer}`);
      const bare = await scimStatus(discovery, secret);
      assert(bare === 200, `bare secret (Okta HTTP Header mode) got ${bare}`);
      const wrong = await scimStatus(discovery, 'Bearer scim_wrong');
      assert(wrong === 401, `wrong secret got ${wrong}`);
    });

    await step('sets the default role, without offering Super Admin', async () => {
      await page.getByRole('combobox', { name: 'Default user role' }).click();
      const options = await page.getByRole('option').allTextContents();
      assert(!options.includes('Super Admin'), `Super Admin offered among ${options.join(', ')}`);
      assert(options.includes('Editor'), `Editor missing among ${options.join(', ')}`);
      await page.getByRole('option', { name: 'Editor' }).click();
      await page.getByText('Default role saved').first().waitFor();
      const settings = await readSettings(baseUrl);
      const editor = settings.roles.find((role) => role.name === 'Editor');
      assert(editor && settings.defaultRoleId === editor.id, `defaultRoleId is ${settings.defaultRoleId}`);
    });

    await step('provisions a user and a group in test mode over HTTP', async () => {
      await scimPost(`${localEndpoint}/Groups`, secret, {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName: E2E_GROUP,
      });
      await scimPost(`${localEndpoint}/Users`, secret, {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: E2E_USER,
        name: { givenName: 'Erin', familyName: 'Provisioned' },
        emails: [{ value: E2E_USER, type: 'work', primary: true }],
      });
      const settings = await readSettings(baseUrl);
      assert(!settings.productionMode, 'the playground did not start in test mode');
    });

    await step('shows the test-mode banner with what was received and not applied', async () => {
      await page.reload();
      await page
        .getByText('1 user, 1 group received: review them in Activity, then switch to production.')
        .waitFor({ timeout: 60_000 });
      await closeStrapiBanner(page);
    });

    await step('shows the General page to the Super Admin when its permissions arrive late', async () => {
      // A page mounted before the permissions arrived used to stay on "no permissions" (Strapi's useRBAC checks once):
      // docs/decisions/admin-permissions-after-reload.md.
      let delayed = 0;
      await page.route('**/admin/users/me/permissions', async (route) => {
        delayed += 1;
        await sleep(PERMISSIONS_DELAY_MS);
        await route.continue();
      });
      try {
        await page.reload();
        const ready = page.getByRole('region', { name: 'Group role mapping' });
        const denied = page.getByText(NO_PERMISSIONS).first();
        await Promise.race([ready.waitFor({ timeout: 60_000 }), denied.waitFor({ timeout: 60_000 })]);
        assert(!(await denied.isVisible()), 'the General page said "no permissions" to the Super Admin');
        assert(delayed > 0, 'the permissions request was not delayed');
      } finally {
        await page.unroute('**/admin/users/me/permissions');
      }
    });

    await step('maps the group to the Editor role, and the mapping survives a reload', async () => {
      // The card read the groups when the page opened, before the group existed.
      const card = page.getByRole('region', { name: 'Group role mapping' });
      await page.reload();
      await card.getByText('No mappings yet.').waitFor({ timeout: 60_000 });
      await closeStrapiBanner(page);
      await card.getByRole('combobox', { name: 'Provisioned group' }).pressSequentially('E2E');
      await page.getByRole('option', { name: E2E_GROUP }).click();
      await card.getByRole('combobox', { name: 'Role' }).click();
      const roles = await page.getByRole('option').allTextContents();
      assert(!roles.includes('Super Admin'), `Super Admin offered among ${roles.join(', ')}`);
      await page.getByRole('option', { name: 'Editor', exact: true }).click();
      await card.getByRole('button', { name: 'Add mapping' }).click();
      await page.getByText('Mapping added').first().waitFor();
      await card.getByRole('row').filter({ hasText: E2E_GROUP }).filter({ hasText: 'Editor' }).waitFor();

      const settings = await readSettings(baseUrl);
      const editor = settings.roles.find((role) => role.name === 'Editor');
      assert(
        settings.groupRoleMappings.length === 1 && settings.groupRoleMappings[0].roleId === editor?.id,
        `groupRoleMappings are ${JSON.stringify(settings.groupRoleMappings)}`,
      );

      const row = page
        .getByRole('region', { name: 'Group role mapping' })
        .getByRole('row')
        .filter({ hasText: E2E_GROUP });
      await page.reload();
      await row.waitFor({ timeout: 60_000 });
      assert(((await row.textContent()) ?? '').includes('Editor'), `the row reads "${await row.textContent()}"`);
      await page
        .getByText('Introducing the new Media Library')
        .first()
        .waitFor({ timeout: 3_000 })
        .catch(() => undefined);
      await closeStrapiBanner(page);
      await page.getByRole('region', { name: 'Group role mapping' }).scrollIntoViewIfNeeded();
      await page.mouse.move(0, 0);
      await screenshot(page, 'group-roles.png');
    });

    await step('shows the attribute mappings of the plugin config on the General page, read-only', async () => {
      const card = page.getByRole('region', { name: 'Attribute mappings' });
      const row = card.getByRole('row').filter({ hasText: 'preferredLanguage' });
      await row.waitFor();
      assert(
        ((await row.textContent()) ?? '').includes('preferedLanguage'),
        `the row reads "${await row.textContent()}"`,
      );
      assert((await card.getByRole('button').count()) === 0, 'the attribute mappings card offers a button');
    });

    await step(
      'maps an Entra ID app role to a role on the General page, and the mapping survives a reload',
      async () => {
        const card = page.getByRole('region', { name: 'App role mapping' });
        await card.scrollIntoViewIfNeeded();
        await card.getByRole('combobox', { name: 'Match app roles' }).click();
        await page.getByRole('option', { name: 'By the table below' }).click();
        await page.getByText('App role matching saved').first().waitFor();
        await card.getByRole('textbox', { name: 'App role value' }).fill(E2E_APP_ROLE);
        await card.getByRole('combobox', { name: 'Role', exact: true }).click();
        await page.getByRole('option', { name: 'Author', exact: true }).click();
        await card.getByRole('button', { name: 'Add mapping' }).click();
        await page.getByText('Mapping added').first().waitFor();

        const settings = await readSettings(baseUrl);
        const author = settings.roles.find((role) => role.name === 'Author');
        assert(
          settings.appRoleMatch === 'table' &&
            settings.appRoleMappings.length === 1 &&
            settings.appRoleMappings[0].value === E2E_APP_ROLE &&
            settings.appRoleMappings[0].roleId === author?.id,
          `app roles are ${settings.appRoleMatch} ${JSON.stringify(settings.appRoleMappings)}`,
        );
        await page.reload();
        const row = page
          .getByRole('region', { name: 'App role mapping' })
          .getByRole('row')
          .filter({ hasText: E2E_APP_ROLE });
        await row.waitFor({ timeout: 60_000 });
        assert(((await row.textContent()) ?? '').includes('Author'), `the row reads "${await row.textContent()}"`);
        await closeStrapiBanner(page);
      },
    );

    await step(
      'switches production mode on after confirming, and the job applies what test mode received',
      async () => {
        // The toggle sits under Strapi's sticky header when the page is scrolled: a forced click would hit the header.
        await scrollToTop(page);
        await page.getByRole('checkbox', { name: 'Production mode' }).click({ force: true });
        const dialog = page.getByRole('alertdialog', { name: 'Switch to production mode?' });
        // The confirmation counts what will be applied: the user and the group provisioned in test mode.
        await dialog.getByText(/1 provisioned user and 1 group will be applied to Strapi/).waitFor();
        await dialog.getByRole('button', { name: 'Switch to production' }).click();
        await page.getByText("Production mode: the identity provider's changes create").waitFor();
        await page.getByText('Done: 1 applied, 0 not applied').waitFor({ timeout: 60_000 });
        const settings = await readSettings(baseUrl);
        assert(settings.productionMode && settings.enabled, `settings are ${JSON.stringify(settings)}`);
        await page.mouse.move(0, 0);
        await waitForToastToClose(page, 'Production mode is on');
        await scrollToTop(page);
        await screenshot(page, 'general.png');
      },
    );

    await step('receives the invitation by SMTP, with the registration link', async () => {
      const message = await mail.waitFor((received) => recipientsOf(received).includes(E2E_USER), 30_000);
      assert(message.subject === 'Your Strapi admin account is ready', `subject is ${message.subject}`);
      const match = /https:\/\/cms\.example\.com\/admin\/auth\/register\?registrationToken=[0-9a-f]+/.exec(
        message.text ?? '',
      );
      assert(match, `no registration link in: ${message.text}`);
      invitationLink = match?.[0] ?? '';
    });

    await step('lists the user in the Invitations card until they register', async () => {
      const card = page.getByRole('region', { name: 'Invitations' });
      await card.getByText('Emails are sent with the "nodemailer" provider.').waitFor();
      await card.getByText('1 provisioned admin user has not registered yet').waitFor();
      await card.getByRole('button', { name: `Resend the invitation to ${E2E_USER}` }).waitFor();
      await card.scrollIntoViewIfNeeded();
      await page.mouse.move(0, 0);
      await screenshot(page, 'invitations.png');
    });

    await step(
      'registers through the link in Chromium and signs in as the new user, with the role SCIM gave',
      async () => {
        const invitedBrowser = await chromium.launch({
          executablePath: '/usr/bin/chromium',
          headless: true,
          args: CHROMIUM_ARGS,
        });
        try {
          const invitedPage = await (
            await invitedBrowser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' })
          ).newPage();
          invitedPage.setDefaultTimeout(30_000);
          await invitedPage.goto(local(invitationLink));
          // The form fills in the user's email once Strapi has checked the token.
          const email = await invitedPage.waitForFunction(
            () => document.querySelector<HTMLInputElement>('input[name="email"]')?.value || null,
            undefined,
            { timeout: 60_000 },
          );
          const shown = await email.jsonValue();
          assert(shown === E2E_USER, `the registration form shows ${shown}`);
          await invitedPage.locator('input[name="password"]').fill(E2E_USER_PASSWORD);
          await invitedPage.locator('input[name="confirmPassword"]').fill(E2E_USER_PASSWORD);
          await invitedPage.getByRole('button', { name: "Let's start" }).click();
          await invitedPage.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });

          await invitedPage.context().clearCookies();
          await logIn(invitedPage, baseUrl, E2E_USER, E2E_USER_PASSWORD);
          await invitedPage
            .getByText(/Hello Erin/)
            .first()
            .waitFor({ timeout: 60_000 });
          const login = await fetch(`${baseUrl}/admin/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: E2E_USER, password: E2E_USER_PASSWORD }),
          });
          const token = ((await login.json()) as { data: { token: string } }).data.token;
          const me = await fetch(`${baseUrl}/admin/users/me`, { headers: { authorization: `Bearer ${token}` } });
          const roles = ((await me.json()) as { data: { roles: { name: string }[] } }).data.roles.map(
            (role) => role.name,
          );
          assert(roles.join() === 'Editor', `the provisioned user has the roles ${roles.join(', ')}`);
        } finally {
          await invitedBrowser.close();
        }
        await page.reload();
        await page
          .getByRole('region', { name: 'Invitations' })
          .getByText('0 provisioned admin users have not registered yet')
          .waitFor({ timeout: 60_000 });
      },
    );

    await step("follows the production job to its Activity entries, which show the job's result", async () => {
      await scrollToTop(page);
      await page.getByRole('link', { name: 'Show this job in Activity' }).click();
      await page.waitForURL(/\/admin\/settings\/scim\/activity\?search=job-\d+$/);
      const finished = page.getByRole('row').filter({ hasText: 'job-finished' });
      await finished.waitFor({ timeout: 60_000 });
      await finished.getByRole('button', { name: /Show the details/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Job result').waitFor();
      await dialog.getByText('Done: 1 applied, 0 not applied').waitFor();
      await dialog.getByRole('button', { name: 'Close' }).first().click();
    });

    await step('shows the Entra ID guide with the live endpoint URL', async () => {
      await page.goto(`${baseUrl}/admin/settings/scim/guide`);
      const panel = page.getByRole('tabpanel', { name: 'Microsoft Entra ID' });
      await panel.getByText(endpointUrl, { exact: true }).waitFor();
      await panel.getByText(`${endpointUrl}?aadOptscim062020`, { exact: true }).waitFor();
      await panel.getByRole('link', { name: 'Create one on the General page' }).waitFor();
      await screenshot(page, 'guide-entra.png');
    });

    await step('shows the Okta guide', async () => {
      await page.getByRole('tab', { name: 'Okta' }).click();
      const panel = page.getByRole('tabpanel', { name: 'Okta' });
      await panel.getByText('SCIM connector base URL').first().waitFor();
      await panel.getByText(endpointUrl, { exact: true }).waitFor();
      await panel.getByText('userName', { exact: true }).first().waitFor();
      await screenshot(page, 'guide-okta.png');
      await panel.getByRole('link', { name: 'Create one on the General page' }).click();
      await page.waitForURL(/\/admin\/settings\/scim\/general$/);
    });

    await step('provisions a user in production mode through the SCIM endpoint', async () => {
      // Assigned an app role: the mapping above gives Author on top of the default role, Editor.
      await scimPost(`${localEndpoint}/Users`, secret, {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: E2E_LATE_USER,
        roles: [{ value: E2E_APP_ROLE, primary: true }],
      });
      const found = await asSuperAdmin<{ results: { roles: { name: string }[] }[] }>(
        baseUrl,
        `/admin/users?${new URLSearchParams({ 'filters[email][$eq]': E2E_LATE_USER }).toString()}`,
      );
      const roleNames = (found.results[0]?.roles ?? []).map((role) => role.name).sort();
      assert(roleNames.join() === 'Author,Editor', `the new admin user has the roles ${roleNames.join(', ')}`);
    });

    await step('shows the new user on the Activity page, with its details', async () => {
      await page.getByRole('link', { name: 'Activity', exact: true }).click();
      await page.waitForURL(/\/admin\/settings\/scim\/activity$/);
      await page.getByRole('heading', { name: 'Activity', exact: true }).waitFor();
      await page
        .getByText('Introducing the new Media Library')
        .first()
        .waitFor({ timeout: 3_000 })
        .catch(() => undefined);
      await closeStrapiBanner(page);
      const row = page.getByRole('row').filter({ hasText: E2E_LATE_USER }).filter({ hasText: 'create' });
      await row.waitFor();
      const rowText = (await row.textContent()) ?? '';
      for (const expected of ['POST', 'create', 'User', 'Success 201', 'Production']) {
        assert(rowText.includes(expected), `the row "${rowText}" lacks "${expected}"`);
      }
      // The settings changes made above are logged too.
      await page.getByRole('row').filter({ hasText: 'Settings' }).first().waitFor();
      await row.click();
      const dialog = page.getByRole('dialog', { name: `POST create: ${E2E_LATE_USER}` });
      await dialog.waitFor();
      await dialog.getByText(/admin user \d+/).waitFor();
      await dialog.getByText('userName', { exact: true }).waitFor();
      await page.mouse.move(0, 0);
      await waitForAnimations(page);
      await screenshot(page, 'activity.png');
      await dialog.getByRole('button', { name: 'Close' }).last().click();
      await dialog.waitFor({ state: 'hidden' });
    });

    await step('refuses the SCIM pages to an admin with only the Author role', async () => {
      await createAuthor(baseUrl);
      authorBrowser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
      });
      const authorContext = await authorBrowser.newContext({
        viewport: { width: 1280, height: 1000 },
        locale: 'en-US',
      });
      await keepStrapiBannerDismissed(authorContext);
      const authorPage = await authorContext.newPage();
      authorPage.setDefaultTimeout(20_000);
      await logIn(authorPage, baseUrl, AUTHOR_EMAIL, AUTHOR_PASSWORD);
      for (const path of ['general', 'activity']) {
        await authorPage.goto(`${baseUrl}/admin/settings/scim/${path}`);
        await authorPage.getByText(NO_PERMISSIONS).first().waitFor({ timeout: 60_000 });
        await authorPage
          .getByText('Introducing the new Media Library')
          .first()
          .waitFor({ timeout: 3_000 })
          .catch(() => undefined);
        await closeStrapiBanner(authorPage);
        const leaked = await authorPage.getByRole('region', { name: /SCIM endpoint|Group role mapping/ }).count();
        assert(leaked === 0, `the ${path} page shows settings to the Author`);
        if (path === 'general') await screenshot(authorPage, 'author-refused.png');
      }
    });

    if (summary().failed > 0) {
      const failureShot = join(tmpdir(), `scim-e2e-failure-${Date.now()}.png`);
      await page.screenshot({ path: failureShot }).catch(() => undefined);
      console.log(`  Page at the failure: ${page.url()} (screenshot ${failureShot})`);
    }
  } catch (error) {
    fail('runs the browser test', error);
    if (server) console.log(server.log().slice(-3000));
  } finally {
    await context?.close().catch(() => undefined);
    await authorBrowser?.close().catch(() => undefined);
    await server?.stop();
    await inbox?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }

  const { passed, failed } = summary();
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
};

void main();
