import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ConnectionTestResponse } from '../../types';
import { getTranslation } from '../../utils/getTranslation';

type Outcome = ConnectionTestResponse['outcome'];

const OUTCOME_MESSAGES: Record<Outcome, { id: string; defaultMessage: string }> = {
  reachable: {
    id: 'endpoint.test.reachable',
    defaultMessage:
      'Reachable: the endpoint answered 401 without a secret, as expected. With the secret, an identity provider gets in.',
  },
  disabled: {
    id: 'endpoint.test.disabled',
    defaultMessage: 'Reachable, but provisioning is disabled (503): enable it before the identity provider calls.',
  },
  'no-endpoint': {
    id: 'endpoint.test.noEndpoint',
    defaultMessage: 'No endpoint yet: enable provisioning first.',
  },
  'no-public-url': {
    id: 'endpoint.test.noPublicUrl',
    defaultMessage:
      "Not tested: url is not set in config/server.ts, so the URL shown comes from your browser's address. Set url to the public address of this app to test it.",
  },
  'dns-failure': {
    id: 'endpoint.test.dnsFailure',
    defaultMessage: 'DNS failure ({detail}): the host name does not resolve. Check the name and its DNS record.',
  },
  refused: {
    id: 'endpoint.test.refused',
    defaultMessage: 'Connection refused: nothing listens at this address and port. Check the port and the proxy.',
  },
  'tls-error': {
    id: 'endpoint.test.tlsError',
    defaultMessage:
      'TLS error ({detail}): the certificate is invalid, expired or self-signed, or the port does not speak https. Identity providers refuse it.',
  },
  timeout: {
    id: 'endpoint.test.timeout',
    defaultMessage: 'Timeout: no answer within 5 seconds. A firewall may drop the requests.',
  },
  redirect: {
    id: 'endpoint.test.redirect',
    defaultMessage:
      'Redirected (HTTP {status}) to {detail}: identity providers do not follow redirects. Give them the final URL.',
  },
  'not-found': {
    id: 'endpoint.test.notFound',
    defaultMessage:
      'Not found (404): the server answered, but not with this endpoint. Check the proxy forwards the path unchanged.',
  },
  'unexpected-answer': {
    id: 'endpoint.test.unexpected',
    defaultMessage:
      'Wrong answer (HTTP {status}): something other than this plugin answered, for example a proxy or another app.',
  },
  'network-error': {
    id: 'endpoint.test.networkError',
    defaultMessage: 'Network error ({detail}).',
  },
};

/** What the last connection test saw, as an identity provider would. */
export const ConnectionTestResult = ({ result }: { result: ConnectionTestResponse }) => {
  const { formatMessage } = useIntl();
  const message = OUTCOME_MESSAGES[result.outcome];
  const good = result.outcome === 'reachable';
  return (
    <Typography role="status" textColor={good ? 'success600' : 'danger600'}>
      {formatMessage(
        { ...message, id: getTranslation(message.id) },
        { status: result.status ?? '', detail: result.detail ?? '' },
      )}
    </Typography>
  );
};
