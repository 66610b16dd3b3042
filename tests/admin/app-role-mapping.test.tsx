import { screen, waitFor, within } from '@testing-library/react';
import GeneralPage from '../../admin/src/pages/GeneralPage';
import { renderWithProviders } from './support/render';
import { setUpFakeAdmin } from './support/fake-admin-api';
import { tableRows } from './support/table-rows';

jest.mock('@strapi/strapi/admin', () =>
  jest.requireActual<typeof import('./support/strapi-admin-mock')>('./support/strapi-admin-mock'),
);

const renderPage = () => renderWithProviders(<GeneralPage />);

const card = () => screen.getByRole('region', { name: 'App role mapping' });

/** The table rows (the header row excluded), each as [app role value, role]. */
const mappingRows = () => tableRows(card());

describe('App role mapping card', () => {
  it('saves how app roles match, and shows the table only when matching by table', async () => {
    const { client, toggleNotification } = setUpFakeAdmin();
    const { user } = renderPage();
    const match = await within(await screen.findByRole('region', { name: 'App role mapping' })).findByRole('combobox', {
      name: 'Match app roles',
    });
    expect(match).toHaveTextContent('Off: app roles give no role');
    expect(within(card()).queryByRole('button', { name: 'Add mapping' })).not.toBeInTheDocument();

    await user.click(match);
    await user.click(
      await screen.findByRole('option', { name: 'By role name (app role "Editor" gives the role Editor)' }),
    );
    expect(client.put).toHaveBeenCalledWith('/scim/settings', { appRoleMatch: 'name' });
    expect(toggleNotification).toHaveBeenCalledWith({ type: 'success', message: 'App role matching saved' });

    await user.click(match);
    await user.click(await screen.findByRole('option', { name: 'By the table below' }));
    expect(await within(card()).findByText(/^No app role is mapped yet/)).toBeInTheDocument();
  });

  it('adds a value → role row without offering Super Admin, and removes one after confirmation', async () => {
    const { client } = setUpFakeAdmin({
      settings: { appRoleMatch: 'table', appRoleMappings: [{ value: 'Reviewer', roleId: 3 }] },
    });
    const { user } = renderPage();
    await screen.findByText('Reviewer');
    expect(mappingRows()).toEqual([['Reviewer', 'Author']]);
    const add = within(card()).getByRole('button', { name: 'Add mapping' });
    expect(add).toBeDisabled();

    await user.type(within(card()).getByRole('textbox', { name: 'App role value' }), '  Content.Editor ');
    await user.click(within(card()).getByRole('combobox', { name: 'Role' }));
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual(['Editor', 'Author']);
    await user.click(screen.getByRole('option', { name: 'Editor' }));
    await user.click(add);
    expect(client.put).toHaveBeenCalledWith('/scim/settings', {
      appRoleMappings: [
        { value: 'Reviewer', roleId: 3 },
        { value: 'Content.Editor', roleId: 2 },
      ],
    });
    await waitFor(() =>
      expect(mappingRows()).toEqual([
        ['Reviewer', 'Author'],
        ['Content.Editor', 'Editor'],
      ]),
    );
    expect(within(card()).getByRole('textbox', { name: 'App role value' })).toHaveValue('');

    await user.click(within(card()).getByRole('button', { name: 'Remove Reviewer → Author' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove this mapping?' });
    expect(dialog).toHaveTextContent('the users assigned the app role Reviewer lose the role Author at once');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(client.put).toHaveBeenLastCalledWith('/scim/settings', {
      appRoleMappings: [{ value: 'Content.Editor', roleId: 2 }],
    });
    await waitFor(() => expect(mappingRows()).toEqual([['Content.Editor', 'Editor']]));
  });

  it('gives a read-only admin disabled controls', async () => {
    setUpFakeAdmin({
      canUpdate: false,
      settings: { appRoleMatch: 'table', appRoleMappings: [{ value: 'Reviewer', roleId: 3 }] },
    });
    renderPage();
    await screen.findByText('Reviewer');
    expect(within(card()).getByRole('combobox', { name: 'Match app roles' })).toHaveAttribute('aria-disabled', 'true');
    expect(within(card()).getByRole('textbox', { name: 'App role value' })).toBeDisabled();
    expect(within(card()).getByRole('button', { name: 'Add mapping' })).toBeDisabled();
    expect(within(card()).getByRole('button', { name: 'Remove Reviewer → Author' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });
});

describe('Attribute mappings card', () => {
  it('lists the configured mappings read-only', async () => {
    setUpFakeAdmin({
      settings: {
        attributeMappings: [
          { path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', field: 'department' },
        ],
      },
    });
    renderPage();
    const mappings = await screen.findByRole('region', { name: 'Attribute mappings' });
    expect(tableRows(mappings)).toEqual([
      ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', 'department'],
    ]);
    expect(within(mappings).queryByRole('button')).not.toBeInTheDocument();
  });
});
