/**
 * Counts events per key in fixed windows that start at a key's first event and reset `windowMs` later. Memory
 * is bounded: at most `maxKeys` keys are tracked, and adding one past the cap evicts the least recently counted.
 * Pure and synchronous (the clock is injected), so it is safe to share between concurrent requests.
 */
export interface WindowCounterOptions {
  /** Events allowed per key per window; the next one is over the limit. */
  limit: number;
  windowMs: number;
  maxKeys: number;
  now?: () => number;
}

interface Window {
  start: number;
  count: number;
}

export class WindowCounter {
  private readonly windows = new Map<string, Window>();
  private readonly now: () => number;
  private limit: number;

  constructor(private readonly options: WindowCounterOptions) {
    this.now = options.now ?? Date.now;
    this.limit = options.limit;
  }

  /** Changes the limit for every key from the next check on (counts so far are kept). */
  setLimit(limit: number): void {
    this.limit = limit;
  }

  /** Whole seconds until the key's window resets, when the key is at its limit; otherwise null. */
  retryAfter(key: string): number | null {
    const window = this.current(key);
    if (!window || window.count < this.limit) return null;
    return Math.max(1, Math.ceil((window.start + this.options.windowMs - this.now()) / 1000));
  }

  /** Counts one event; returns the key's count in its current window, this event included. */
  hit(key: string): number {
    const now = this.now();
    const window = this.current(key) ?? { start: now, count: 0 };
    window.count += 1;
    // Re-inserting moves the key to the end of the Map's order: the first key is the least recently counted.
    this.windows.delete(key);
    this.windows.set(key, window);
    while (this.windows.size > this.options.maxKeys) {
      this.windows.delete(this.windows.keys().next().value as string);
    }
    return window.count;
  }

  get size(): number {
    return this.windows.size;
  }

  private current(key: string): Window | null {
    const window = this.windows.get(key);
    if (!window) return null;
    if (this.now() - window.start >= this.options.windowMs) {
      this.windows.delete(key);
      return null;
    }
    return window;
  }
}
