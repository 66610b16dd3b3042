import { ScimError, type ScimType } from '../errors';

/**
 * A 400 for text that does not follow the filter or PATCH path grammar. `position` is the 0-based
 * offset of the offending character, the same number the detail shows ("at position 12").
 */
export class FilterSyntaxError extends ScimError {
  readonly position: number;

  constructor(scimType: Extract<ScimType, 'invalidFilter' | 'invalidPath'>, position: number, message: string) {
    super(400, `${message} at position ${position}`, scimType);
    this.name = 'FilterSyntaxError';
    this.position = position;
  }
}

export const invalidFilter = (detail: string): ScimError => ScimError.badRequest('invalidFilter', detail);
