import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { EndpointValue } from './EndpointValue';
import { GuideStep, GuideSteps } from './GuideStep';
import type { IdpGuideContent, StepBlock } from './guideContent';
import { InlineCopyValue } from './InlineCopyValue';
import { StepText } from './StepText';

const Block = ({ block, endpointUrl }: { block: StepBlock; endpointUrl: string | null }) => {
  const { formatMessage } = useIntl();
  switch (block.kind) {
    case 'text':
      return <StepText id={block.id} defaultMessage={block.defaultMessage} />;
    case 'endpoint':
      return <EndpointValue endpointUrl={endpointUrl} suffix={block.suffix} />;
    case 'copy':
      return (
        <InlineCopyValue
          value={block.value}
          copyLabel={formatMessage(
            { id: getTranslation('guide.endpoint.copy'), defaultMessage: 'Copy {value}' },
            { value: block.value },
          )}
        />
      );
  }
};

/** One identity provider's guide: its numbered steps, then its common errors with their fixes. */
export const IdpGuide = ({ guide, endpointUrl }: { guide: IdpGuideContent; endpointUrl: string | null }) => {
  const { formatMessage } = useIntl();
  const t = (message: { id: string; defaultMessage: string }) =>
    formatMessage({ id: getTranslation(message.id), defaultMessage: message.defaultMessage });

  return (
    <Flex direction="column" alignItems="stretch" gap={8}>
      <GuideSteps>
        {guide.steps.map((step, index) => (
          <GuideStep key={step.title.id} number={index + 1} title={t(step.title)}>
            {step.blocks.map((block, blockIndex) => (
              <Block key={blockIndex} block={block} endpointUrl={endpointUrl} />
            ))}
          </GuideStep>
        ))}
      </GuideSteps>
      <Flex tag="section" direction="column" alignItems="stretch" gap={3} aria-labelledby="scim-guide-errors">
        <Typography variant="delta" tag="h3" id="scim-guide-errors">
          {t({ id: 'guide.errors.title', defaultMessage: 'Common errors and their fixes' })}
        </Typography>
        <Flex tag="dl" direction="column" alignItems="stretch" gap={3}>
          {guide.errors.map((entry) => (
            <Flex key={entry.problem.id} direction="column" alignItems="stretch" gap={1}>
              <Typography tag="dt" fontWeight="semiBold">
                {t(entry.problem)}
              </Typography>
              <Flex tag="dd" margin={0}>
                <StepText id={entry.fix.id} defaultMessage={entry.fix.defaultMessage} />
              </Flex>
            </Flex>
          ))}
        </Flex>
      </Flex>
    </Flex>
  );
};
