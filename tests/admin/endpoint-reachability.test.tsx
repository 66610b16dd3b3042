import { screen } from '@testing-library/react';
import GeneralPage from '../../admin/src/pages/GeneralPage';
import { renderWithProviders } from './support/render';
import { setUpFakeAdmin } from './support/fake-admin-api';

jest.mock('@strapi/strapi/admin', () =>
  jest.requireActual<typeof import('./support/strapi-admin-mock')>('./support/strapi-admin-mock'),
);

const PATH = '/api/scim/v2/0b7f3c1e-1111-4222-8333-944455556666';
const WARNING = 'Identity providers may not reach this URL.';

const renderPage = async () => {
  const rendered = renderWithProviders(<GeneralPage />);
  await screen.findByLabelText('Endpoint URL', {}, { timeout: 5000 });
  return rendered;
};

describe('endpoint reachability', () => {
  it('warns about an http localhost endpoint and names the fix', async () => {
    setUpFakeAdmin({ settings: { endpointUrl: `http://localhost:1337${PATH}` } });
    await renderPage();
    expect(screen.getByText(WARNING)).toBeInTheDocument();
    expect(
      screen.getByText(/It uses http: Microsoft Entra ID and Okta only call https endpoints\./),
    ).toBeInTheDocument();
    expect(screen.getByText(/localhost is this computer/)).toBeInTheDocument();
    expect(screen.getByText(/set url in config\/server\.ts to the public https address/)).toBeInTheDocument();
  });

  it('warns about a private IPv6 address', async () => {
    setUpFakeAdmin({ settings: { endpointUrl: `https://[fd00::5]${PATH}` } });
    await renderPage();
    expect(screen.getByText(/\[fd00::5\] is a private address/)).toBeInTheDocument();
  });

  it('does not warn about a public https endpoint', async () => {
    setUpFakeAdmin({ settings: { endpointUrl: `https://cms.example.com${PATH}` } });
    await renderPage();
    expect(screen.queryByText(WARNING)).not.toBeInTheDocument();
  });

  it('runs the connection test on the server and says what an identity provider would see', async () => {
    const { client } = setUpFakeAdmin({
      settings: { endpointUrl: `https://cms.example.com${PATH}` },
      connectionTest: {
        outcome: 'tls-error',
        url: `https://cms.example.com${PATH}/ServiceProviderConfig`,
        status: null,
        detail: 'CERT_HAS_EXPIRED',
        durationMs: 120,
      },
    });
    const { user } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText(/^TLS error/)).toHaveTextContent(
      'TLS error (CERT_HAS_EXPIRED): the certificate is invalid, expired or self-signed',
    );
    // No URL in the request: the server only ever calls its own configured endpoint.
    expect(client.post).toHaveBeenCalledWith('/scim/settings/test-connection');
  });

  it('reports a reachable endpoint', async () => {
    setUpFakeAdmin({
      settings: { endpointUrl: `https://cms.example.com${PATH}` },
      connectionTest: { outcome: 'reachable', url: null, status: 401, detail: null, durationMs: 40 },
    });
    const { user } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText(/^Reachable:/)).toHaveTextContent('Reachable: the endpoint answered 401');
  });
});
