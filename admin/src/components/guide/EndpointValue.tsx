import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { InlineCopyValue } from './InlineCopyValue';
import { StepText } from './StepText';

interface EndpointValueProps {
  endpointUrl: string | null;
  /** Appended to the URL, e.g. Entra ID's `?aadOptscim062020` feature flag. */
  suffix?: string;
}

/** The live endpoint URL with a copy button, or how to get one when provisioning was never enabled. */
export const EndpointValue = ({ endpointUrl, suffix = '' }: EndpointValueProps) => {
  const { formatMessage } = useIntl();
  if (!endpointUrl) {
    return (
      <StepText
        id="guide.endpoint.none"
        defaultMessage="No endpoint yet: enable provisioning on <generalPage>the General page</generalPage> to get its URL."
      />
    );
  }
  return (
    <InlineCopyValue
      value={`${endpointUrl}${suffix}`}
      copyLabel={formatMessage(
        { id: getTranslation('guide.endpoint.copy'), defaultMessage: 'Copy {value}' },
        { value: `${endpointUrl}${suffix}` },
      )}
    />
  );
};
