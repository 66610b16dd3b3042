import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import plugin from '../../admin/src/index';
import ActivityPage from '../../admin/src/pages/ActivityPage';
import { renderWithProviders } from './support/render';
import {
  activityLog,
  adaPatch,
  duplicateFailure,
  entry,
  finishedJob,
  jobFinished,
  refusedRequests,
  setUpFakeActivity,
  settingsChange,
} from './support/fake-activity-api';

jest.mock('@strapi/strapi/admin', () =>
  jest.requireActual<typeof import('./support/strapi-admin-mock')>('./support/strapi-admin-mock'),
);

/** Shows the router's query string, where the page keeps its filters. */
const LocationProbe = () => <output data-testid="location">{useLocation().search}</output>;
const location = () => screen.getByTestId('location').textContent;

const renderActivity = () => renderWithProviders(<ActivityPage />, { route: '/settings/scim/activity' });

/** The table's body rows (the first row is the header). */
const bodyRows = () => within(screen.getByRole('grid')).getAllByRole('row').slice(1);

const choose = async (user: UserEvent, filter: string, option: string) => {
  await user.click(screen.getByRole('combobox', { name: filter }));
  await user.click(await screen.findByRole('option', { name: option }));
};

describe('Activity page', () => {
  it('lists the newest entries with time, operation, resource, outcome with status, and mode', async () => {
    const { queries } = setUpFakeActivity({ entries: activityLog(2) });
    renderActivity();

    expect(await screen.findByRole('heading', { name: 'Activity' })).toBeInTheDocument();
    await screen.findByText('ada@example.com');
    expect(queries()).toEqual([{ page: '1', pageSize: '20' }]);

    const [ada, failure, settings] = bodyRows();
    expect(within(ada).getByText('Mar 5, 2025, 9:30:15 AM', { exact: false })).toBeInTheDocument();
    expect(ada).toHaveTextContent('PATCH');
    expect(ada).toHaveTextContent('patch');
    expect(ada).toHaveTextContent('User');
    expect(within(ada).getByText('Success 200')).toBeInTheDocument();
    expect(within(ada).getByText('Test')).toBeInTheDocument();

    // Without a name the resource is shown by its type alone; the failure carries its status code.
    expect(within(failure).getByText('Failure 409')).toBeInTheDocument();
    expect(within(failure).getByText('Production')).toBeInTheDocument();
    expect(settings).toHaveTextContent('PUT');
    expect(settings).toHaveTextContent('Settings');
    expect(within(settings).queryByText('Test')).not.toBeInTheDocument();
    expect(within(settings).queryByText('Production')).not.toBeInTheDocument();
    expect(bodyRows()).toHaveLength(5);
  });

  it('filters by outcome, resource type and mode, each change asking the API again from page 1', async () => {
    const { queries } = setUpFakeActivity({ entries: activityLog(30) });
    const { user } = renderActivity();
    await screen.findByText('ada@example.com');

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Page 2 of 2 (33 entries)');

    const before = queries().length;
    await choose(user, 'Outcome', 'Failure');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(within(bodyRows()[0]).getByText('Failure 409')).toBeInTheDocument();
    expect(queries().slice(before)).toEqual([{ page: '1', pageSize: '20', outcome: 'failure' }]);
    expect(screen.getByText('Page 1 of 1 (1 entry)')).toBeInTheDocument();

    await choose(user, 'Outcome', 'All outcomes');
    await choose(user, 'Resource type', 'Settings');
    await waitFor(() => expect(queries().at(-1)).toEqual({ page: '1', pageSize: '20', resourceType: 'Settings' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(bodyRows()[0]).toHaveTextContent('PUT');

    await choose(user, 'Mode', 'Production');
    await waitFor(() =>
      expect(queries().at(-1)).toEqual({ page: '1', pageSize: '20', resourceType: 'Settings', mode: 'production' }),
    );
    expect(await screen.findByText('No entries match these filters.')).toBeInTheDocument();
  });

  it('pages through the log with Previous and Next', async () => {
    const { queries } = setUpFakeActivity({ entries: activityLog(22) });
    const { user } = renderActivity();
    await screen.findByText('ada@example.com');

    expect(screen.getByText('Page 1 of 2 (25 entries)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    expect(bodyRows()).toHaveLength(20);

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Page 2 of 2 (25 entries)')).toBeInTheDocument();
    expect(queries().at(-1)).toEqual({ page: '2', pageSize: '20' });
    expect(bodyRows()).toHaveLength(5);
    expect(screen.queryByText('ada@example.com')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('ada@example.com')).toBeInTheDocument();
    expect(queries().at(-1)).toEqual({ page: '1', pageSize: '20' });
  });

  it('opens the details of an entry: quirks by name, changed attributes, Strapi user action, ids', async () => {
    setUpFakeActivity({ entries: [adaPatch, settingsChange] });
    const { user } = renderActivity();

    await user.click(await screen.findByText('ada@example.com'));
    const dialog = await screen.findByRole('dialog', { name: 'PATCH patch: ada@example.com' });
    expect(within(dialog).getByText('Booleans sent as the strings "True"/"False"')).toBeInTheDocument();
    expect(within(dialog).getByText('PATCH op names in any case')).toBeInTheDocument();
    // An id the catalogue no longer knows is still shown, as itself.
    expect(within(dialog).getByText('some-retired-quirk')).toBeInTheDocument();
    expect(within(dialog).queryByText('boolean-as-string')).not.toBeInTheDocument();
    expect(within(dialog).getByText('active')).toBeInTheDocument();
    expect(within(dialog).getByText('name.givenName')).toBeInTheDocument();
    expect(within(dialog).getByText('test mode: would update admin user 12')).toBeInTheDocument();
    expect(within(dialog).getByText(adaPatch.resourceId as string)).toBeInTheDocument();
    expect(within(dialog).getByText('Success 200')).toBeInTheDocument();

    await user.click(within(dialog).getAllByRole('button', { name: 'Close' })[0]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Show the details of Settings' }));
    const settingsDialog = await screen.findByRole('dialog', { name: 'PUT update: Settings' });
    expect(within(settingsDialog).getByText('admin@example.com')).toBeInTheDocument();
    expect(within(settingsDialog).getByText('productionMode')).toBeInTheDocument();
    expect(within(settingsDialog).getByText('production mode on')).toBeInTheDocument();
    expect(within(settingsDialog).getByText('None: the request followed the SCIM standard.')).toBeInTheDocument();
  });

  it("shows a production job's result in the details of the entries it recorded", async () => {
    const { client } = setUpFakeActivity({ entries: [jobFinished, settingsChange], jobs: [finishedJob] });
    const { user } = renderActivity();

    await user.click(await screen.findByText('production-switch'));
    const dialog = await screen.findByRole('dialog', { name: 'SYSTEM job-finished: production-switch' });
    expect(await within(dialog).findByText('Done: 249 applied, 1 not applied')).toBeInTheDocument();
    const list = within(dialog).getByRole('list', { name: 'Users not applied' });
    expect(within(list).getByRole('listitem')).toHaveTextContent(
      'taken@example.com: The email is held by another admin user',
    );
    expect(client.get).toHaveBeenCalledWith('/scim/production-jobs/4');
    await user.click(within(dialog).getAllByRole('button', { name: 'Close' })[0]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // Entries of anything else do not ask for a job.
    await user.click(screen.getByRole('button', { name: 'Show the details of Settings' }));
    const settingsDialog = await screen.findByRole('dialog', { name: 'PUT update: Settings' });
    expect(within(settingsDialog).queryByText('Job result')).not.toBeInTheDocument();
    expect(client.get.mock.calls.filter(([url]) => url.startsWith('/scim/production-jobs/'))).toHaveLength(1);
  });

  it('shows the error detail of a failed request', async () => {
    setUpFakeActivity({ entries: [duplicateFailure] });
    const { user } = renderActivity();
    await user.click(await screen.findByRole('button', { name: 'Show the details of User' }));
    const dialog = await screen.findByRole('dialog', { name: 'POST create: User' });
    expect(within(dialog).getByText('Failure 409')).toBeInTheDocument();
    expect(within(dialog).getByText('A user with userName "bob@example.com" already exists')).toBeInTheDocument();
  });

  it('shows refused requests as one entry with their count and client address', async () => {
    setUpFakeActivity({ entries: [refusedRequests] });
    const { user } = renderActivity();
    expect(await screen.findByText('Failure 401 × 37')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Show the details of User' }));
    const dialog = await screen.findByRole('dialog', { name: 'GET read: User' });
    expect(within(dialog).getByText('37 requests from 198.51.100.7 in this minute')).toBeInTheDocument();
  });

  it('points to the SCIM Guide when there is no activity at all', async () => {
    setUpFakeActivity({ entries: [] });
    renderActivity();
    expect(await screen.findByText(/^No activity yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Connect your identity provider with the SCIM Guide' })).toHaveAttribute(
      'href',
      '/settings/scim/guide',
    );
    expect(screen.queryByText('No entries match these filters.')).not.toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });

  it('says when nothing matches the filters, and clears them', async () => {
    const { queries } = setUpFakeActivity({ entries: [adaPatch] });
    const { user } = renderActivity();
    await screen.findByText('ada@example.com');

    await choose(user, 'Outcome', 'Failure');
    expect(await screen.findByText('No entries match these filters.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /SCIM Guide/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(await screen.findByText('ada@example.com')).toBeInTheDocument();
    expect(queries().at(-1)).toEqual({ page: '1', pageSize: '20' });
    expect(screen.getByRole('combobox', { name: 'Outcome' })).toHaveTextContent('All outcomes');
  });

  it('reads its filters, page size and page from the URL, and writes each change back to it', async () => {
    const { queries } = setUpFakeActivity({ entries: activityLog(30) });
    const { user } = renderWithProviders(
      <>
        <ActivityPage />
        <LocationProbe />
      </>,
      { route: '/settings/scim/activity?outcome=success&pageSize=10&page=2&from=nonsense' },
    );
    await waitFor(() => expect(queries()[0]).toEqual({ page: '2', pageSize: '10', outcome: 'success' }));
    await screen.findByText('Page 2 of 4 (32 entries)');

    await choose(user, 'Entries per page', '50');
    await waitFor(() => expect(queries().at(-1)).toEqual({ page: '1', pageSize: '50', outcome: 'success' }));
    expect(location()).toBe('?outcome=success&pageSize=50&from=nonsense');
  });

  it('searches on Enter, by id or part of a name, from page 1', async () => {
    const { queries } = setUpFakeActivity({ entries: activityLog(30) });
    const { user } = renderActivity();
    await screen.findByText('ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Page 2 of 2 (33 entries)');

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'ADA{Enter}');
    await waitFor(() => expect(queries().at(-1)).toEqual({ page: '1', pageSize: '20', search: 'ADA' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(bodyRows()[0]).toHaveTextContent('ada@example.com');
  });

  it("limits the entries to a range of days, both included, in the admin's time zone", async () => {
    const { queries } = setUpFakeActivity({ entries: activityLog(3) });
    const { user } = renderActivity();
    await screen.findByText('ada@example.com');

    await user.type(screen.getByRole('combobox', { name: 'From' }), '03/05/2025');
    await user.type(screen.getByRole('combobox', { name: 'To' }), '03/05/2025');
    await user.click(screen.getByRole('searchbox', { name: 'Search' }));
    await waitFor(() =>
      expect(queries().at(-1)).toEqual({
        page: '1',
        pageSize: '20',
        from: new Date(2025, 2, 5).toISOString(),
        to: new Date(2025, 2, 6).toISOString(),
      }),
    );
  });

  it('exports what the filters select as a CSV download', async () => {
    const { client } = setUpFakeActivity({ entries: activityLog(3) });
    const createObjectURL = jest.fn(() => 'blob:activity');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = renderWithProviders(<ActivityPage />, {
      route: '/settings/scim/activity?outcome=failure&mode=production',
    });
    await screen.findByText('Failure 409');

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(client.get).toHaveBeenCalledWith('/scim/activity/export?outcome=failure&mode=production', {
      responseType: 'blob',
    });
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:activity');
    click.mockRestore();
  });

  it('refreshes the current page', async () => {
    const { state, client } = setUpFakeActivity({ entries: [adaPatch] });
    const { user } = renderActivity();
    await screen.findByText('ada@example.com');

    state.entries.unshift(entry({ id: 101, resourceName: 'grace@example.com' }));
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('grace@example.com')).toBeInTheDocument();
    expect(client.get).toHaveBeenCalledTimes(2);
  });

  it('shows an error with a retry when the log cannot be loaded', async () => {
    const { state } = setUpFakeActivity({ entries: [adaPatch], failLoad: true });
    const { user } = renderActivity();

    expect(await screen.findByText('The activity log could not be loaded.')).toBeInTheDocument();
    state.failLoad = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('ada@example.com')).toBeInTheDocument();
  });

  it('refuses an admin without the "Activity: Read" permission, even one who can read the settings', async () => {
    const { client } = setUpFakeActivity({ entries: [adaPatch], canReadActivity: false, canReadSettings: true });
    renderActivity();
    expect(await screen.findByText("You don't have the permissions to access that content")).toBeInTheDocument();
    expect(screen.queryByText('ada@example.com')).not.toBeInTheDocument();
    expect(client.get).not.toHaveBeenCalled();
  });

  it('is registered after the SCIM Guide, behind the activity read permission', () => {
    const createSettingSection = jest.fn<undefined, [unknown, { to: string; permissions?: unknown }[]]>();
    // Passed as a variable: an inline object would name the member Strapi marks deprecated (see admin/src/index.ts).
    const app = { createSettingSection, registerPlugin: jest.fn() };
    plugin.register(app);
    const links = createSettingSection.mock.calls[0][1];
    expect(links.map((link) => link.to)).toEqual(['scim/general', 'scim/guide', 'scim/activity']);
    expect(links[2].permissions).toEqual([{ action: 'plugin::scim.activity.read', subject: null }]);
  });

  it('bundles a quirk catalogue with no imports, so nothing Node-only reaches the admin panel', () => {
    const catalogue = readFileSync(join(__dirname, '../../server/src/scim/quirks.ts'), 'utf8');
    expect(catalogue).not.toMatch(/^\s*import\s/m);
    expect(catalogue).not.toMatch(/\brequire\(/);
  });
});
