import { useAuth } from '@strapi/strapi/admin';
import { screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import ActivityPage from '../../admin/src/pages/ActivityPage';
import GeneralPage from '../../admin/src/pages/GeneralPage';
import { renderWithProviders } from './support/render';
import { setUpFakeActivity } from './support/fake-activity-api';
import { setUpFakeAdmin } from './support/fake-admin-api';

jest.mock('@strapi/strapi/admin', () =>
  jest.requireActual<typeof import('./support/strapi-admin-mock')>('./support/strapi-admin-mock'),
);

const NO_PERMISSIONS = "You don't have the permissions to access that content";

/**
 * Renders `Page` while Strapi's auth state is still loading (no permissions yet) and returns a function that lets
 * the permissions arrive and renders the page again, as the real `useAuth` context would.
 */
const renderWhilePermissionsInFlight = (Page: ComponentType, route?: string) => {
  const arrived = (useAuth as jest.Mock).getMockImplementation();
  const pending = { isLoading: true, permissions: [] };
  (useAuth as jest.Mock).mockImplementation((_consumer: string, select: (value: typeof pending) => unknown) =>
    select(pending),
  );
  const { rerender } = renderWithProviders(<Page />, route ? { route } : undefined);
  return () => {
    (useAuth as jest.Mock).mockImplementation(arrived);
    rerender(<Page />);
  };
};

describe('Permissions that arrive after the page mounted (a reload under load)', () => {
  it('shows the General page once they arrive, not "no permissions"', async () => {
    setUpFakeAdmin();
    const arrive = renderWhilePermissionsInFlight(GeneralPage);
    expect(screen.getByText('Loading content.')).toBeInTheDocument();

    arrive();
    expect(await screen.findByLabelText('Endpoint URL')).toBeInTheDocument();
    expect(screen.queryByText(NO_PERMISSIONS)).not.toBeInTheDocument();
  });

  it('shows the Activity page once they arrive', async () => {
    setUpFakeActivity();
    const arrive = renderWhilePermissionsInFlight(ActivityPage, '/settings/scim/activity');
    expect(screen.getByText('Loading content.')).toBeInTheDocument();

    arrive();
    expect(await screen.findByRole('heading', { name: 'Activity' })).toBeInTheDocument();
    expect(screen.queryByText(NO_PERMISSIONS)).not.toBeInTheDocument();
  });
});
