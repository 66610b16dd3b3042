/** Samples this process's resident set size (and heap) every `intervalMs` (100 ms by default) until stopped. */
export interface RssTrace {
  startBytes: number;
  peakBytes: number;
  endBytes: number;
  peakHeapBytes: number;
  samples: number;
  /** [epoch ms, rss bytes, heapUsed bytes], at most one per interval (bounded by the run's length). */
  timeline: [number, number, number][];
}

export const sampleRss = (intervalMs = 100) => {
  const first = process.memoryUsage();
  const timeline: [number, number, number][] = [[Date.now(), first.rss, first.heapUsed]];
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    timeline.push([Date.now(), usage.rss, usage.heapUsed]);
  }, intervalMs);
  return {
    stop(): RssTrace {
      clearInterval(timer);
      const last = process.memoryUsage();
      timeline.push([Date.now(), last.rss, last.heapUsed]);
      return {
        startBytes: first.rss,
        peakBytes: Math.max(...timeline.map((sample) => sample[1])),
        endBytes: last.rss,
        peakHeapBytes: Math.max(...timeline.map((sample) => sample[2])),
        samples: timeline.length,
        timeline,
      };
    },
  };
};

/** Peak RSS and heap between two instants of a trace. */
export const peakBetween = (trace: RssTrace, from: number, to: number) => {
  const window = trace.timeline.filter(([time]) => time >= from && time <= to);
  return {
    rssBytes: window.length ? Math.max(...window.map((sample) => sample[1])) : 0,
    heapBytes: window.length ? Math.max(...window.map((sample) => sample[2])) : 0,
  };
};
