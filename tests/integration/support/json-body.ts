/**
 * A JSON body the suites build and read by path (`res.json.Resources[0].id`): the assertion that reads a path is
 * what checks it, so eslint.config.mjs lets these suites use it untyped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one declaration of the suites' untyped JSON
export type JsonBody = any;
