import { Notice } from '../common/Notice';

/** Says, once at the top of the page, which of the admin's permissions are missing and what that disables. */
export const ReadOnlyNotice = ({ reasons }: { reasons: string[] }) => {
  if (reasons.length === 0) return null;
  return (
    <Notice variant="default" title={{ id: 'readOnly.title', defaultMessage: 'Some settings are read-only for you.' }}>
      {reasons.join(' ')}
    </Notice>
  );
};
