import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import GeneralPage from '../../admin/src/pages/GeneralPage';
import { renderWithProviders } from './support/render';
import { setUpFakeAdmin } from './support/fake-admin-api';

jest.mock('@strapi/strapi/admin', () =>
  jest.requireActual<typeof import('./support/strapi-admin-mock')>('./support/strapi-admin-mock'),
);

// The first render of the page (module loading included) can pass the default second on a busy machine.
const checklist = async () => screen.findByRole('region', { name: 'Setup checklist' }, { timeout: 5000 });
const item = (list: HTMLElement, label: string) => within(list).getByRole('listitem', { name: label });

describe('setup checklist', () => {
  it('shows each step as done or to do, with the first and last request and the failures', async () => {
    setUpFakeAdmin({
      settings: { productionMode: false },
      setupStatus: {
        enabled: true,
        secretExists: true,
        firstRequestAt: null,
        lastRequestAt: null,
        failedRequestsLast24h: 3,
        mode: 'test',
        notApplied: { users: 0, groups: 0 },
      },
    });
    renderWithProviders(<GeneralPage />);
    const list = await checklist();

    expect(item(list, 'Provisioning')).toHaveAttribute('data-done', 'true');
    expect(item(list, 'Secret for the identity provider')).toHaveAttribute('data-done', 'true');
    expect(item(list, 'First request received')).toHaveAttribute('data-done', 'false');
    expect(item(list, 'First request received')).toHaveTextContent('Not yet: no request with a valid secret');
    expect(item(list, 'Failed requests in the last 24 hours')).toHaveTextContent('3');
    expect(item(list, 'Failed requests in the last 24 hours')).toHaveAttribute('data-done', 'false');
    expect(item(list, 'Mode')).toHaveTextContent('Test: requests are recorded, Strapi users are not changed');
    // Nothing received yet: no banner.
    expect(screen.queryByText(/received: review them in Activity/)).not.toBeInTheDocument();
  });

  it('in test mode, says what was received and not applied, and links to Activity', async () => {
    setUpFakeAdmin({
      settings: { productionMode: false },
      setupStatus: { mode: 'test', notApplied: { users: 12, groups: 1 } },
    });
    renderWithProviders(<GeneralPage />);

    expect(
      await screen.findByText('12 users, 1 group received: review them in Activity, then switch to production.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open Activity' })).toHaveAttribute('href', '/settings/scim/activity');
    const list = await checklist();
    expect(item(list, 'First request received')).toHaveAttribute('data-done', 'true');
    expect(item(list, 'First request received')).toHaveTextContent('2025');
  });

  it('shows no banner in production, and a missing secret as to do', async () => {
    setUpFakeAdmin({ setupStatus: { secretExists: false, mode: 'production', notApplied: null } });
    renderWithProviders(<GeneralPage />);
    const list = await checklist();

    expect(item(list, 'Secret for the identity provider')).toHaveTextContent('None usable: add one under Secrets');
    expect(item(list, 'Mode')).toHaveAttribute('data-done', 'true');
    expect(screen.queryByRole('link', { name: 'Open Activity' })).not.toBeInTheDocument();
  });

  it('loads the status again after a settings change', async () => {
    const { client, state } = setUpFakeAdmin({ settings: { enabled: false }, setupStatus: { enabled: false } });
    const { user } = renderWithProviders(<GeneralPage />);
    expect(item(await checklist(), 'Provisioning')).toHaveTextContent('Disabled: enable it above');

    state.setupStatus = { ...state.setupStatus, enabled: true };
    await user.click(screen.getByRole('button', { name: 'Enable' }));
    expect(await within(await checklist()).findByText('On: the endpoint answers requests')).toBeInTheDocument();
    expect(client.get.mock.calls.filter(([url]) => url === '/scim/setup-status')).toHaveLength(2);
  });

  it('loads the status again when the window gets the focus back, as when coming back from the identity provider', async () => {
    const { client, state } = setUpFakeAdmin({ setupStatus: { firstRequestAt: null } });
    renderWithProviders(<GeneralPage />);
    expect(item(await checklist(), 'First request received')).toHaveAttribute('data-done', 'false');

    state.setupStatus = { ...state.setupStatus, firstRequestAt: '2025-03-03T09:00:00.000Z' };
    fireEvent.focus(window);
    await within(await checklist()).findByText(/Mar 3, 2025/);
    expect(item(await checklist(), 'First request received')).toHaveAttribute('data-done', 'true');
    expect(client.get.mock.calls.filter(([url]) => url === '/scim/setup-status')).toHaveLength(2);
  });

  it('loads the status again after a secret is created, and not after a dialog is cancelled', async () => {
    const { client, state } = setUpFakeAdmin({ secrets: [], setupStatus: { secretExists: false } });
    const { user } = renderWithProviders(<GeneralPage />);
    expect(item(await checklist(), 'Secret for the identity provider')).toHaveAttribute('data-done', 'false');
    const statusReads = () => client.get.mock.calls.filter(([url]) => url === '/scim/setup-status').length;

    await user.click(screen.getByRole('button', { name: 'Add Secret' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(statusReads()).toBe(1);

    state.setupStatus = { ...state.setupStatus, secretExists: true };
    await user.click(screen.getByRole('button', { name: 'Add Secret' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Create secret' }));
    const shown = await screen.findByRole('dialog', { name: 'Your new secret' });
    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(async () =>
      expect(item(await checklist(), 'Secret for the identity provider')).toHaveAttribute('data-done', 'true'),
    );
    expect(statusReads()).toBe(2);
  });
});
