import { screen, waitFor, within } from '@testing-library/react';
import GeneralPage from '../../admin/src/pages/GeneralPage';
import { renderWithProviders } from './support/render';
import { mockClipboard, setUpFakeAdmin } from './support/fake-admin-api';

jest.mock('@strapi/strapi/admin', () =>
  jest.requireActual<typeof import('./support/strapi-admin-mock')>('./support/strapi-admin-mock'),
);

const LINK = 'https://cms.example.com/admin/auth/register?registrationToken=abc123';

const pending = [
  { scimId: 'u-1', userName: 'ada@example.com', email: 'ada@example.com', registrationLink: LINK },
  { scimId: 'u-2', userName: 'grace', email: 'grace@example.com', registrationLink: `${LINK}x` },
];

const card = async () => screen.findByRole('region', { name: 'Invitations' });

describe('Invitations card', () => {
  it('names the provider, lists who has not registered, and resends an invitation', async () => {
    const { client, toggleNotification } = setUpFakeAdmin({ invitations: { total: 2, pending } });
    const { user } = renderWithProviders(<GeneralPage />);
    const invitations = await card();

    expect(within(invitations).getByText('Emails are sent with the "nodemailer" provider.')).toBeInTheDocument();
    expect(
      await within(invitations).findByText('2 provisioned admin users have not registered yet'),
    ).toBeInTheDocument();
    expect(within(invitations).getByText('grace@example.com')).toBeInTheDocument();
    await user.click(within(invitations).getByRole('button', { name: 'Resend the invitation to grace' }));
    expect(client.post).toHaveBeenCalledWith('/scim/invitations/u-2/resend');
    await waitFor(() =>
      expect(toggleNotification).toHaveBeenCalledWith({
        type: 'success',
        message: 'Invitation sent to grace@example.com',
      }),
    );
  });

  it('says when no email provider is configured and offers the links to copy', async () => {
    setUpFakeAdmin({ invitations: { emailProvider: null, total: 60, pending } });
    const { user } = renderWithProviders(<GeneralPage />);
    const writeText = mockClipboard();
    const invitations = await card();

    expect(await within(invitations).findByText('No email provider is configured')).toBeInTheDocument();
    expect(within(invitations).getByText('60 provisioned admin users have not registered yet')).toBeInTheDocument();
    expect(within(invitations).getByText('The first 2 are listed.')).toBeInTheDocument();
    expect(within(invitations).queryByRole('button', { name: /Resend/ })).not.toBeInTheDocument();
    await user.click(
      within(invitations).getByRole('button', { name: 'Copy the registration link of ada@example.com' }),
    );
    expect(writeText).toHaveBeenCalledWith(LINK);
  });

  it('turns invitations off through the settings', async () => {
    const { client } = setUpFakeAdmin();
    const { user } = renderWithProviders(<GeneralPage />);
    const invitations = await card();

    const toggle = within(invitations).getByRole('checkbox', { name: 'Email an invitation to each new admin user' });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(client.put).toHaveBeenCalledWith('/scim/settings', { invitationsEnabled: false }));
    await waitFor(() => expect(toggle).not.toBeChecked());
  });

  it('sends nothing for the users-permissions target and says why', async () => {
    setUpFakeAdmin({ invitations: { target: 'users-permissions' } });
    renderWithProviders(<GeneralPage />);
    const invitations = await card();
    expect(
      await within(invitations).findByText(/confirm their account through that plugin's own email confirmation/),
    ).toBeInTheDocument();
    expect(within(invitations).queryByRole('checkbox')).not.toBeInTheDocument();
  });
});
