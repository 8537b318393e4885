/**
 * Sealing lookup entries in the CLI (node:crypto AES-128-GCM; the format is
 * src/shared/sealed.ts). Also the oracle rule: what an entry may say.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { encodePayload, type Payload } from '../../src/shared/sealed.ts';
import { splitKey } from '../../src/shared/kdf.ts';
import type { Person } from './recipients.ts';

/** iv | ciphertext | tag for one person's payload, padded to `length` bytes. */
export function seal(kdfHex: string, payload: Payload, length: number, iv: Buffer = randomBytes(12)): Buffer {
  const { key } = splitKey(kdfHex);
  const c = createCipheriv('aes-128-gcm', key, iv);
  const body = Buffer.concat([c.update(encodePayload(payload, length)), c.final()]);
  return Buffer.concat([iv, body, c.getAuthTag()]);
}

/** One payload length for the whole release: the longest, rounded up to 64 bytes, so entries cannot be told apart by size. */
export const payloadLength = (payloads: readonly Payload[]) =>
  Math.max(128, Math.ceil(Math.max(0, ...payloads.map((p) => Buffer.byteLength(JSON.stringify(p)))) / 64) * 64);

/**
 * Order of free-text periods ("2026 tahap 1", "Januari–Maret 2026",
 * "triwulan 2 2025"): year, then the stage, quarter or month inside it.
 */
const MONTHS = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];
export function periodKey(periode: string): number {
  const s = periode.toLowerCase();
  const year = Number(/(20\d\d)/.exec(s)?.[1] ?? 0);
  const stage = Number(/\b(?:tahap|triwulan|tw|t)\s*([1-4])\b/.exec(s)?.[1] ?? 0);
  const months = MONTHS.map((m, i) => (s.includes(m) ? i + 1 : 0)).filter(Boolean);
  return year * 100 + (stage ? stage * 3 : months.length ? Math.max(...months) : 0);
}

/**
 * The membership oracle, made smaller: a status that is not current says who
 * was once proposed or removed, and helps no one look up their aid today. So
 * `usulan` and `dihentikan` are kept only for a program's newest period in
 * the list (a citizen whose aid just ended can still object); `aktif` and
 * `ditangguhkan` always. People left without a grant are not published.
 */
export function currentGrants(people: readonly Person[]): Person[] {
  const newest = new Map<string, number>();
  for (const p of people) for (const g of p.grants) newest.set(g.program, Math.max(newest.get(g.program) ?? 0, periodKey(g.periode)));
  return people
    .map((p) => ({
      ...p,
      grants: p.grants.filter(
        (g) => (g.status !== 'usulan' && g.status !== 'dihentikan') || periodKey(g.periode) >= newest.get(g.program)!,
      ),
    }))
    .filter((p) => p.grants.length > 0);
}
