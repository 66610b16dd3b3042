import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import GeneralPage from '../../admin/src/pages/GeneralPage';
import { renderWithProviders } from './support/render';
import { setUpFakeAdmin } from './support/fake-admin-api';
import { tableRows } from './support/table-rows';

jest.mock('@strapi/strapi/admin', () =>
  jest.requireActual<typeof import('./support/strapi-admin-mock')>('./support/strapi-admin-mock'),
);

const EDITORS = { id: 'a0000000-0000-4000-8000-000000000001', displayName: 'Editors' };
const EDITORIAL_BOARD = { id: 'a0000000-0000-4000-8000-000000000002', displayName: 'Editorial board' };
const MARKETING = { id: 'a0000000-0000-4000-8000-000000000003', displayName: 'Marketing' };
const DELETED_GROUP_ID = 'dddddddd-0000-4000-8000-000000000000';
const GROUPS = [EDITORS, EDITORIAL_BOARD, MARKETING];

const UPDATE_REASON =
  'Your role can view these settings but not change them: it lacks the "Settings: Update" permission.';

const renderPage = () => renderWithProviders(<GeneralPage />);

const card = () => screen.getByRole('region', { name: 'Group role mapping' });

/** The mapping rows (the header row excluded), each as [group cell text, role cell text]. */
const mappingRows = () => tableRows(card());

const chooseGroup = async (user: UserEvent, text: string, name: string) => {
  await user.type(within(card()).getByRole('combobox', { name: 'Provisioned group' }), text);
  await user.click(await screen.findByRole('option', { name }));
};

const chooseRole = async (user: UserEvent, name: string) => {
  await user.click(within(card()).getByRole('combobox', { name: 'Role' }));
  await user.click(await screen.findByRole('option', { name }));
};

describe('Group role mapping card', () => {
  it('lists the mappings in priority order with their group and role names', async () => {
    // 150 groups: the mapped "Group 142" is on the second page of 100, so the names are paged through.
    const many = Array.from({ length: 150 }, (_, index) => ({
      id: `b0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      displayName: `Group ${index}`,
    }));
    const { client } = setUpFakeAdmin({
      groups: [...GROUPS, ...many],
      settings: {
        groupRoleMappings: [
          { groupId: many[142].id, roleId: 2 },
          { groupId: EDITORS.id, roleId: 3 },
        ],
      },
    });
    renderPage();

    expect(await screen.findByText('Group 142')).toBeInTheDocument();
    expect(mappingRows()).toEqual([
      ['Group 142', 'Editor'],
      ['Editors', 'Author'],
    ]);
    expect(
      within(card()).getByText(
        'Members of a provisioned group get its role in addition to the default role; in production mode roles are recomputed whenever membership or this mapping changes.',
      ),
    ).toBeInTheDocument();
    const groupRequests = client.get.mock.calls.map(([url]) => url).filter((url) => url.startsWith('/scim/groups?'));
    expect(groupRequests).toEqual(['/scim/groups?page=1&pageSize=100', '/scim/groups?page=2&pageSize=100']);
  });

  it('shows the id of a deleted group with a hint, and drops it when the list is saved', async () => {
    const { client } = setUpFakeAdmin({
      groups: GROUPS,
      settings: {
        groupRoleMappings: [
          { groupId: DELETED_GROUP_ID, roleId: 2 },
          { groupId: EDITORS.id, roleId: 2 },
          { groupId: MARKETING.id, roleId: 3 },
        ],
      },
    });
    const { user } = renderPage();

    const deletedRow = (await screen.findByText(DELETED_GROUP_ID)).closest('tr') as HTMLElement;
    expect(within(deletedRow).getByText(/^Deleted group/)).toBeInTheDocument();

    await user.click(within(card()).getByRole('button', { name: 'Remove Marketing → Author' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove this mapping?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(client.put).toHaveBeenCalledWith('/scim/settings', {
      groupRoleMappings: [{ groupId: EDITORS.id, roleId: 2 }],
    });
    await waitFor(() => expect(mappingRows()).toEqual([['Editors', 'Editor']]));
  });

  it('adds a mapping: searches the groups on the server, then saves the whole list', async () => {
    const { client, toggleNotification } = setUpFakeAdmin({
      groups: GROUPS,
      settings: { groupRoleMappings: [{ groupId: MARKETING.id, roleId: 3 }] },
    });
    const { user } = renderPage();
    await screen.findByText('Marketing');
    const add = within(card()).getByRole('button', { name: 'Add mapping' });
    expect(add).toBeDisabled();

    await user.type(within(card()).getByRole('combobox', { name: 'Provisioned group' }), 'Edito');
    await waitFor(() => expect(client.get).toHaveBeenCalledWith('/scim/groups?page=1&pageSize=20&search=Edito'));
    await waitFor(async () =>
      expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual([
        'Editors',
        'Editorial board',
      ]),
    );
    await user.click(screen.getByRole('option', { name: 'Editorial board' }));
    await chooseRole(user, 'Editor');
    await user.click(add);

    expect(client.put).toHaveBeenCalledWith('/scim/settings', {
      groupRoleMappings: [
        { groupId: MARKETING.id, roleId: 3 },
        { groupId: EDITORIAL_BOARD.id, roleId: 2 },
      ],
    });
    await waitFor(() =>
      expect(mappingRows()).toEqual([
        ['Marketing', 'Author'],
        ['Editorial board', 'Editor'],
      ]),
    );
    expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Mapping added' });
    // The form is cleared for the next mapping.
    expect(within(card()).getByRole('combobox', { name: 'Provisioned group' })).toHaveValue('');
    expect(within(card()).getByRole('button', { name: 'Add mapping' })).toBeDisabled();
  });

  it('removes a mapping after confirmation', async () => {
    const { client, toggleNotification } = setUpFakeAdmin({
      groups: GROUPS,
      settings: {
        groupRoleMappings: [
          { groupId: EDITORS.id, roleId: 2 },
          { groupId: MARKETING.id, roleId: 3 },
        ],
      },
    });
    const { user } = renderPage();

    await user.click(
      await within(await screen.findByRole('region', { name: 'Group role mapping' })).findByRole('button', {
        name: 'Remove Editors → Editor',
      }),
    );
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove this mapping?' });
    expect(dialog).toHaveTextContent('the members of Editors lose the role Editor at once');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));

    expect(client.put).toHaveBeenCalledWith('/scim/settings', {
      groupRoleMappings: [{ groupId: MARKETING.id, roleId: 3 }],
    });
    await waitFor(() => expect(mappingRows()).toEqual([['Marketing', 'Author']]));
    expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'Mapping removed' });
  });

  it('does not offer the Super Admin role', async () => {
    setUpFakeAdmin({ groups: GROUPS });
    const { user } = renderPage();
    await within(await screen.findByRole('region', { name: 'Group role mapping' })).findByRole('combobox', {
      name: 'Role',
    });

    await user.click(within(card()).getByRole('combobox', { name: 'Role' }));
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Editor', 'Author']);
  });

  it('gives a read-only admin disabled controls with the reason', async () => {
    const { client } = setUpFakeAdmin({
      canUpdate: false,
      groups: GROUPS,
      settings: { groupRoleMappings: [{ groupId: EDITORS.id, roleId: 2 }] },
    });
    const { user } = renderPage();
    await screen.findByText('Editors');

    expect(within(card()).getByRole('combobox', { name: 'Provisioned group' })).toBeDisabled();
    expect(within(card()).getByRole('combobox', { name: 'Role' })).toHaveAttribute('aria-disabled', 'true');
    expect(within(card()).getByRole('button', { name: 'Add mapping' })).toBeDisabled();
    const remove = within(card()).getByRole('button', { name: 'Remove Editors → Editor' });
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    expect(within(card()).getByText(UPDATE_REASON)).toBeInTheDocument();

    await user.click(remove);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await user.hover(within(card()).getByRole('button', { name: 'Add mapping' }).parentElement as HTMLElement);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(UPDATE_REASON);
    expect(client.put).not.toHaveBeenCalled();
  });

  it("shows the API's message when a save fails, and keeps the list", async () => {
    const { state, toggleNotification } = setUpFakeAdmin({ groups: GROUPS });
    const { user } = renderPage();
    expect(
      await screen.findByText('No mappings yet. Provision groups from your identity provider, then map them here.'),
    ).toBeInTheDocument();

    await chooseGroup(user, 'Mark', 'Marketing');
    await chooseRole(user, 'Author');
    state.groups = [EDITORS, EDITORIAL_BOARD]; // the identity provider deletes the group meanwhile
    await user.click(within(card()).getByRole('button', { name: 'Add mapping' }));

    await waitFor(() =>
      expect(toggleNotification).toHaveBeenCalledWith({
        type: 'danger',
        message: `groupRoleMappings.0.groupId: no provisioned group with id ${MARKETING.id}`,
      }),
    );
    expect(
      screen.getByText('No mappings yet. Provision groups from your identity provider, then map them here.'),
    ).toBeInTheDocument();
    expect(within(card()).getByRole('button', { name: 'Add mapping' })).toBeEnabled();
  });

  it('says when no group is provisioned yet, and links to the SCIM Guide', async () => {
    setUpFakeAdmin({ groups: [] });
    renderPage();

    expect(
      await screen.findByText('No mappings yet. Provision groups from your identity provider, then map them here.'),
    ).toBeInTheDocument();
    expect(within(card()).getByText(/No group has been provisioned yet/)).toBeInTheDocument();
    expect(within(card()).getByRole('link', { name: 'SCIM Guide' })).toHaveAttribute('href', '/settings/scim/guide');
    expect(within(card()).queryByRole('button', { name: 'Add mapping' })).not.toBeInTheDocument();
  });

  it('shows an error with a retry when the groups cannot be loaded', async () => {
    setUpFakeAdmin({ failGroupsLoad: true, settings: { groupRoleMappings: [{ groupId: EDITORS.id, roleId: 2 }] } });
    renderPage();
    expect(await screen.findByText('The provisioned groups could not be loaded.')).toBeInTheDocument();
    expect(within(card()).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
