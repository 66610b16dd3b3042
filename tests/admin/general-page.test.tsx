import { screen, waitFor, within } from '@testing-library/react';
import GeneralPage from '../../admin/src/pages/GeneralPage';
import { renderWithProviders } from './support/render';
import {
  ENDPOINT_URL,
  NEW_ENDPOINT_URL,
  baseSettings,
  mockClipboard,
  onceOnlySecret,
  revealableSecret,
  setUpFakeAdmin,
} from './support/fake-admin-api';

jest.mock('@strapi/strapi/admin', () =>
  jest.requireActual<typeof import('./support/strapi-admin-mock')>('./support/strapi-admin-mock'),
);

const renderPage = () => renderWithProviders(<GeneralPage />);

describe('General page', () => {
  it('shows the status, endpoint, mode, default role and secrets', async () => {
    setUpFakeAdmin({ secrets: [revealableSecret, onceOnlySecret] });
    renderPage();

    expect(await screen.findByRole('heading', { name: 'SCIM User Provisioning' })).toBeInTheDocument();
    expect(screen.getByText('Enabled')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Disable' })).toBeEnabled();
    expect(screen.getByLabelText('Endpoint URL')).toHaveValue(ENDPOINT_URL);
    expect(
      screen.getByText('Test mode: requests are answered and recorded, Strapi users are not changed.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Default user role' })).toHaveTextContent('Author');

    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(
      within(rows[0])
        .getAllByRole('gridcell')
        .map((cell) => cell.textContent),
    ).toEqual(['Secret', 'Label', 'Created', 'Last used', 'Expires', 'Action']);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('gridcell')
        .map((cell) => cell.textContent);
    expect(within(rows[1]).getByText('scim_••••••••Ab12')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Entra ID production')).toBeInTheDocument();
    expect(cells(rows[1]).slice(3, 5)).toEqual(['Never', 'Never']);
    expect(within(rows[2]).getByText('scim_••••••••Zz99')).toBeInTheDocument();
    expect(cells(rows[2])[3]).not.toBe('Never');
    expect(cells(rows[2])[4]).toBe('Never');
  });

  it('shows a loading state, then an error with a retry that loads the settings', async () => {
    const { client, recoverSettingsLoad } = setUpFakeAdmin({ failSettingsLoad: true });
    const { user } = renderPage();

    expect(screen.getByText('Loading content.')).toBeInTheDocument();
    expect(await screen.findByText('The SCIM settings could not be loaded.')).toBeInTheDocument();

    recoverSettingsLoad();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByLabelText('Endpoint URL')).toHaveValue(ENDPOINT_URL);
    expect(client.get.mock.calls.filter(([url]) => url === '/scim/settings')).toHaveLength(2);
  });

  it('shows the empty state when there is no secret', async () => {
    setUpFakeAdmin({ secrets: [] });
    renderPage();
    expect(
      await screen.findByText('No secret yet. Add one and give it to your identity provider.'),
    ).toBeInTheDocument();
  });

  it('refuses an admin without the read permission', async () => {
    const { client } = setUpFakeAdmin({ canRead: false, canUpdate: false, canManage: false });
    renderPage();
    expect(await screen.findByText("You don't have the permissions to access that content")).toBeInTheDocument();
    expect(client.get).not.toHaveBeenCalled();
  });

  it('gives a read-only admin disabled controls with the reason, and does not fetch secrets', async () => {
    const { client } = setUpFakeAdmin({ canUpdate: false, canManage: false, secrets: [revealableSecret] });
    const { user } = renderPage();

    await screen.findByLabelText('Endpoint URL');
    expect(screen.getByRole('button', { name: 'Disable' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Regenerate' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Production mode' })).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Default user role' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Add Secret' })).toBeDisabled();
    // Copying the endpoint URL changes nothing, so it stays available.
    expect(screen.getByRole('button', { name: 'Copy the endpoint URL' })).toBeEnabled();

    const updateReason =
      'Your role can view these settings but not change them: it lacks the "Settings: Update" permission.';
    const secretsReason = 'Your role cannot see or manage secrets: it lacks the "Secrets: Manage" permission.';
    expect(screen.getByText('Some settings are read-only for you.')).toBeInTheDocument();
    expect(screen.getByText(`${updateReason} ${secretsReason}`)).toBeInTheDocument();
    expect(screen.getAllByText(updateReason).length).toBeGreaterThanOrEqual(2); // field hints
    expect(screen.getByText(secretsReason)).toBeInTheDocument();
    expect(client.get).not.toHaveBeenCalledWith('/scim/secrets');

    await user.hover(screen.getByRole('button', { name: 'Disable' }).parentElement as HTMLElement);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(updateReason);
  });

  it('copies the endpoint URL and says "Copied"', async () => {
    setUpFakeAdmin();
    const { user } = renderPage();
    const writeText = mockClipboard();

    await user.click(await screen.findByRole('button', { name: 'Copy the endpoint URL' }));
    expect(writeText).toHaveBeenCalledWith(ENDPOINT_URL);
    expect(await screen.findByRole('button', { name: 'Copied' })).toHaveTextContent('Copied');
  });

  it('hints to enable provisioning when there is no endpoint yet', async () => {
    setUpFakeAdmin({ settings: { enabled: false, endpointId: null, endpointUrl: null } });
    renderPage();
    expect(
      await screen.findByText('No endpoint yet: enable provisioning to generate the endpoint URL.'),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Endpoint URL')).not.toBeInTheDocument();
  });

  it('enables provisioning at once', async () => {
    const { client, toggleNotification } = setUpFakeAdmin({ settings: { enabled: false } });
    const { user } = renderPage();

    expect(await screen.findByText('Disabled')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enable' }));
    expect(client.put).toHaveBeenCalledWith('/scim/settings', { enabled: true });
    expect(await screen.findByText('Enabled')).toBeInTheDocument();
    expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Provisioning enabled' });
  });

  it('disables provisioning only after confirmation', async () => {
    const { client } = setUpFakeAdmin();
    const { user } = renderPage();

    await user.click(await screen.findByRole('button', { name: 'Disable' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Disable provisioning?' });
    expect(dialog).toHaveTextContent(
      "The identity provider's requests will be refused until provisioning is enabled again.",
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(client.put).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Disable' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Disable provisioning?' });
    await user.click(within(dialog).getByRole('button', { name: 'Disable' }));
    expect(client.put).toHaveBeenCalledWith('/scim/settings', { enabled: false });
    expect(await screen.findByRole('button', { name: 'Enable' })).toBeInTheDocument();
  });

  it('switches production mode on after confirmation, and off at once', async () => {
    const { client, toggleNotification } = setUpFakeAdmin();
    const { user } = renderPage();

    await user.click(await screen.findByRole('checkbox', { name: 'Production mode' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Switch to production mode?' });
    expect(dialog).toHaveTextContent('3 provisioned users and 2 groups will be applied to Strapi');
    expect(client.put).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Switch to production' }));
    expect(client.put).toHaveBeenCalledWith('/scim/settings', { productionMode: true });
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Production mode' })).toBeChecked());
    expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Production mode is on' });

    await user.click(screen.getByRole('checkbox', { name: 'Production mode' }));
    expect(client.put).toHaveBeenLastCalledWith('/scim/settings', { productionMode: false });
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(
      await screen.findByText('Test mode: requests are answered and recorded, Strapi users are not changed.'),
    ).toBeInTheDocument();
  });

  it('regenerates the endpoint URL after confirmation', async () => {
    const { client } = setUpFakeAdmin();
    const { user } = renderPage();

    await user.click(await screen.findByRole('button', { name: 'Regenerate' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Regenerate the endpoint URL?' });
    expect(dialog).toHaveTextContent('The current URL stops working at once');
    expect(dialog).toHaveTextContent('identity provider');
    expect(client.post).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Regenerate' }));
    expect(client.post).toHaveBeenCalledWith('/scim/settings/regenerate-endpoint');
    await waitFor(() => expect(screen.getByLabelText('Endpoint URL')).toHaveValue(NEW_ENDPOINT_URL));
  });

  it('offers every role but Super Admin as the default role and saves the chosen id', async () => {
    const { client } = setUpFakeAdmin();
    const { user } = renderPage();

    await user.click(await screen.findByRole('combobox', { name: 'Default user role' }));
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Editor', 'Author']);
    await user.click(screen.getByRole('option', { name: 'Editor' }));
    expect(client.put).toHaveBeenCalledWith('/scim/settings', { defaultRoleId: 2 });
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Default user role' })).toHaveTextContent('Editor'),
    );
  });

  it('reports a refused change as a danger notification with the API message', async () => {
    const { toggleNotification } = setUpFakeAdmin({ failSettingsUpdate: true, settings: { enabled: false } });
    const { user } = renderPage();

    await user.click(await screen.findByRole('button', { name: 'Enable' }));
    await waitFor(() =>
      expect(toggleNotification).toHaveBeenCalledWith({
        type: 'danger',
        message: 'defaultRoleId: the Super Admin role cannot be the default role',
      }),
    );
    expect(screen.getByText('Disabled')).toBeInTheDocument();
  });

  it('keeps the settings it was given when rendering the read-only header', async () => {
    setUpFakeAdmin({ settings: baseSettings({ enabled: false }), canUpdate: false });
    renderPage();
    expect(await screen.findByRole('button', { name: 'Enable' })).toBeDisabled();
  });
});
