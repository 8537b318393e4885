/**
 * Web Worker: runs the lookup's KDF (Argon2id or scrypt, hash-wasm) off the
 * main thread so the page stays responsive on a slow phone. The page starts
 * it when the form is first touched, so the WebAssembly is compiled before
 * the citizen presses the button. Message in: { password, params };
 * message out: { key } (hex) or { error }. `{ warm: true, params }` only prepares.
 */
import { derive, type KdfParams } from '../shared/kdf.ts';

/**
 * The warm-up derivation: it compiles the WebAssembly and grows its memory
 * to the release's size (a WebAssembly memory never shrinks, so the real
 * derivation reuses it). One pass over the same memory: while a citizen
 * types 32 digits, the worker has time for it.
 */
const warmParams = (p: KdfParams): KdfParams =>
  p.algorithm === 'argon2id' ? { ...p, t: 1, salt: '00'.repeat(16) } : { ...p, salt: '00'.repeat(16) };

self.onmessage = async (e: MessageEvent<{ warm?: boolean; password?: string; params?: KdfParams }>) => {
  const { warm, password, params } = e.data;
  try {
    if (warm || password === undefined || !params) {
      if (params) await derive('x', warmParams(params));
      self.postMessage({ warm: true });
      return;
    }
    self.postMessage({ key: await derive(password, params) });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
};
