/**
 * What it costs to attack the aid lookup: the measured and cited constants,
 * and every figure /metodologi/ states, computed from them at build time
 * (`threatFigures`). `npm run bench` (scripts/bench/lookup-cost.ts) measures
 * the CPU and phone constants again beside the values recorded here.
 * Measured on this project's 2-core test machine (Node 24's OpenSSL
 * Argon2id and scrypt; hash-wasm in Chromium 156) in December 2026; the
 * machine is a shared VM, so figures vary by ±20 % from run to run. GPU rates
 * are estimates, given as a range and marked so.
 */

export interface LookupCosts {
  /** Argon2id 64 MiB × 1 pass (the default since 2026), one guess on one CPU core, seconds (median of 9, three runs). */
  cpuSecondsArgon2id: number;
  /** scrypt N = 2^14, r = 8 (the parameters before 2026), one guess on one CPU core, seconds (same runs). */
  cpuSecondsScrypt: number;
  /**
   * One consumer GPU, guesses per second, [estimate, upper bound]. scrypt
   * N=2^14 r=8 p=1: ≈ 5,500 (a published hashcat benchmark for these
   * parameters). Argon2id 64 MiB: our estimate is a quarter of that (four
   * times the memory per guess in flight, three times the bytes moved); its
   * upper bound is what memory bandwidth allows (≈ 1 TB/s over ≥ 192 MiB
   * read and written per guess: ~5,000 guesses/s). Neither is a measurement.
   */
  gpuRateArgon2id: readonly [number, number];
  gpuRateScrypt: readonly [number, number];
  /**
   * Plausible Nomor KK for a person whose NIK is known (our estimate): the KK
   * starts with the same kecamatan code as a rule; its registration date
   * falls within the household's adult life (thousands of days); its serial
   * counts up from 0001 on each day in each kecamatan (a few to a few dozen).
   */
  kkCandidates: readonly [number, number];
  /**
   * Plausible NIK in one kecamatan without any list (our estimate): birth
   * dates of the living (90 years × 365 days × 2, the day + 40 for women)
   * times the serials in use per date in one kecamatan (3 to 20).
   */
  nikPerKecamatan: readonly [number, number];
  /** People in the leaked-list example (a kabupaten's population is of this order). */
  leakedListPeople: number;
  /**
   * The browser's KDF (hash-wasm) for the parameters in use, on Chromium's
   * main thread throttled 4×, ms (median of three bench runs). The lookup
   * also needs the shard on slow 4G and the answer on a slow CPU.
   */
  phoneMs: number;
}

export const LOOKUP_COSTS: LookupCosts = {
  cpuSecondsArgon2id: 0.11,
  cpuSecondsScrypt: 0.043,
  gpuRateArgon2id: [1_375, 5_000],
  gpuRateScrypt: [5_500, 5_500],
  kkCandidates: [24_000, 270_000],
  nikPerKecamatan: [90 * 365 * 2 * 3, 90 * 365 * 2 * 20],
  leakedListPeople: 1_000_000,
  phoneMs: 963,
};

/** Every candidate tried, in seconds, [from, to], for `guesses` candidates at `seconds` per guess. */
const span = (guesses: readonly [number, number], seconds: readonly [number, number]): [number, number] => [
  guesses[0] * seconds[0],
  guesses[1] * seconds[1],
];

export interface ThreatFigures {
  /** Seconds to try every KK for one known NIK: one CPU core; one GPU [at its upper-bound rate, at the estimate]. */
  targetedCpu: [number, number];
  targetedGpu: [number, number];
  /** The same with the scrypt parameters used before 2026. */
  targetedCpuScrypt: [number, number];
  targetedGpuScrypt: [number, number];
  /** NIK × KK pairs in one kecamatan, and GPU seconds to try them all (fastest bound, slowest estimate). */
  bulkPairs: [number, number];
  bulkGpu: [number, number];
  /** Core-seconds to look up everyone on a leaked NIK + KK list (one KDF per person). */
  leakedCpu: number;
  leakedPeople: number;
  /** How much more a GPU guess costs under Argon2id than under scrypt (estimate). */
  gpuRatio: number;
  phoneSeconds: number;
}

/** The figures /metodologi/ states, from the constants (a test changes one and sees the page change). */
export function threatFigures(c: LookupCosts, algorithm: 'argon2id' | 'scrypt'): ThreatFigures {
  const cpu = algorithm === 'argon2id' ? c.cpuSecondsArgon2id : c.cpuSecondsScrypt;
  const gpu = algorithm === 'argon2id' ? c.gpuRateArgon2id : c.gpuRateScrypt;
  const perGuess = (rate: readonly [number, number]): [number, number] => [1 / rate[1], 1 / rate[0]];
  const bulkPairs: [number, number] = [c.nikPerKecamatan[0] * c.kkCandidates[0], c.nikPerKecamatan[1] * c.kkCandidates[1]];
  return {
    targetedCpu: span(c.kkCandidates, [cpu, cpu]),
    targetedGpu: span(c.kkCandidates, perGuess(gpu)),
    targetedCpuScrypt: span(c.kkCandidates, [c.cpuSecondsScrypt, c.cpuSecondsScrypt]),
    targetedGpuScrypt: span(c.kkCandidates, perGuess(c.gpuRateScrypt)),
    bulkPairs,
    bulkGpu: span(bulkPairs, perGuess(gpu)),
    leakedCpu: c.leakedListPeople * cpu,
    leakedPeople: c.leakedListPeople,
    gpuRatio: c.gpuRateScrypt[0] / c.gpuRateArgon2id[0],
    phoneSeconds: c.phoneMs / 1000,
  };
}
