/** fast-check generators of filter trees, for the property tests. */
import fc from 'fast-check';
import {
  COMPARISON_OPERATORS,
  type AttributePath,
  type ComparisonOperator,
  type Filter,
  type LiteralValue,
} from '../../../../server/src/scim/filter';

const KEYWORD_NAMES = ['and', 'or', 'not', 'pr', 'eq', 'true', 'null', 'value', 'type', '$ref'];

export const attributeNameArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/) },
  { weight: 1, arbitrary: fc.constantFrom(...KEYWORD_NAMES) },
);

const urnArbitrary = fc.constantFrom(
  'urn:ietf:params:scim:schemas:core:2.0:User',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  'urn:example:x-1',
);

export const attributePathArbitrary: fc.Arbitrary<AttributePath> = fc
  .record(
    { urn: urnArbitrary, attribute: attributeNameArbitrary, subAttribute: attributeNameArbitrary },
    { requiredKeys: ['attribute'], noNullPrototype: true },
  )
  .map((path) => path as AttributePath);

const simplePathArbitrary: fc.Arbitrary<AttributePath> = attributeNameArbitrary.map((attribute) => ({ attribute }));

/** Any UTF-16 code unit, lone surrogates and control characters included. */
const codeUnitString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 12,
});

export const literalArbitrary: fc.Arbitrary<LiteralValue> = fc.oneof(
  fc.string({ maxLength: 12 }),
  codeUnitString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

const comparisonOperatorArbitrary = fc.constantFrom<ComparisonOperator>(...COMPARISON_OPERATORS);

const attributeExpression = (pathArbitrary: fc.Arbitrary<AttributePath>): fc.Arbitrary<Filter> =>
  fc.oneof(
    fc.record(
      { op: comparisonOperatorArbitrary, path: pathArbitrary, value: literalArbitrary },
      { noNullPrototype: true },
    ),
    pathArbitrary.map((path): Filter => ({ op: 'pr', path })),
  );

/** Trees of and/or/not over attribute expressions, with value paths only at the outer level. */
const logicTree = (leaf: fc.Arbitrary<Filter>, depth: number): fc.Arbitrary<Filter> =>
  fc.letrec<{ node: Filter }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: depth },
      leaf,
      fc.record(
        { op: fc.constantFrom<'and' | 'or'>('and', 'or'), left: tie('node'), right: tie('node') },
        { noNullPrototype: true },
      ),
      fc.record({ op: fc.constant<'not'>('not'), filter: tie('node') }, { noNullPrototype: true }),
    ),
  })).node;

export const filterArbitrary: fc.Arbitrary<Filter> = logicTree(
  fc.oneof(
    { weight: 4, arbitrary: attributeExpression(attributePathArbitrary) },
    {
      weight: 1,
      arbitrary: fc.record(
        {
          op: fc.constant<'valuePath'>('valuePath'),
          path: fc
            .record(
              { urn: urnArbitrary, attribute: attributeNameArbitrary },
              { requiredKeys: ['attribute'], noNullPrototype: true },
            )
            .map((path) => path as AttributePath),
          filter: logicTree(attributeExpression(simplePathArbitrary), 3),
        },
        { noNullPrototype: true },
      ),
    },
  ),
  5,
);
