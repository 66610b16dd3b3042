import { screen, waitFor, within } from '@testing-library/react';
import GeneralPage from '../../admin/src/pages/GeneralPage';
import { renderWithProviders } from './support/render';
import { CREATED_SECRET, REVEALED_SECRET, mockClipboard, onceOnlySecret, revealableSecret, setUpFakeAdmin } from './support/fake-admin-api';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('./support/strapi-admin-mock'));

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
    expect(within(shown).getByText('This secret will not be shown again. If you lose it, create a new one.')).toBeInTheDocument();

    await user.click(within(shown).getByRole('button', { name: 'Copy the secret' }));
    expect(writeText).toHaveBeenCalledWith(CREATED_SECRET);
    expect(await within(shown).findByText('Copied')).toBeInTheDocument();

    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const row = within(secretsSection()).getByText('Okta').closest('tr') as HTMLElement;
    expect(within(row).getByText(`scim_••••••••${CREATED_SECRET.slice(-4)}`)).toBeInTheDocument();
    expect(within(row).queryByText(CREATED_SECRET)).not.toBeInTheDocument();
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
    const get = client.get.getMockImplementation()!;
    client.get.mockImplementation((url: string) => (url === '/scim/secrets' ? Promise.reject(new Error('boom')) : get(url)));
    const { user } = renderWithProviders(<GeneralPage />);

    expect(await screen.findByText('The secrets could not be loaded.')).toBeInTheDocument();
    client.get.mockImplementation(get);
    await user.click(within(secretsSection()).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Entra ID production')).toBeInTheDocument();
  });
});
