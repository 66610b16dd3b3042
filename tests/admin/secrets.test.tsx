import { screen, waitFor, within } from '@testing-library/react';
import GeneralPage from '../../admin/src/pages/GeneralPage';
import { renderWithProviders } from './support/render';
import {
  CREATED_SECRET,
  REVEALED_SECRET,
  expiredSecret,
  expiringSecret,
  mockClipboard,
  onceOnlySecret,
  revealableSecret,
  setUpFakeAdmin,
} from './support/fake-admin-api';

jest.mock('@strapi/strapi/admin', () =>
  jest.requireActual<typeof import('./support/strapi-admin-mock')>('./support/strapi-admin-mock'),
);

const secretsSection = () => screen.getByRole('region', { name: 'Secrets' });

describe('Secrets on the General page', () => {
  it('creates a secret with a label, shows it once with a copy button and the not-shown-again warning', async () => {
    const { client } = setUpFakeAdmin({ secrets: [], createRevealable: false });
    const { user } = renderWithProviders(<GeneralPage />);
    const writeText = mockClipboard();

    await user.click(await screen.findByRole('button', { name: 'Add Secret' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a secret' });
    await user.type(within(dialog).getByLabelText('Label'), 'Okta');
    await user.click(within(dialog).getByRole('button', { name: 'Create secret' }));

    expect(client.post).toHaveBeenCalledWith('/scim/secrets', { label: 'Okta' });
    const shown = await screen.findByRole('dialog', { name: 'Your new secret' });
    expect(within(shown).getByText(CREATED_SECRET)).toBeInTheDocument();
    expect(
      within(shown).getByText('This secret will not be shown again. If you lose it, create a new one.'),
    ).toBeInTheDocument();

    await user.click(within(shown).getByRole('button', { name: 'Copy the secret' }));
    expect(writeText).toHaveBeenCalledWith(CREATED_SECRET);
    expect(await within(shown).findByText('Copied')).toBeInTheDocument();

    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const row = within(secretsSection()).getByText('Okta').closest('tr') as HTMLElement;
    expect(within(row).getByText(`scim_••••••••${CREATED_SECRET.slice(-4)}`)).toBeInTheDocument();
    expect(within(row).queryByText(CREATED_SECRET)).not.toBeInTheDocument();
  });

  it('creates a secret that expires at the end of the chosen day, and lists its expiry', async () => {
    const { client } = setUpFakeAdmin({ secrets: [] });
    const { user } = renderWithProviders(<GeneralPage />);

    await user.click(await screen.findByRole('button', { name: 'Add Secret' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a secret' });
    await user.type(within(dialog).getByLabelText('Label'), 'Rotating');
    const year = new Date().getFullYear() + 2;
    await user.click(within(dialog).getByRole('combobox', { name: 'Expires' }));
    await user.click(await screen.findByRole('option', { name: 'On a date…' }));
    await user.type(within(dialog).getByRole('combobox', { name: 'Expires on' }), `12/31/${year}`);
    await user.click(within(dialog).getByLabelText('Label'));
    await user.click(within(dialog).getByRole('button', { name: 'Create secret' }));

    const expiresAt = new Date(year, 11, 31, 23, 59, 59, 999).toISOString();
    expect(client.post).toHaveBeenCalledWith('/scim/secrets', { label: 'Rotating', expiresAt });
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Your new secret' })).getByRole('button', { name: 'Done' }),
    );
    const row = within(secretsSection()).getByText('Rotating').closest('tr') as HTMLElement;
    expect(within(row).getByText(`Dec 31, ${year}`)).toBeInTheDocument();
  });

  it('shows "Expires" as a date or "Never", and marks expired secrets', async () => {
    setUpFakeAdmin({ secrets: [onceOnlySecret, expiringSecret, expiredSecret] });
    renderWithProviders(<GeneralPage />);

    const section = await screen.findByRole('region', { name: 'Secrets' });
    expect(await within(section).findByText('Okta pilot')).toBeInTheDocument();
    expect(within(section).getByText('Expires').closest('th')).not.toBeNull();
    const rowOf = (text: string) => within(secretsSection()).getByText(text).closest('tr') as HTMLElement;
    const never = rowOf('scim_••••••••Zz99');
    expect(within(never).getAllByText('Never')).toHaveLength(1);
    expect(within(never).queryByText('Expired')).not.toBeInTheDocument();
    const expiring = rowOf('Okta pilot');
    expect(within(expiring).getByText('Dec 31, 2099')).toBeInTheDocument();
    expect(within(expiring).queryByText('Expired')).not.toBeInTheDocument();
    const expired = rowOf('Old Entra ID');
    expect(within(expired).getByText('Jan 31, 2025')).toBeInTheDocument();
    expect(within(expired).getByText('Expired')).toBeInTheDocument();
  });

  it('creates an unlabelled secret and gives no warning when it can be revealed again', async () => {
    const { client } = setUpFakeAdmin({ secrets: [], createRevealable: true });
    const { user } = renderWithProviders(<GeneralPage />);

    await user.click(await screen.findByRole('button', { name: 'Add Secret' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Create secret' }));

    expect(client.post).toHaveBeenCalledWith('/scim/secrets', {});
    const shown = await screen.findByRole('dialog', { name: 'Your new secret' });
    expect(within(shown).getByText(CREATED_SECRET)).toBeInTheDocument();
    expect(within(shown).queryByText(/will not be shown again/)).not.toBeInTheDocument();
    expect(within(shown).getByText(/You can copy it again later/)).toBeInTheDocument();
  });

  it('deletes a secret only after confirmation', async () => {
    const { client, toggleNotification } = setUpFakeAdmin({ secrets: [revealableSecret, onceOnlySecret] });
    const { user } = renderWithProviders(<GeneralPage />);

    await user.click(await screen.findByRole('button', { name: 'Delete Entra ID production' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Delete Entra ID production?' });
    expect(dialog).toHaveTextContent('It has never been used.');
    expect(dialog).toHaveTextContent('will be refused');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(client.del).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Delete Entra ID production' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Delete Entra ID production?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(client.del).toHaveBeenCalledWith('/scim/secrets/7');
    await waitFor(() => expect(screen.queryByText('Entra ID production')).not.toBeInTheDocument());
    expect(screen.getByText('scim_••••••••Zz99')).toBeInTheDocument();
    expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Secret deleted' });
  });

  it('names when a secret was last used before deleting it', async () => {
    setUpFakeAdmin({ secrets: [onceOnlySecret] });
    const { user } = renderWithProviders(<GeneralPage />);

    await user.click(await screen.findByRole('button', { name: 'Delete scim_••••••••Zz99' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete scim_••••••••Zz99?' });
    expect(dialog).toHaveTextContent(/It was last used on Feb 2, 2025/);
  });

  it('offers expiry presets: 30 days sends the end of the day 30 days from today', async () => {
    const { client } = setUpFakeAdmin({ secrets: [] });
    const { user } = renderWithProviders(<GeneralPage />);

    await user.click(await screen.findByRole('button', { name: 'Add Secret' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a secret' });
    await user.click(within(dialog).getByRole('combobox', { name: 'Expires' }));
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'Never',
      '30 days',
      '90 days',
      '365 days',
      'On a date…',
    ]);
    await user.click(screen.getByRole('option', { name: '30 days' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create secret' }));

    const today = new Date();
    const expiresAt = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 30, 23, 59, 59, 999);
    expect(client.post).toHaveBeenCalledWith('/scim/secrets', { expiresAt: expiresAt.toISOString() });
  });

  it('warns on a secret that expires within 14 days, and not on one further away', async () => {
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000 - 60_000).toISOString();
    setUpFakeAdmin({
      secrets: [
        { ...revealableSecret, id: 1, label: 'soon', expiresAt: inDays(3) },
        { ...revealableSecret, id: 2, label: 'later', expiresAt: inDays(15) },
      ],
    });
    renderWithProviders(<GeneralPage />);
    await screen.findByRole('region', { name: 'Secrets' });

    const rowOf = async (text: string) =>
      (await within(secretsSection()).findByText(text)).closest('tr') as HTMLElement;
    expect(within(await rowOf('soon')).getByText('Expires in 3 days')).toBeInTheDocument();
    expect(within(await rowOf('later')).queryByText(/Expires in/)).not.toBeInTheDocument();
  });

  it('rotates a secret: the new one is shown once and listed, the old one shows its grace expiry', async () => {
    const { client } = setUpFakeAdmin({ secrets: [revealableSecret] });
    const { user } = renderWithProviders(<GeneralPage />);

    await user.click(await screen.findByRole('button', { name: 'Rotate Entra ID production' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rotate Entra ID production' });
    expect(within(dialog).getByLabelText('Label')).toHaveValue('Entra ID production');
    await user.click(within(dialog).getByRole('combobox', { name: 'The old secret keeps working for' }));
    await user.click(await screen.findByRole('option', { name: '7 days' }));
    await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));

    expect(client.post).toHaveBeenCalledWith('/scim/secrets/7/rotate', {
      graceHours: 168,
      label: 'Entra ID production',
    });
    const shown = await screen.findByRole('dialog', { name: 'Your new secret' });
    expect(within(shown).getByText(CREATED_SECRET)).toBeInTheDocument();
    await user.click(within(shown).getByRole('button', { name: 'Done' }));

    const rows = within(secretsSection())
      .getAllByText('Entra ID production')
      .map((cell) => cell.closest('tr'));
    expect(rows).toHaveLength(2);
    expect(within(rows[0] as HTMLElement).getByText('Jan 2, 2099')).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText(`scim_••••••••${CREATED_SECRET.slice(-4)}`)).toBeInTheDocument();
  });

  it('does not offer rotation to an admin who may not create secrets', async () => {
    setUpFakeAdmin({
      secrets: [revealableSecret],
      settings: {
        hostUserGrant: { allowed: false, permission: 'admin::users.create', permissionLabel: 'Users: Create' },
      },
    });
    renderWithProviders(<GeneralPage />);

    expect(await screen.findByRole('button', { name: 'Rotate Entra ID production' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('renames a secret', async () => {
    const { client } = setUpFakeAdmin({ secrets: [revealableSecret] });
    const { user } = renderWithProviders(<GeneralPage />);

    await user.click(await screen.findByRole('button', { name: 'Rename Entra ID production' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rename Entra ID production' });
    const input = within(dialog).getByLabelText('Label');
    await user.clear(input);
    await user.type(input, 'Entra ID staging');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(client.put).toHaveBeenCalledWith('/scim/secrets/7', { label: 'Entra ID staging' });
    expect(await within(secretsSection()).findByText('Entra ID staging')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('reveals a revealable secret on demand and hides it again', async () => {
    const { client } = setUpFakeAdmin({ secrets: [revealableSecret] });
    const { user } = renderWithProviders(<GeneralPage />);

    await user.click(await screen.findByRole('button', { name: 'Show the secret' }));
    expect(client.get).toHaveBeenCalledWith('/scim/secrets/7/reveal');
    expect(await screen.findByText(REVEALED_SECRET)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Hide the secret' }));
    expect(screen.queryByText(REVEALED_SECRET)).not.toBeInTheDocument();
    expect(screen.getByText('scim_••••••••Ab12')).toBeInTheDocument();
  });

  it('copies a stored secret by revealing it, and says "Copied"', async () => {
    const { client } = setUpFakeAdmin({ secrets: [revealableSecret] });
    const { user } = renderWithProviders(<GeneralPage />);
    const writeText = mockClipboard();

    await user.click(await screen.findByRole('button', { name: 'Copy the secret' }));
    expect(client.get).toHaveBeenCalledWith('/scim/secrets/7/reveal');
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(REVEALED_SECRET));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('offers neither copy nor reveal for a secret shown only once', async () => {
    const { client } = setUpFakeAdmin({ secrets: [onceOnlySecret] });
    const { user } = renderWithProviders(<GeneralPage />);
    const writeText = mockClipboard();

    const copy = await screen.findByRole('button', { name: 'Copy the secret' });
    expect(copy).toHaveAttribute('aria-disabled', 'true');
    await user.click(copy);
    expect(client.get).not.toHaveBeenCalledWith('/scim/secrets/8/reveal');
    expect(writeText).not.toHaveBeenCalled();
    await user.hover(copy.parentElement as HTMLElement);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'This secret was shown once, when it was created, and cannot be copied again.',
    );
    expect(screen.queryByRole('button', { name: 'Show the secret' })).not.toBeInTheDocument();
  });

  it('shows an error with a retry when the secrets cannot be loaded', async () => {
    const { client } = setUpFakeAdmin({ secrets: [revealableSecret] });
    const get = client.get.getMockImplementation();
    if (!get) throw new Error('the fake admin API has no GET');
    client.get.mockImplementation((url: string) =>
      url === '/scim/secrets' ? Promise.reject(new Error('boom')) : get(url),
    );
    const { user } = renderWithProviders(<GeneralPage />);

    expect(await screen.findByText('The secrets could not be loaded.')).toBeInTheDocument();
    client.get.mockImplementation(get);
    await user.click(within(secretsSection()).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Entra ID production')).toBeInTheDocument();
  });
});
