/**
 * What it costs to attack the aid lookup, measured or cited — the figures
 * /metodologi/ states and `npm run bench` (scripts/bench/lookup-cost.ts)
 * measures again beside them. Measured on this project's 2-core test machine
 * (Node 24's OpenSSL Argon2id and scrypt; hash-wasm in Chromium 156) in
 * December 2026. GPU rates are a published figure or our estimate, marked so.
 */

/** Argon2id 48 MiB × 2 passes (the default since 2026), one key on one CPU core, seconds (median of 7). */
export const CPU_SECONDS_ARGON2ID = 0.195;
/** scrypt N = 2^14, r = 8 (the parameters before 2026), one key on one CPU core, seconds (median of 7). */
export const CPU_SECONDS_SCRYPT = 0.043;

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
 * on either KDF is bound by memory traffic and by memory per guess in
 * flight: scrypt N=2^14 r=8 writes 16 MiB once and reads it once; Argon2id
 * 48 MiB × 2 passes holds three times the memory and moves at least three
 * times as much. So at most a third of the scrypt rate (our estimate, not a
 * measurement).
 */
export const GPU_RATE_SCRYPT = 5_500;
export const GPU_RATE_ARGON2ID = GPU_RATE_SCRYPT / 3;

/** Plausible NIK in one kecamatan without any list: about 10^8; with a KK each, ~10^13 pairs. */
export const BULK_PAIRS_PER_KECAMATAN = 1e13;

/**
 * The browser's KDF (hash-wasm) on Chromium's main thread throttled 4×
 * (workers ignore CPU throttling), ms, median of 3 after a warm-up, for each
 * candidate. Argon2id 64 MiB × 2 (1.6–1.8 s) leaves no room for the shard
 * fetch within the 1.5 s budget; 48 MiB × 2 (1.2 s) is the largest
 * memory × passes that does, equal to 32 MiB × 3 and with more memory per
 * guess, which is what limits a GPU.
 */
export const PHONE_MS = {
  scrypt14: 290,
  scrypt15: 620,
  scrypt16: 1250,
  argon2id19x3: 740,
  argon2id32x3: 1210,
  argon2id48x2: 1220,
  argon2id64x1: 1160,
  argon2id64x2: 1700,
} as const;
/** The measured phone cost of the parameters in use. */
export const PHONE_MS_CHOSEN = PHONE_MS.argon2id48x2;

/** Seconds to try every candidate, [from, to]. */
export const targetedSeconds = (perGuess: number): [number, number] => [KK_CANDIDATES[0] * perGuess, KK_CANDIDATES[1] * perGuess];
