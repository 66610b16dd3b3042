/** The part of autocannon 8's API the load client uses (the package ships no types; @types/autocannon is not installed). */
declare module 'autocannon' {
  namespace autocannon {
    interface Result {
      errors: number;
      timeouts: number;
      [key: string]: unknown;
    }
    interface Instance {
      on(
        event: 'response',
        listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void,
      ): void;
      stop(): void;
    }
  }
  function autocannon(
    options: Record<string, unknown>,
    callback: (error: Error | null, result: autocannon.Result) => void,
  ): autocannon.Instance;
  export = autocannon;
}
