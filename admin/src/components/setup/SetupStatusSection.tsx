import { Flex } from '@strapi/design-system';
import { useSetupStatus } from '../../hooks/useSetupStatus';
import { NotAppliedBanner } from './NotAppliedBanner';
import { SetupChecklist } from './SetupChecklist';

/**
 * The General page's top: the test-mode banner and the setup checklist, loaded again whenever `version` (the
 * settings) or `secretsVersion` (bumped by each secret change) changes. Nothing is shown until the status is in, nor when it cannot be read: the page works without.
 */
export const SetupStatusSection = ({ version, secretsVersion }: { version: unknown; secretsVersion: number }) => {
  const { data: status } = useSetupStatus(version, secretsVersion);
  if (!status) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} paddingBottom={6}>
      {status.mode === 'test' ? <NotAppliedBanner notApplied={status.notApplied} /> : null}
      <SetupChecklist status={status} />
    </Flex>
  );
};
