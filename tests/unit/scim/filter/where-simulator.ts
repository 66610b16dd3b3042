/**
 * A test-only model of how SQL runs a compiled where-object: three-valued logic (NULL is "unknown"),
 * one LEFT JOIN per relation key occurrence (an all-NULL row when there are no children), and a row
 * selected when some combination of joined rows makes the WHERE true (Strapi selects DISTINCT).
 */
import type { ColumnCondition, WhereClause } from '../../../../server/src/scim/filter';
import { required } from '../../../integration/support/required';

export interface SimulatedRow {
  columns: Record<string, unknown>;
  relations: Record<string, SimulatedRow[]>;
}

type Truth = boolean | null;
const NULL_ROW: SimulatedRow = { columns: {}, relations: {} };

const and3 = (values: Truth[]): Truth => (values.includes(false) ? false : values.includes(null) ? null : true);
const or3 = (values: Truth[]): Truth => (values.includes(true) ? true : values.includes(null) ? null : false);
const not3 = (value: Truth): Truth => (value === null ? null : !value);

function applyOperator(operator: string, column: unknown, operand: unknown): Truth {
  const isNull = column === null || column === undefined;
  switch (operator) {
    case '$null':
      return isNull === Boolean(operand);
    case '$notNull':
      return isNull !== Boolean(operand);
  }
  if (isNull) return null;
  const value = column as string | number | boolean;
  switch (operator) {
    case '$eq':
      return value === operand;
    case '$ne':
      return value !== operand;
    case '$gt':
      return value > (operand as typeof value);
    case '$gte':
      return value >= (operand as typeof value);
    case '$lt':
      return value < (operand as typeof value);
    case '$lte':
      return value <= (operand as typeof value);
    case '$contains':
      return String(value).includes(String(operand));
    case '$startsWith':
      return String(value).startsWith(String(operand));
    case '$endsWith':
      return String(value).endsWith(String(operand));
    case '$in':
      return (operand as unknown[]).includes(value);
    default:
      throw new Error(`The simulator does not know ${operator}`);
  }
}

export function selectsRow(where: WhereClause, row: SimulatedRow, relationNames: ReadonlySet<string>): boolean {
  // Each relation key object is one join; find them all, then try every combination of joined rows.
  const joins: { clause: WhereClause; relation: string }[] = [];
  const collectJoins = (clause: WhereClause): void => {
    for (const [key, value] of Object.entries(clause)) {
      if (key === '$and' || key === '$or') (value as WhereClause[]).forEach(collectJoins);
      else if (key === '$not') collectJoins(value as WhereClause);
      else if (relationNames.has(key)) joins.push({ clause: value as WhereClause, relation: key });
    }
  };
  collectJoins(where);
  if (joins.some(({ clause }) => Object.keys(clause).some((key) => relationNames.has(key)))) {
    throw new Error('The simulator handles one level of relation');
  }

  const evaluate = (clause: WhereClause, current: SimulatedRow, assignment: Map<WhereClause, SimulatedRow>): Truth =>
    and3(
      Object.entries(clause).map(([key, value]): Truth => {
        if (key === '$and') return and3((value as WhereClause[]).map((sub) => evaluate(sub, current, assignment)));
        if (key === '$or') return or3((value as WhereClause[]).map((sub) => evaluate(sub, current, assignment)));
        if (key === '$not') return not3(evaluate(value as WhereClause, current, assignment));
        if (relationNames.has(key))
          return evaluate(
            value as WhereClause,
            required(assignment.get(value as WhereClause), `a row for '${key}'`),
            assignment,
          );
        return and3(
          Object.entries(value as ColumnCondition).map(([operator, operand]) =>
            applyOperator(operator, current.columns[key], operand),
          ),
        );
      }),
    );

  const choose = (index: number, assignment: Map<WhereClause, SimulatedRow>): boolean => {
    if (index === joins.length) return evaluate(where, row, assignment) === true;
    const { clause, relation } = joins[index];
    const children = row.relations[relation] ?? [];
    return (children.length === 0 ? [NULL_ROW] : children).some((child) =>
      choose(index + 1, new Map(assignment).set(clause, child)),
    );
  };
  return choose(0, new Map());
}
