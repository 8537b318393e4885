/**
 * The citizen's aid lookup, entirely in the browser: check the two numbers,
 * derive the scrypt key in a worker, fetch the one shard named by the key's
 * prefix, and match inside the page. Nothing typed is sent anywhere.
 */
import type { KdfParams } from '../shared/kdf.ts';
import { checkKk, checkNik, ID_MESSAGES, type IdProblem, normaliseId, regionOfId } from '../shared/nik.ts';
import { telHref, waHref } from '../shared/format.ts';
import { findRecord, openRecord, splitKey } from '../shared/sealed.ts';
import { BASE } from './base.ts';

interface Text {
  found: string;
  notFound: string;
  notFoundIntro: string;
  step1: string;
  step2: string;
  step3: string;
  wrong: string;
  puskesosFor: string;
  contact: string;
  listedBy: string;
  desil: string;
  desilUnranked: string;
  desilWithin: string;
  desilAbove: string;
  desilNote: string;
  status: string;
  period: string;
  phone: string;
  checking: string;
  checkingSecs: string;
  done: string;
  failed: string;
  fixFields: string;
  outside: string;
  yes: string;
  no: string;
  notListed: string;
  householdHint: string;
  ifEligible: string;
}
interface Config {
  lang: 'id' | 'en';
  text: Text;
  kdf: KdfParams;
  prefixLength: number;
  recordBytes: number;
  /** Whether the list gives households' desil. */
  desil: boolean;
  kabupaten: string;
  kabupatenName: string;
  kecamatan: Record<string, { name: string; puskesos: { nama: string; alamat: string; telepon?: string; jam?: string }[] }>;
  programs: Record<string, { nama: string; jenis: string; singkatan: string; desilMaks?: number }>;
  statuses: Record<string, { label: string; meaning: string }>;
  office: Office;
  /** A province portal: each kabupaten/kota's name and Dinas Sosial, by code. */
  offices?: Record<string, { name: string; office?: Office }>;
}
interface Office {
  nama: string;
  alamat: string;
  telepon?: string;
  whatsapp?: string;
}

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;
const config = JSON.parse($('#cek-config').textContent!) as Config;
const T = config.text;
const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k]));
const secs = (ms: number) =>
  (ms / 1000).toLocaleString(config.lang === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const form = $<HTMLFormElement>('#cek-form');
const nikInput = $<HTMLInputElement>('#nik');
const kkInput = $<HTMLInputElement>('#kk');
const status = $('#cek-status');
const result = $('#cek-result');
const button = form.querySelector('button')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function showFieldError(input: HTMLInputElement, problems: IdProblem[]): boolean {
  const box = document.getElementById(`${input.id}-error`)!;
  const msg = problems.map((p) => ID_MESSAGES[p][config.lang]).join(' ');
  box.textContent = msg;
  input.setAttribute('aria-invalid', problems.length ? 'true' : 'false');
  return problems.length === 0;
}

// Keep only digits as people type (spaces and dashes from copy-paste are dropped).
for (const input of [nikInput, kkInput]) {
  input.addEventListener('input', () => {
    const v = normaliseId(input.value);
    if (v !== input.value && /^\d*$/.test(v)) input.value = v;
  });
  input.addEventListener('blur', () => {
    if (input.value) showFieldError(input, input === nikInput ? checkNik(input.value) : checkKk(input.value));
  });
}

let worker: Worker | undefined;
/** Whether the worker is busy with its warm-up derivation (a dummy salt: its result is of no use to a lookup). */
let warming = false;
/**
 * The KDF worker, started (and its WebAssembly compiled, its memory grown) when the form is first touched, so
 * a submit after typing costs one KDF and one fetch.
 */
function startWorker(warm = true): Worker {
  if (!worker) {
    worker = new Worker(new URL('./kdf-worker.ts', import.meta.url), { type: 'module' });
    // The form says when the KDF is ready (the bench waits for it, as a citizen typing 32 digits would).
    worker.onmessage = (e: MessageEvent<{ warm?: boolean }>) => {
      if (e.data.warm) {
        warming = false;
        form.dataset.kdfReady = '';
      }
    };
    if (warm) {
      warming = true;
      worker.postMessage({ warm: true, params: config.kdf });
    }
  }
  return worker;
}
function derive(nik: string, kk: string): Promise<string> {
  // A submit that comes while the warm-up still runs (numbers pasted, Enter at once) would wait for a whole
  // useless KDF first: drop that worker and derive in a fresh one (recompiling costs far less than a KDF).
  if (warming) {
    worker?.terminate();
    worker = undefined;
    warming = false;
  }
  const w = startWorker(false);
  return new Promise((resolve, reject) => {
    w.onmessage = (e: MessageEvent<{ key?: string; error?: string; warm?: boolean }>) => {
      if (e.data.warm) {
        warming = false;
        form.dataset.kdfReady = '';
        return;
      }
      if (e.data.key) resolve(e.data.key);
      else reject(new Error(e.data.error));
    };
    w.onerror = () => reject(new Error('worker'));
    w.postMessage({ password: `${nik}|${kk}`, params: config.kdf });
  });
}
form.addEventListener('focusin', () => startWorker(), { once: true });

/** A phone number as a link to dial, or to open WhatsApp. */
function phoneLink(text: string, wa = false): HTMLElement {
  const href = wa ? waHref(text) : telHref(text);
  if (!href) return el('span', text);
  const a = el('a', text);
  a.href = href;
  return a;
}

/** An office as a sentence with its phone links. */
function officeLine(text: string, o: Office): HTMLElement {
  const p = el('p', `${fill(text, { office: `${o.nama}, ${o.alamat}` }).replace(/\.$/, '')}`);
  if (o.telepon) p.append(`, ${T.phone} `, phoneLink(o.telepon));
  if (o.whatsapp) p.append(', WhatsApp ', phoneLink(o.whatsapp, true));
  p.append('.');
  return p;
}

function puskesosFor(nik: string): HTMLElement {
  const kec = config.kecamatan[regionOfId(nik)];
  const box = el('div');
  if (!kec || kec.puskesos.length === 0) {
    // In a province portal, the office of the kabupaten/kota the NIK was issued in.
    box.append(officeLine(T.contact, config.offices?.[regionOfId(nik).slice(0, 5)]?.office ?? config.office));
    return box;
  }
  box.append(el('p', fill(T.puskesosFor, { name: kec.name })));
  const ul = el('ul', undefined, 'list-disc pl-5');
  for (const p of kec.puskesos) {
    const li = el('li', `${p.nama} — ${p.alamat}`);
    if (p.telepon) li.append(`, ${T.phone} `, phoneLink(p.telepon));
    if (p.jam) li.append(` (${p.jam})`);
    ul.append(li);
  }
  box.append(ul);
  return box;
}

/**
 * Every program the portal covers, Ya or Tidak, like the ministry's Cek
 * Bansos answers — the programs that are Ya first (what the reader came
 * for), with status and period in plain words.
 */
function everyProgram(grants: readonly [string, string, string][]): HTMLElement {
  const ul = el('ul', undefined, 'list-none space-y-3 p-0');
  const has = (slug: string) => grants.some(([program]) => program === slug);
  const order = Object.entries(config.programs).sort(([a], [b]) => Number(has(b)) - Number(has(a))); // stable: page order within each
  for (const [slug, p] of order) {
    const mine = grants.filter(([program]) => program === slug);
    const li = el('li', undefined, 'rounded border border-line p-3');
    li.dataset.program = slug;
    li.dataset.answer = mine.length ? 'ya' : 'tidak';
    const head = el('p', undefined, 'm-0');
    head.append(el('strong', p.nama), ' — ', el('strong', mine.length ? T.yes : T.no, mine.length ? 'text-green-800' : 'text-ink'));
    li.append(head);
    if (!mine.length) li.append(el('p', T.notListed, 'm-0 text-sm'));
    for (const [, st, periode] of mine) {
      li.append(el('p', `${T.status}: ${config.statuses[st]?.label ?? st} · ${T.period}: ${periode}`, 'm-0'));
      li.append(el('p', config.statuses[st]?.meaning ?? '', 'm-0 text-sm'));
    }
    ul.append(li);
  }
  return ul;
}

/** The household's desil and, for every program tied to desil, whether it is within the program's target — in words. */
function desilPanel(desil: number | null): HTMLElement {
  const box = el('div', undefined, 'mt-3 rounded border border-line bg-slate-50 p-3');
  box.dataset.desil = desil === null ? '' : String(desil);
  if (desil === null) {
    box.append(el('p', T.desilUnranked, 'm-0'));
    return box;
  }
  box.append(el('p', fill(T.desil, { d: desil }), 'm-0 font-semibold'));
  const ul = el('ul', undefined, 'list-disc pl-5 my-1');
  for (const p of Object.values(config.programs)) {
    if (!p.desilMaks) continue;
    ul.append(el('li', fill(desil <= p.desilMaks ? T.desilWithin : T.desilAbove, { d: desil, program: p.singkatan, max: p.desilMaks })));
  }
  box.append(ul, el('p', T.desilNote, 'm-0 text-sm'));
  return box;
}

function render(nik: string, grants: [string, string, string][] | undefined, desil: number | null | undefined, from?: string) {
  result.replaceChildren();
  if (!grants) {
    result.append(el('h2', T.notFound), el('p', T.notFoundIntro), everyProgram([]));
    // Household aid is listed under the members the office listed: a member who is not may still be in a receiving household.
    result.append(el('p', T.householdHint, 'mt-3 rounded border-2 border-amber-500 bg-sample p-2'), el('p', T.ifEligible));
    const ol = el('ol', undefined, 'list-decimal pl-5');
    ol.append(el('li', T.step1), el('li', T.step2), el('li', T.step3));
    result.append(ol, puskesosFor(nik));
  } else {
    const programs = new Set(grants.map(([p]) => p)).size;
    result.append(el('h2', fill(T.found, { n: programs })), everyProgram(grants));
    if (desil !== undefined) result.append(desilPanel(desil));
    // Sealed by a kabupaten/kota for the province: that office answers questions about it.
    const listed = from ? config.offices?.[from] : undefined;
    if (listed) {
      const line = officeLine(T.listedBy.replace('{kabupaten}', listed.name), listed.office ?? config.office);
      line.dataset.listedBy = from;
      result.append(line);
    }
    result.append(el('p', T.wrong, 'mt-3'), puskesosFor(nik));
  }
  result.focus();
}

// An answer belongs to the numbers it was asked for: any edit takes it off the screen (a shared phone shows no one else's aid).
for (const input of [nikInput, kkInput])
  input.addEventListener('input', () => {
    if (result.childElementCount) result.replaceChildren();
    status.textContent = '';
  });

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const nik = normaliseId(nikInput.value);
  const kk = normaliseId(kkInput.value);
  const okNik = showFieldError(nikInput, checkNik(nik));
  const okKk = showFieldError(kkInput, checkKk(kk));
  if (!okNik || !okKk) {
    (okNik ? kkInput : nikInput).focus();
    status.textContent = T.fixFields;
    return;
  }
  const outside = !config.kecamatan[regionOfId(nik)];
  button.disabled = true;
  result.replaceChildren();
  const started = performance.now();
  // Marks for the bench's breakdown of submit → answer (Performance API; nothing leaves the page).
  performance.mark('cek:submit');
  status.textContent = `${outside ? `${T.outside} ` : ''}${T.checking}`;
  const tick = setInterval(() => {
    status.textContent = fill(T.checkingSecs, { s: secs(performance.now() - started) });
  }, 500);
  try {
    const { id, key } = splitKey(await derive(nik, kk));
    performance.mark('cek:key');
    const res = await fetch(`${BASE}cek/k/${id.slice(0, config.prefixLength)}.bin`);
    if (!res.ok) throw new Error(String(res.status));
    const record = findRecord(new Uint8Array(await res.arrayBuffer()), config.recordBytes, id);
    performance.mark('cek:shard');
    // Only this person's key opens their entry; a decoy or someone else's never does.
    const entry = record && (await openRecord(crypto.subtle, key, record));
    performance.mark('cek:open');
    render(nik, entry ? entry.g : undefined, config.desil && entry ? entry.d : undefined, entry?.w);
    performance.mark('cek:answer');
    status.textContent = fill(T.done, { s: secs(performance.now() - started) });
  } catch {
    status.textContent = T.failed;
  } finally {
    clearInterval(tick);
    button.disabled = false;
  }
});

// The form is ours now: the button (disabled in the HTML, so nothing can be submitted without this script) works.
document.getElementById('cek-not-ready')?.remove();
button.disabled = false;
form.dataset.ready = '';
