import { Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { ArrowClockwise, Earth } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useConnectionTest } from '../../hooks/useConnectionTest';
import { getTranslation } from '../../utils/getTranslation';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { CopyButton } from '../common/CopyButton';
import { SectionCard } from '../common/SectionCard';
import { WithDisabledReason } from '../common/WithDisabledReason';
import { ConnectionTestResult } from '../endpoint/ConnectionTestResult';
import { EndpointWarning } from '../endpoint/EndpointWarning';

interface EndpointCardProps {
  endpointUrl: string | null;
  disabledReason?: string;
  onRegenerate: () => Promise<boolean>;
}

/** The endpoint URL to give the identity provider, with copy and (confirmed) regenerate. */
export const EndpointCard = ({ endpointUrl, disabledReason, onRegenerate }: EndpointCardProps) => {
  const { formatMessage } = useIntl();
  const [confirmOpen, setConfirmOpen] = useState(false);
  const connectionTest = useConnectionTest();
  const title = formatMessage({ id: getTranslation('endpoint.title'), defaultMessage: 'SCIM endpoint' });

  return (
    <SectionCard
      title={title}
      description={formatMessage({
        id: getTranslation('endpoint.description'),
        defaultMessage:
          'The URL your identity provider sends its requests to: the Tenant URL in Microsoft Entra ID, the SCIM connector base URL in Okta.',
      })}
    >
      {endpointUrl ? (
        <Flex gap={2} alignItems="flex-end">
          <Field.Root name="endpointUrl" flex={1}>
            <Field.Label>
              {formatMessage({ id: getTranslation('endpoint.label'), defaultMessage: 'Endpoint URL' })}
            </Field.Label>
            <TextInput value={endpointUrl} readOnly onFocus={(event) => event.currentTarget.select()} />
          </Field.Root>
          <CopyButton
            value={endpointUrl}
            label={formatMessage({ id: getTranslation('endpoint.copy'), defaultMessage: 'Copy the endpoint URL' })}
          />
          <WithDisabledReason reason={disabledReason}>
            <Button
              variant="tertiary"
              startIcon={<ArrowClockwise />}
              disabled={Boolean(disabledReason)}
              onClick={() => setConfirmOpen(true)}
            >
              {formatMessage({ id: getTranslation('endpoint.regenerate'), defaultMessage: 'Regenerate' })}
            </Button>
          </WithDisabledReason>
          <Button
            variant="secondary"
            startIcon={<Earth />}
            loading={connectionTest.running}
            onClick={() => void connectionTest.run()}
          >
            {formatMessage({ id: getTranslation('endpoint.test'), defaultMessage: 'Test connection' })}
          </Button>
        </Flex>
      ) : (
        <Typography textColor="neutral600">
          {formatMessage({
            id: getTranslation('endpoint.none'),
            defaultMessage: 'No endpoint yet: enable provisioning to generate the endpoint URL.',
          })}
        </Typography>
      )}
      {connectionTest.result ? <ConnectionTestResult result={connectionTest.result} /> : null}
      {endpointUrl ? <EndpointWarning endpointUrl={endpointUrl} /> : null}
      <ConfirmDialog
        open={confirmOpen}
        onOpenChange={setConfirmOpen}
        title={formatMessage({
          id: getTranslation('endpoint.regenerate.title'),
          defaultMessage: 'Regenerate the endpoint URL?',
        })}
        confirmLabel={formatMessage({ id: getTranslation('endpoint.regenerate'), defaultMessage: 'Regenerate' })}
        onConfirm={onRegenerate}
      >
        {formatMessage({
          id: getTranslation('endpoint.regenerate.body'),
          defaultMessage:
            'The current URL stops working at once. Until you enter the new URL in your identity provider, its requests will fail.',
        })}
      </ConfirmDialog>
    </SectionCard>
  );
};
