export { validateResource, validateUser, validateGroup, validateAttributeValue } from './validate';
export type { ValidateOptions, ValidatedResource, ScimResource } from './validate';
