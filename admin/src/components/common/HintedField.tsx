import { Field } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** A form field with its label above the input and its hint below. */
export const HintedField = ({
  name,
  label,
  hint,
  children,
}: {
  name: string;
  label: string;
  hint: string;
  children: ReactNode;
}) => (
  <Field.Root name={name} hint={hint}>
    <Field.Label>{label}</Field.Label>
    {children}
    <Field.Hint />
  </Field.Root>
);
