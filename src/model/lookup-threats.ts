/**
 * The lookup's threat model as /metodologi/ states it: every figure computed
 * from the constants in src/domain/lookup-cost.ts and the release's own
 * parameters, never written as prose (tests/lookup-privacy.test.ts changes
 * a constant and sees the text change).
 */
import { LOOKUP_COSTS, type LookupCosts, threatFigures } from '../domain/lookup-cost.ts';
import type { ThreatTexts } from '../i18n/id.ts';
import type { KdfParams } from '../shared/kdf.ts';
import { formatDuration, formatNumber } from '../shared/format.ts';
import type { Lang } from '../shared/lang.ts';

/** What the threat model needs of the lookup's manifest (lookup/shards.ts CekManifest). */
export interface LookupParams {
  kdf: KdfParams;
  prefixLength: number;
  perShard: number;
  desil: boolean;
  listRelease: string;
}

export function kdfName(cek: Pick<LookupParams, 'kdf'>, lang: Lang): string {
  const N = (v: number) => formatNumber(v, lang);
  return cek.kdf.algorithm === 'argon2id'
    ? `Argon2id (RFC 9106; ${N(cek.kdf.m / 1024)} MiB, ${cek.kdf.t} ${lang === 'en' ? (cek.kdf.t === 1 ? 'pass' : 'passes') : 'putaran'})`
    : `scrypt (RFC 7914; N = ${N(cek.kdf.N)}, r = ${cek.kdf.r})`;
}

/** Powers of ten as "4,7 × 10^9" beyond a million, plain numbers below. */
function big(v: number, lang: Lang): string {
  if (v < 1e6) return formatNumber(v, lang);
  const e = Math.floor(Math.log10(v));
  return `${formatNumber(v / 10 ** e, lang, 1)} × 10^${e}`;
}

export function threatTexts(cek: LookupParams, lang: Lang, costs: LookupCosts = LOOKUP_COSTS): ThreatTexts {
  const f = threatFigures(costs, cek.kdf.algorithm);
  const N = (v: number) => formatNumber(v, lang);
  const D = (s: number) => formatDuration(s, lang);
  const range = ([a, b]: readonly [number, number]) => (D(a) === D(b) ? D(a) : `${D(a)} – ${D(b)}`);
  const rates = cek.kdf.algorithm === 'argon2id' ? costs.gpuRateArgon2id : costs.gpuRateScrypt;
  return {
    leaked: D(f.leakedCpu),
    leakedPeople: N(f.leakedPeople),
    desil: cek.desil,
    candidates: `${N(costs.kkCandidates[0])}–${N(costs.kkCandidates[1])}`,
    cpuTarget: range(f.targetedCpu),
    cpuGuess: `${formatNumber(cek.kdf.algorithm === 'argon2id' ? costs.cpuSecondsArgon2id : costs.cpuSecondsScrypt, lang, 2)} ${lang === 'en' ? 's' : 'detik'}`,
    gpuTarget: range(f.targetedGpu),
    gpuRates: rates[0] === rates[1] ? N(rates[0]) : `${N(rates[0])}–${N(rates[1])}`,
    bulkPairs: `${big(f.bulkPairs[0], lang)} – ${big(f.bulkPairs[1], lang)}`,
    nikRange: `${big(costs.nikPerKecamatan[0], lang)}–${big(costs.nikPerKecamatan[1], lang)}`,
    bulkGpu: range(f.bulkGpu),
    cpuOld: range(f.targetedCpuScrypt),
    gpuOld: range(f.targetedGpuScrypt),
    kdf: kdfName(cek, lang),
    phone: `${formatNumber(f.phoneSeconds, lang, 2)} ${lang === 'en' ? 's' : 'detik'}`,
    ratio: N(Math.round(f.gpuRatio)),
    listRelease: cek.listRelease,
    files: N(16 ** cek.prefixLength),
    per: N(cek.perShard),
  };
}
