import { useFetchClient } from '@strapi/strapi/admin';
import { screen, within } from '@testing-library/react';
import { DefaultRoleCard } from '../../admin/src/components/general/DefaultRoleCard';
import { ProductionModeCard } from '../../admin/src/components/general/ProductionModeCard';
import type { ProductionJobResponse } from '../../server/src/contracts';
import { ROLES } from './support/fake-admin-api';
import { renderWithProviders } from './support/render';

jest.mock('@strapi/strapi/admin', () =>
  jest.requireActual<typeof import('./support/strapi-admin-mock')>('./support/strapi-admin-mock'),
);

const job = (overrides: Partial<ProductionJobResponse>): ProductionJobResponse => ({
  id: 4,
  kind: 'production-switch',
  status: 'running',
  requestedBy: 'admin@example.com',
  total: 250,
  processed: 100,
  applied: 100,
  notApplied: 0,
  notAppliedUsers: [],
  createdAt: '2025-03-01T12:00:00.000Z',
  startedAt: '2025-03-01T12:00:01.000Z',
  finishedAt: null,
  ...overrides,
});

const serveJobs = (...answers: ProductionJobResponse[]) => {
  const get = jest.fn();
  for (const answer of answers) get.mockResolvedValueOnce({ data: { data: answer } });
  jest.mocked(useFetchClient).mockReturnValue({ get } as unknown as ReturnType<typeof useFetchClient>);
  return get;
};

describe('ProductionModeCard', () => {
  it('names how many users and groups will be applied when a count is passed', async () => {
    serveJobs();
    const onChange = jest.fn().mockResolvedValue(true);
    const { user } = renderWithProviders(
      <ProductionModeCard productionMode={false} onChange={onChange} provisioned={{ users: 12, groups: 1 }} />,
    );

    await user.click(screen.getByRole('checkbox', { name: 'Production mode' }));
    expect(await screen.findByRole('alertdialog')).toHaveTextContent(
      '12 provisioned users and 1 group will be applied to Strapi',
    );
    expect(onChange).not.toHaveBeenCalled();
  });

  it('polls a running job and then shows its result, with each user not applied and why', async () => {
    const reason = 'A Strapi admin user with the email taken@example.com already exists and was not created by SCIM';
    const get = serveJobs(
      job({ processed: 200, applied: 199, notApplied: 1 }),
      job({
        status: 'finished',
        processed: 250,
        applied: 249,
        notApplied: 1,
        notAppliedUsers: [{ id: 'u-1', userName: 'taken@example.com', reason }],
        finishedAt: '2025-03-01T12:00:09.000Z',
      }),
    );
    renderWithProviders(<ProductionModeCard productionMode onChange={jest.fn()} job={job({})} />);

    expect(screen.getByText('Applying users to Strapi: 100 of 250')).toBeVisible();
    expect(await screen.findByText('Applying users to Strapi: 200 of 250', {}, { timeout: 3_000 })).toBeVisible();
    expect(await screen.findByText('Done: 249 applied, 1 not applied', {}, { timeout: 3_000 })).toBeVisible();
    const list = screen.getByRole('list', { name: 'Users not applied' });
    expect(within(list).getByRole('listitem')).toHaveTextContent(`taken@example.com: ${reason}`);
    expect(get).toHaveBeenCalledWith('/scim/production-jobs/latest');
    // A finished job is not polled again.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(get).toHaveBeenCalledTimes(2);
  }, 10_000);

  it('links a job to its entries on the Activity page', () => {
    serveJobs();
    renderWithProviders(
      <ProductionModeCard productionMode onChange={jest.fn()} job={job({ id: 12, status: 'finished' })} />,
    );
    expect(screen.getByRole('link', { name: 'Show this job in Activity' })).toHaveAttribute(
      'href',
      '/settings/scim/activity?search=job-12',
    );
  });

  it('shows the server state of the toggle, whatever the job', () => {
    serveJobs();
    renderWithProviders(
      <ProductionModeCard productionMode onChange={jest.fn()} job={job({ status: 'cancelled', notApplied: 0 })} />,
    );
    expect(screen.getByRole('checkbox', { name: 'Production mode' })).toBeChecked();
    expect(screen.getByText(/^Stopped when production mode was switched off/)).toBeVisible();
  });
});

describe('DefaultRoleCard', () => {
  it('asks before a change in production mode, naming how many users it touches and that it runs as a job', async () => {
    const onChange = jest.fn().mockResolvedValue(true);
    const { user } = renderWithProviders(
      <DefaultRoleCard
        roles={ROLES}
        defaultRoleId={3}
        onChange={onChange}
        appliedUsers={240}
        productionMode
        jobThreshold={100}
      />,
    );
    await user.click(screen.getByRole('combobox', { name: 'Default user role' }));
    await user.click(await screen.findByRole('option', { name: 'Editor' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('The roles of 240 users applied to Strapi will be recomputed with Editor');
    expect(dialog).toHaveTextContent('This runs in the background');
    expect(onChange).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));
    expect(onChange).toHaveBeenCalledWith(2);
  });

  it('changes at once in test mode, where no Strapi user is touched', async () => {
    const onChange = jest.fn().mockResolvedValue(true);
    const { user } = renderWithProviders(
      <DefaultRoleCard roles={ROLES} defaultRoleId={3} onChange={onChange} appliedUsers={240} productionMode={false} />,
    );
    await user.click(screen.getByRole('combobox', { name: 'Default user role' }));
    await user.click(await screen.findByRole('option', { name: 'Editor' }));
    expect(onChange).toHaveBeenCalledWith(2);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
