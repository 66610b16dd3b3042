import { WindowCounter } from '../../../server/src/services/window-counter';

const clock = (start = 1_000_000) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('window counter', () => {
  it('lets a key reach its limit, then gives the seconds until its window resets', () => {
    const time = clock();
    const counter = new WindowCounter({ limit: 3, windowMs: 60_000, maxKeys: 10, now: time.now });
    for (let i = 1; i <= 3; i += 1) {
      expect(counter.retryAfter('a')).toBeNull();
      expect(counter.hit('a')).toBe(i);
    }
    expect(counter.retryAfter('a')).toBe(60);
    time.advance(45_500);
    expect(counter.retryAfter('a')).toBe(15);
    expect(counter.retryAfter('b')).toBeNull();
  });

  it('resets a key once its window has passed', () => {
    const time = clock();
    const counter = new WindowCounter({ limit: 2, windowMs: 1_000, maxKeys: 10, now: time.now });
    counter.hit('a');
    counter.hit('a');
    expect(counter.retryAfter('a')).toBe(1);
    time.advance(1_000);
    expect(counter.retryAfter('a')).toBeNull();
    expect(counter.hit('a')).toBe(1);
  });

  it('never answers less than one second', () => {
    const time = clock();
    const counter = new WindowCounter({ limit: 1, windowMs: 1_000, maxKeys: 10, now: time.now });
    counter.hit('a');
    time.advance(999);
    expect(counter.retryAfter('a')).toBe(1);
  });

  it('tracks at most maxKeys keys, evicting the least recently counted', () => {
    const counter = new WindowCounter({ limit: 1, windowMs: 60_000, maxKeys: 3, now: clock().now });
    for (const key of ['a', 'b', 'c']) counter.hit(key);
    counter.hit('a');
    counter.hit('d');
    expect(counter.size).toBe(3);
    expect(counter.retryAfter('b')).toBeNull();
    for (const key of ['a', 'c', 'd']) expect(counter.retryAfter(key)).not.toBeNull();
  });

  it('stays at maxKeys under a flood of distinct keys', () => {
    const counter = new WindowCounter({ limit: 5, windowMs: 60_000, maxKeys: 1_000, now: clock().now });
    for (let i = 0; i < 50_000; i += 1) counter.hit(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    expect(counter.size).toBe(1_000);
    process.stdout.write(`window counter: 50000 distinct keys -> ${counter.size} tracked\n`);
  });
});

describe('window counter limit changes', () => {
  it('applies a new limit to the counts already made', () => {
    const counter = new WindowCounter({ limit: 10, windowMs: 1_000, maxKeys: 10, now: () => 0 });
    for (let i = 0; i < 5; i += 1) counter.hit('a');
    expect(counter.retryAfter('a')).toBeNull();
    counter.setLimit(5);
    expect(counter.retryAfter('a')).toBe(1);
  });
});
