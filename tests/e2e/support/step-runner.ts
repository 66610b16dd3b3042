/** Runs named steps in order, records each outcome and stops at the first failure (later steps depend on it). */
export const createStepRunner = () => {
  let passed = 0;
  let failed = 0;
  let stopped = false;

  const step = async (name: string, run: () => Promise<void>) => {
    if (stopped) return;
    const started = Date.now();
    try {
      await run();
      passed += 1;
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      stopped = true;
      console.log(`  ✗ ${name}\n    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  const fail = (name: string, error: unknown) => {
    failed += 1;
    console.log(`  ✗ ${name}\n    ${error instanceof Error ? error.message : String(error)}`);
  };

  return { step, fail, summary: () => ({ passed, failed }) };
};

export const assert = (condition: unknown, message: string): void => {
  if (!condition) throw new Error(message);
};
