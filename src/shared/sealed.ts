/**
 * A sealed lookup entry: what one person's lookup answers (programs with
 * status and period, the household's desil), as JSON padded with spaces to
 * one length for the whole release, encrypted with AES-128-GCM under the key
 * from kdf.ts. On disk and on the wire a record is
 *
 *     id (16 bytes) | iv (12 bytes) | ciphertext (payload length + 16-byte tag)
 *
 * Decoys are random bytes of the same length: without the NIK and the KK a
 * real record and a decoy look alike, and every shard holds the same number
 * of records. Opening uses WebCrypto (the browser) or node:crypto's
 * WebCrypto (the CLI's tests): one implementation of the format.
 */

export const hexToBytes = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));

/** The entry's public id (hex, 32 characters) and its AES key (16 bytes) from the KDF output (kdf.ts). */
export function splitKey(hex: string): { id: string; key: Uint8Array } {
  return { id: hex.slice(0, 32), key: hexToBytes(hex.slice(32, 64)) };
}

export interface Payload {
  /** [program, status, period] for each grant. */
  g: [string, string, string][];
  /** The household's DTSEN desil, or null when not given. */
  d: number | null;
  /** Sealed for a province portal: the kabupaten/kota whose list it came from (its office answers questions). */
  w?: string;
}

export const ID_BYTES = 16;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
export const recordBytes = (payloadBytes: number) => ID_BYTES + IV_BYTES + payloadBytes + TAG_BYTES;

/** The payload as bytes, padded with spaces (valid JSON whitespace) to `length`. */
export function encodePayload(p: Payload, length: number): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(p));
  if (json.length > length) throw new Error(`payload of ${json.length} bytes exceeds ${length}`);
  const out = new Uint8Array(length).fill(0x20);
  out.set(json);
  return out;
}

/** Open one record's ciphertext (iv | ciphertext+tag) with the person's key; null when it is not theirs. */
export async function openRecord(subtle: SubtleCrypto, key: Uint8Array, record: Uint8Array): Promise<Payload | null> {
  const k = await subtle.importKey('raw', key as BufferSource, 'AES-GCM', false, ['decrypt']);
  const iv = record.subarray(ID_BYTES, ID_BYTES + IV_BYTES);
  try {
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: iv as BufferSource },
      k,
      record.subarray(ID_BYTES + IV_BYTES) as BufferSource,
    );
    return JSON.parse(new TextDecoder().decode(plain)) as Payload;
  } catch {
    return null;
  }
}

/** The record with this id in a shard of equal-size records, or undefined. */
export function findRecord(shard: Uint8Array, size: number, idHex: string): Uint8Array | undefined {
  for (let at = 0; at + size <= shard.length; at += size) {
    let same = true;
    for (let i = 0; i < ID_BYTES && same; i++) same = shard[at + i] === Number.parseInt(idHex.slice(i * 2, i * 2 + 2), 16);
    if (same) return shard.subarray(at, at + size);
  }
  return undefined;
}
