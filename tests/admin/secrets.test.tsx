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
    let dialog = await screen.findByRole('alertdialog', { name: 'Delete this secret?' });
    expect(dialog).toHaveTextContent('will be refused');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(client.del).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Delete Entra ID production' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Delete this secret?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(client.del).toHaveBeenCalledWith('/scim/secrets/7');
    await waitFor(() => expect(screen.queryByText('Entra ID production')).not.toBeInTheDocument());
    expect(screen.getByText('scim_••••••••Zz99')).toBeInTheDocument();
    expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Secret deleted' });
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
