import { screen, within } from '@testing-library/react';
import { ENTRA_GUIDE, OKTA_GUIDE } from '../../admin/src/components/guide/guideContent';
import GuidePage from '../../admin/src/pages/GuidePage';
import en from '../../admin/src/translations/en.json';
import { renderWithProviders } from './support/render';
import { ENDPOINT_URL, mockClipboard, setUpFakeAdmin } from './support/fake-admin-api';

jest.mock('@strapi/strapi/admin', () =>
  jest.requireActual<typeof import('./support/strapi-admin-mock')>('./support/strapi-admin-mock'),
);

const renderGuide = () => renderWithProviders(<GuidePage />, { route: '/settings/scim/guide' });

describe('SCIM Guide page', () => {
  it('shows the Entra ID guide with the live endpoint URL, the compliance flag and a link to create a secret', async () => {
    setUpFakeAdmin();
    const { user } = renderGuide();

    expect(await screen.findByRole('heading', { name: 'SCIM Guide' })).toBeInTheDocument();
    const panel = screen.getByRole('tabpanel', { name: 'Microsoft Entra ID' });
    const steps = within(panel).getAllByRole('listitem');
    expect(steps.map((step) => within(step).getByRole('heading').textContent)).toEqual([
      'Create an enterprise application (skip if you have one)',
      'Turn on automatic provisioning',
      'Enter the Tenant URL and the Secret Token',
      'Test the connection',
      'Review the attribute mappings',
      'Provision one test user first',
      'Check the test user in Activity',
      'Switch to production',
      'Start provisioning',
      'Assign everyone',
    ]);
    expect(steps[5]).toHaveTextContent('Provision on demand');
    expect(within(steps[6]).getByRole('link', { name: 'Activity' })).toHaveAttribute('href', '/settings/scim/activity');
    expect(within(steps[7]).getByRole('link', { name: 'the General page' })).toHaveAttribute(
      'href',
      '/settings/scim/general',
    );
    expect(within(panel).getByText(ENDPOINT_URL)).toBeInTheDocument();
    expect(within(panel).getByText(`${ENDPOINT_URL}?aadOptscim062020`)).toBeInTheDocument();
    expect(within(panel).getByRole('link', { name: 'Create one on the General page' })).toHaveAttribute(
      'href',
      '/settings/scim/general',
    );

    const writeText = mockClipboard();
    await user.click(within(panel).getByRole('button', { name: `Copy ${ENDPOINT_URL}?aadOptscim062020` }));
    expect(writeText).toHaveBeenCalledWith(`${ENDPOINT_URL}?aadOptscim062020`);
    expect(await within(panel).findByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('switches to the Okta guide, with the base URL and userName to copy', async () => {
    setUpFakeAdmin();
    const { user } = renderGuide();

    await user.click(await screen.findByRole('tab', { name: 'Okta' }));
    const panel = screen.getByRole('tabpanel', { name: 'Okta' });
    const steps = within(panel).getAllByRole('listitem');
    expect(steps.map((step) => within(step).getByRole('heading').textContent).slice(6)).toEqual([
      'Assign one test user first',
      'Check the test user in Activity',
      'Switch to production',
      'Assign everyone and push groups',
    ]);
    expect(steps[6]).toHaveTextContent('Push now');
    expect(panel).toHaveTextContent('SCIM connector base URL');
    expect(panel).toHaveTextContent('Import New Users and Profile Updates');
    expect(panel).toHaveTextContent('HTTP Header');
    expect(panel).toHaveTextContent('Create Users, Update User Attributes and Deactivate Users');
    expect(within(panel).getByRole('link', { name: 'Create one on the General page' })).toBeInTheDocument();

    const writeText = mockClipboard();
    await user.click(within(panel).getByRole('button', { name: `Copy ${ENDPOINT_URL}` }));
    expect(writeText).toHaveBeenCalledWith(ENDPOINT_URL);
    await user.click(within(panel).getByRole('button', { name: 'Copy userName' }));
    expect(writeText).toHaveBeenLastCalledWith('userName');
  });

  it('lists the common errors with their fixes under each guide', async () => {
    setUpFakeAdmin();
    const { user } = renderGuide();

    const entra = await screen.findByRole('tabpanel', { name: 'Microsoft Entra ID' });
    const errors = within(entra).getByRole('region', { name: 'Common errors and their fixes' });
    expect(errors).toHaveTextContent('The test fails with 401 (Unauthorized, invalid credentials)');
    expect(errors).toHaveTextContent('Users show as provisioned, but Strapi has no such users');
    expect(errors).toHaveTextContent('Production mode is off: in test mode nothing is applied.');
    expect(within(errors).getAllByRole('link', { name: 'Activity' })[0]).toHaveAttribute(
      'href',
      '/settings/scim/activity',
    );
    expect(errors).not.toHaveTextContent('No results for users returned');

    await user.click(screen.getByRole('tab', { name: 'Okta' }));
    const okta = screen.getByRole('tabpanel', { name: 'Okta' });
    expect(within(okta).getByRole('region', { name: 'Common errors and their fixes' })).toHaveTextContent(
      'No results for users returned',
    );
  });

  it('tells how to get an endpoint when provisioning was never enabled', async () => {
    setUpFakeAdmin({ settings: { enabled: false, endpointId: null, endpointUrl: null } });
    renderGuide();
    const panel = await screen.findByRole('tabpanel', { name: 'Microsoft Entra ID' });
    expect(within(panel).getAllByText(/No endpoint yet: enable provisioning on/)).not.toHaveLength(0);
    expect(within(panel).getAllByRole('link', { name: 'the General page' })[0]).toHaveAttribute(
      'href',
      '/settings/scim/general',
    );
  });

  it('has every message of both guides in en.json, with its English default', () => {
    const messages = [ENTRA_GUIDE, OKTA_GUIDE].flatMap((guide) => [
      ...guide.steps.flatMap((step) => [
        step.title,
        ...step.blocks.flatMap((block) => (block.kind === 'text' ? [block] : [])),
      ]),
      ...guide.errors.flatMap((entry) => [entry.problem, entry.fix]),
    ]);
    const english = en as Record<string, string>;
    expect(messages.filter((message) => english[message.id] !== message.defaultMessage)).toEqual([]);
  });

  it('refuses an admin without the read permission', async () => {
    setUpFakeAdmin({ canRead: false });
    renderGuide();
    expect(await screen.findByText("You don't have the permissions to access that content")).toBeInTheDocument();
  });
});
