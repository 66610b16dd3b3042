/** The value, or a failure naming what was missing: for values a test knows are there but types cannot prove. */
export const required = <T>(value: T | null | undefined, what: string): T => {
  if (value === null || value === undefined) throw new Error(`Expected ${what}, found ${String(value)}`);
  return value;
};
