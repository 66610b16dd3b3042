/**
 * Candidates timed in interleaved rounds (A B C, A B C, …), so that the drift of a shared machine hits each of
 * them alike. Figures are medians over the rounds; ratios are taken within a round or between medians.
 */
import { median } from './stats';

export interface RoundCandidate<K extends string, S> {
  key: K;
  /** One timed run; `round` is the round's number (0-based), e.g. to vary a random seed. */
  measure(round: number): Promise<S>;
}

export const interleavedRounds = async <K extends string, S>(
  count: number,
  candidates: readonly RoundCandidate<K, S>[],
  afterRound?: (samples: Record<K, S>, round: number) => void,
): Promise<Record<K, S>[]> => {
  const rounds: Record<K, S>[] = [];
  for (let r = 0; r < count; r += 1) {
    const samples = {} as Record<K, S>;
    for (const candidate of candidates) samples[candidate.key] = await candidate.measure(r);
    rounds.push(samples);
    afterRound?.(samples, r);
  }
  return rounds;
};

/** The median over the rounds of one figure of each round. */
export const medianOf = <R>(rounds: readonly R[], pick: (round: R) => number): number => median(rounds.map(pick));
