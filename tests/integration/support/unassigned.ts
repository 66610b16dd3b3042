/**
 * A variable beforeAll assigns, typed for afterAll as what it may really be there: still unassigned when
 * beforeAll failed before reaching it.
 */
export const orUnassigned = <T>(value: T): T | undefined => value;
