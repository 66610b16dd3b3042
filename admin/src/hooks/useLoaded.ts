import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadStatus } from '../types';

/** A fetcher returns this when it starts a newer load itself (e.g. by moving to another page): its answer is dropped. */
export const SUPERSEDED = Symbol('superseded');

/**
 * The load-and-status part of every data hook: loads with `fetcher` once `enabled`, again whenever `fetcher`
 * changes and on `reload`. Only the newest request's answer is kept; while a reload runs the previous data stays.
 * `fetcher` must be stable (a `useCallback`), since a new one loads again; `isLatest` tells it whether its
 * request is still the newest.
 */
export const useLoaded = <T>(fetcher: (isLatest: () => boolean) => Promise<T | typeof SUPERSEDED>, enabled = true) => {
  const [data, setData] = useState<T | null>(null);
  const [status, setStatus] = useState<LoadStatus>('loading');
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setStatus('loading');
    try {
      const loaded = await fetcher(() => request === latest.current);
      if (request !== latest.current || loaded === SUPERSEDED) return;
      setData(loaded);
      setStatus('ready');
    } catch {
      if (request === latest.current) setStatus('error');
    }
  }, [fetcher]);

  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);

  return { data, setData, status, reload };
};
