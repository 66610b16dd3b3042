import { DatePicker, Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { EXPIRY_PRESETS, tomorrow, type ExpiryChoice, type ExpiryPreset } from './secretExpiry';

interface ExpiryFieldProps {
  value: ExpiryChoice;
  onChange: (next: ExpiryChoice) => void;
}

/** When a new secret stops working: a preset, or a day picked in the calendar. */
export const ExpiryField = ({ value, onChange }: ExpiryFieldProps) => {
  const { formatMessage } = useIntl();
  const presetLabel = (preset: ExpiryPreset) => {
    if (preset === 'never')
      return formatMessage({ id: getTranslation('secrets.expiry.never'), defaultMessage: 'Never' });
    if (preset === 'date')
      return formatMessage({ id: getTranslation('secrets.expiry.date'), defaultMessage: 'On a date…' });
    return formatMessage(
      { id: getTranslation('secrets.expiry.days'), defaultMessage: '{days} days' },
      { days: preset },
    );
  };
  const hint = formatMessage({
    id: getTranslation('secrets.add.expiresHint'),
    defaultMessage: 'The secret works through the last day, then the endpoint refuses it.',
  });

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root name="expiry" hint={hint}>
        <Field.Label>
          {formatMessage({ id: getTranslation('secrets.add.expires'), defaultMessage: 'Expires' })}
        </Field.Label>
        <SingleSelect value={value.preset} onChange={(next) => onChange({ preset: String(next) as ExpiryPreset })}>
          {EXPIRY_PRESETS.map((preset) => (
            <SingleSelectOption key={preset} value={preset}>
              {presetLabel(preset)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Hint />
      </Field.Root>
      {value.preset === 'date' ? (
        <Field.Root name="expiresOn">
          <Field.Label>
            {formatMessage({ id: getTranslation('secrets.add.expiresOn'), defaultMessage: 'Expires on' })}
          </Field.Label>
          <DatePicker
            value={value.day}
            onChange={(day) => onChange({ preset: 'date', day })}
            onClear={() => onChange({ preset: 'date' })}
            clearLabel={formatMessage({ id: getTranslation('secrets.add.expiresClear'), defaultMessage: 'Clear' })}
            minDate={tomorrow()}
          />
        </Field.Root>
      ) : null}
    </Flex>
  );
};
