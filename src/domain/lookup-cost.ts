/**
 * What it costs to attack the aid lookup, measured or cited — the figures
 * /metodologi/ states and `npm run bench` (scripts/bench/lookup-cost.ts)
 * measures again beside them. Measured on this project's 2-core test machine
 * (Node 24's OpenSSL Argon2id and scrypt; hash-wasm in Chromium 156) in
 * December 2026; the machine is a shared VM, so figures vary by ±20 % from
 * run to run. GPU rates are a published figure or our estimate, marked so.
 */

/** Argon2id 64 MiB × 1 pass (the default since 2026), one key on one CPU core, seconds (median of 9, three runs). */
export const CPU_SECONDS_ARGON2ID = 0.17;
/** scrypt N = 2^14, r = 8 (the parameters before 2026), one key on one CPU core, seconds (same runs). */
export const CPU_SECONDS_SCRYPT = 0.045;

/**
 * Plausible Nomor KK for a person whose NIK is known (our estimate): the KK
 * starts with the same kecamatan code as a rule; its registration date
 * falls within the household's adult life (thousands of days); its serial
 * counts up from 0001 on each day in each kecamatan (a few to a few dozen).
 */
export const KK_CANDIDATES: readonly [number, number] = [24_000, 270_000];

/**
 * One consumer GPU, guesses per second: scrypt N=2^14 r=8 p=1 ≈ 5,500 (a
 * published hashcat benchmark for these parameters; estimate). A GPU attack
 * on either KDF is bound by memory: Argon2id 64 MiB needs four times the
 * memory per guess in flight of scrypt N=2^14 r=8 (16 MiB) and moves at
 * least three times the bytes; on a CPU core it costs 3.8× as much (above).
 * So about a quarter of the scrypt rate (our estimate, not a measurement).
 */
export const GPU_RATE_SCRYPT = 5_500;
export const GPU_RATE_ARGON2ID = GPU_RATE_SCRYPT / 4;

/** Plausible NIK in one kecamatan without any list: about 10^8; with a KK each, ~10^13 pairs. */
export const BULK_PAIRS_PER_KECAMATAN = 1e13;

/**
 * The browser's KDF (hash-wasm) on Chromium's main thread throttled 4×
 * (workers ignore CPU throttling), ms: the median of three bench runs, each
 * the median of 3 after a warm-up. The lookup also needs ~0.35 s for the
 * shard on slow 4G and the answer on a slow CPU, so the KDF may take about
 * 1.1 s: Argon2id 64 MiB × 1 (0.96 s) fits, with the most memory per guess
 * of the sets that fit; 64 MiB × 2 (1.75 s) and 48 MiB × 2 (1.45 s) do not.
 */
export const PHONE_MS = {
  scrypt14: 292,
  scrypt15: 594,
  scrypt16: 1226,
  argon2id19x3: 648,
  argon2id32x2: 862,
  argon2id32x3: 1308,
  argon2id40x2: 1246,
  argon2id48x2: 1448,
  argon2id64x1: 963,
  argon2id64x2: 1750,
} as const;
/** The measured phone cost of the parameters in use. */
export const PHONE_MS_CHOSEN = PHONE_MS.argon2id64x1;

/** Seconds to try every candidate, [from, to]. */
export const targetedSeconds = (perGuess: number): [number, number] => [KK_CANDIDATES[0] * perGuess, KK_CANDIDATES[1] * perGuess];
