import { screen, within } from '@testing-library/react';
import GeneralPage from '../../admin/src/pages/GeneralPage';
import { renderWithProviders } from './support/render';
import { onceOnlySecret, revealableSecret, setUpFakeAdmin } from './support/fake-admin-api';

jest.mock('@strapi/strapi/admin', () =>
  jest.requireActual<typeof import('./support/strapi-admin-mock')>('./support/strapi-admin-mock'),
);

/** An admin with every plugin permission but not the Strapi permission to create users. */
const WITHOUT_GRANT = { allowed: false, permission: 'admin::users.create', permissionLabel: 'Users: Create' };
const GRANT_REASON =
  'Your role cannot create users in Strapi (it lacks the "Users: Create" permission), so it cannot change what SCIM hands out: the default role, the group mappings, switching production mode on, enabling in production mode, and creating or copying secrets.';

const renderPage = () => renderWithProviders(<GeneralPage />);

describe('What SCIM hands out, for an admin who cannot create users in Strapi', () => {
  it('disables the default role, the mappings, production mode, Add Secret and copying secrets, and says why', async () => {
    setUpFakeAdmin({
      settings: { hostUserGrant: WITHOUT_GRANT, groupRoleMappings: [{ groupId: 'g1', roleId: 2 }] },
      secrets: [revealableSecret],
      groups: [{ id: 'g1', displayName: 'Editors' }],
    });
    const { user } = renderPage();

    await screen.findByLabelText('Endpoint URL');
    expect(screen.getByText('Some settings are read-only for you.')).toBeInTheDocument();
    expect(screen.getAllByText(GRANT_REASON).length).toBeGreaterThanOrEqual(3); // notice and field hints
    expect(screen.getByRole('combobox', { name: 'Default user role' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('checkbox', { name: 'Production mode' })).toBeDisabled();
    expect(await screen.findByRole('button', { name: 'Add mapping' })).toBeDisabled();
    expect(screen.getByRole('button', { name: /^Remove/ })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Add Secret' })).toBeDisabled();

    const row = (await screen.findByText('scim_••••••••Ab12')).closest('tr') as HTMLElement;
    expect(within(row).getByRole('button', { name: 'Copy the secret' })).toHaveAttribute('aria-disabled', 'true');
    expect(within(row).queryByRole('button', { name: 'Show the secret' })).not.toBeInTheDocument();
    await user.hover(screen.getByRole('button', { name: 'Add Secret' }).parentElement as HTMLElement);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(GRANT_REASON);
  });

  it('keeps what hands out nothing: disabling, regenerating, deleting secrets, and switching production mode off', async () => {
    setUpFakeAdmin({ settings: { hostUserGrant: WITHOUT_GRANT, productionMode: true }, secrets: [revealableSecret] });
    renderPage();

    await screen.findByLabelText('Endpoint URL');
    expect(screen.getByRole('button', { name: 'Disable' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Regenerate' })).toBeEnabled();
    expect(screen.getByRole('checkbox', { name: 'Production mode' })).toBeEnabled();
    const row = (await screen.findAllByRole('row'))[1];
    expect(within(row).getByRole('button', { name: /Delete/ })).toBeEnabled();
  });

  it('does not let them enable provisioning in production mode, but does in test mode', async () => {
    setUpFakeAdmin({ settings: { hostUserGrant: WITHOUT_GRANT, enabled: false, productionMode: true } });
    const first = renderPage();
    expect(await screen.findByRole('button', { name: 'Enable' })).toBeDisabled();
    first.unmount();

    setUpFakeAdmin({ settings: { hostUserGrant: WITHOUT_GRANT, enabled: false, productionMode: false } });
    renderPage();
    expect(await screen.findByRole('button', { name: 'Enable' })).toBeEnabled();
  });

  it('gives an admin who can create users every control', async () => {
    setUpFakeAdmin({ secrets: [revealableSecret] });
    renderPage();

    await screen.findByLabelText('Endpoint URL');
    expect(screen.queryByText(GRANT_REASON)).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Default user role' })).not.toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('checkbox', { name: 'Production mode' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Add Secret' })).toBeEnabled();
    const row = (await screen.findByText('scim_••••••••Ab12')).closest('tr') as HTMLElement;
    expect(within(row).getByRole('button', { name: 'Copy the secret' })).not.toHaveAttribute('aria-disabled', 'true');
    expect(within(row).getByRole('button', { name: 'Show the secret' })).toBeInTheDocument();
  });
});

describe('Secrets with allowSecretReveal off', () => {
  it('offers no copy-again or show control, only the masked secret', async () => {
    setUpFakeAdmin({ settings: { allowSecretReveal: false }, secrets: [{ ...onceOnlySecret, id: 11 }] });
    renderPage();

    const row = (await screen.findAllByRole('row'))[1];
    expect(within(row).getByText('scim_••••••••Zz99')).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: 'Copy the secret' })).not.toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: 'Show the secret' })).not.toBeInTheDocument();
  });
});
