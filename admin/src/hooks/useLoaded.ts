import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadStatus } from '../types';

/** A fetcher returns this when it starts a newer load itself (e.g. by moving to another page): its answer is dropped. */
export const SUPERSEDED = Symbol('superseded');

type Fetcher<T> = (isLatest: () => boolean) => Promise<T | typeof SUPERSEDED>;

/** How the newest finished load of `fetcher` ended. */
interface Settled<T> {
  fetcher: Fetcher<T>;
  status: 'ready' | 'error';
}

/**
 * The load-and-status part of every data hook: loads with `fetcher` once `enabled`, again whenever `fetcher`
 * changes and on `reload`. Only the newest request's answer is kept; while a reload runs the previous data stays.
 * `fetcher` must be stable (a `useCallback`), since a new one loads again; `isLatest` tells it whether its
 * request is still the newest.
 */
export const useLoaded = <T>(fetcher: Fetcher<T>, enabled = true) => {
  const [data, setData] = useState<T | null>(null);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const latest = useRef(0);

  // Sets state only once the answer is in: the effect below starts it, and an effect that sets state at once
  // renders twice. Until then `status` says 'loading', because the newest settled load is not this fetcher's.
  const load = useCallback(async () => {
    const request = ++latest.current;
    try {
      const loaded = await fetcher(() => request === latest.current);
      if (request !== latest.current || loaded === SUPERSEDED) return;
      setData(loaded);
      setSettled({ fetcher, status: 'ready' });
    } catch {
      if (request === latest.current) setSettled({ fetcher, status: 'error' });
    }
  }, [fetcher]);

  useEffect(() => {
    if (enabled) void load();
  }, [enabled, load]);

  const reload = useCallback(() => {
    setSettled(null);
    return load();
  }, [load]);

  const status: LoadStatus = settled?.fetcher === fetcher ? settled.status : 'loading';
  return { data, setData, status, reload };
};
