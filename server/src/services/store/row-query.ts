/**
 * strapi.db.query(uid) as a repository reads it: Strapi types every row it returns as `any`, so each repository
 * states once which row its table holds. Counts are `number | string`: PostgreSQL's driver returns count(*) and
 * affected-row counts as strings, so a caller converts them with Number().
 */
type Params = Record<string, unknown>;

export interface CountResult {
  count: number | string;
  /** createMany: the ids of the rows inserted, in order. */
  ids?: (number | string)[];
}

export interface RowQuery<Row> {
  findOne(params: Params): Promise<Row | null>;
  findMany(params: Params): Promise<Row[]>;
  count(params?: Params): Promise<number | string>;
  create(params: Params): Promise<Row>;
  createMany(params: Params): Promise<CountResult>;
  update(params: Params): Promise<Row | null>;
  /** Typed as possibly absent, as the callers have always treated it. */
  updateMany(params: Params): Promise<CountResult | null | undefined>;
  delete(params: Params): Promise<Row | null>;
  deleteMany(params?: Params): Promise<CountResult>;
}
