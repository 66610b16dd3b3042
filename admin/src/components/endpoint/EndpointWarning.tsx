import { useIntl } from 'react-intl';
import { endpointIssues, type EndpointIssue } from '../../utils/endpointReachability';
import { getTranslation } from '../../utils/getTranslation';
import { Notice } from '../common/Notice';

const ISSUE_MESSAGES: Record<EndpointIssue, { id: string; defaultMessage: string }> = {
  http: {
    id: 'endpoint.warning.http',
    defaultMessage: 'It uses http: Microsoft Entra ID and Okta only call https endpoints.',
  },
  localhost: {
    id: 'endpoint.warning.localhost',
    defaultMessage: '{host} is this computer: an identity provider in the cloud cannot reach it.',
  },
  'internal-name': {
    id: 'endpoint.warning.internalName',
    defaultMessage: '{host} is a name only your network knows: an identity provider in the cloud cannot resolve it.',
  },
  loopback: {
    id: 'endpoint.warning.loopback',
    defaultMessage: '{host} is a loopback address: an identity provider in the cloud cannot reach it.',
  },
  private: {
    id: 'endpoint.warning.private',
    defaultMessage: '{host} is a private address: an identity provider in the cloud cannot reach it.',
  },
  'link-local': {
    id: 'endpoint.warning.linkLocal',
    defaultMessage: '{host} is a link-local address: an identity provider in the cloud cannot reach it.',
  },
};

/** Warns when the endpoint URL cannot work for a cloud identity provider, and names the fix. */
export const EndpointWarning = ({ endpointUrl }: { endpointUrl: string }) => {
  const { formatMessage } = useIntl();
  const issues = endpointIssues(endpointUrl);
  if (issues.length === 0) return null;
  const host = new URL(endpointUrl).hostname;
  return (
    <Notice
      variant="warning"
      title={{ id: 'endpoint.warning.title', defaultMessage: 'Identity providers may not reach this URL.' }}
    >
      {issues
        .map((issue) =>
          formatMessage({ ...ISSUE_MESSAGES[issue], id: getTranslation(ISSUE_MESSAGES[issue].id) }, { host }),
        )
        .join(' ')}{' '}
      {formatMessage({
        id: getTranslation('endpoint.warning.fix'),
        defaultMessage:
          'Fix: set url in config/server.ts to the public https address of this app (for example https://cms.example.com), served by a reverse proxy that terminates TLS, and restart Strapi.',
      })}
    </Notice>
  );
};
