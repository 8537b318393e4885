/**
 * /cari/: full-text search over the statistics pages with Pagefind, loaded
 * from the site itself (no third party). The header search box is a plain
 * GET form to this page, so other pages carry no search JavaScript.
 */
import { BASE } from './base.ts';
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(o: object): Promise<void>;
  search(q: string, o?: object): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('q') as HTMLInputElement;
const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
const text = JSON.parse(document.getElementById('search-text')!.textContent!) as {
  results: string;
  none: string;
  searching: string;
  more: string;
};
const more = document.getElementById('search-more') as HTMLButtonElement;
more.textContent = text.more;
const PAGE = 8;

function item(d: PagefindResult): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = d.url;
  a.textContent = d.meta.title ?? d.url;
  a.className = 'font-semibold';
  const kindTag = document.createElement('span');
  kindTag.className = 'ml-2 text-xs text-muted';
  kindTag.textContent = d.filters.kind?.[0] ?? '';
  const p = document.createElement('p');
  p.className = 'm-0 text-sm';
  p.innerHTML = d.excerpt; // Pagefind's excerpt of our own page, with <mark> around the hits
  li.append(a, kindTag, p);
  return li;
}
let pagefind: Promise<Pagefind> | undefined;
// Pagefind's bundle is written into the site after the pages are built: a URL, not a module to resolve.
const PAGEFIND = `${BASE}pagefind/pagefind.js`;
const load = () =>
  (pagefind ??= (import(/* @vite-ignore */ PAGEFIND) as Promise<Pagefind>).then(async (m) => {
    // Term frequency counts half (Pagefind's default 0.8): a page that names a thing once in its title
    // ("Cek bansos: status penerima bantuan") beats one that repeats its words in every table row.
    await m.options({ baseUrl: BASE, excerptLength: 24, ranking: { termFrequency: 0.5 } });
    return m;
  }));

async function run() {
  const params = new URLSearchParams(location.search);
  const q = params.get('q')?.trim() ?? '';
  const kind = params.get('jenis') ?? '';
  input.value = q;
  for (const r of form.querySelectorAll<HTMLInputElement>('input[name=jenis]')) r.checked = r.value === kind;
  if (!q) return;
  status.textContent = text.searching;
  const pf = await load();
  const res = await pf.search(q, kind ? { filters: { kind } } : {});
  // Each result's text is a fragment of its own: fetch a page of them at a time, not twenty at once.
  list.replaceChildren();
  more.hidden = true;
  let shown = 0;
  const page = async () => {
    const data = await Promise.all(res.results.slice(shown, shown + PAGE).map((r) => r.data()));
    shown += data.length;
    list.append(...data.map(item));
    more.hidden = shown >= res.results.length;
  };
  more.onclick = () => void page();
  await page();
  const data = res.results;
  status.textContent = data.length ? text.results.replace('{n}', String(res.results.length)).replace('{q}', q) : text.none;
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const kind = (form.querySelector('input[name=jenis]:checked') as HTMLInputElement | null)?.value ?? '';
  const url = new URL(location.href);
  url.searchParams.set('q', input.value);
  if (kind) url.searchParams.set('jenis', kind);
  else url.searchParams.delete('jenis');
  history.pushState(null, '', url);
  void run();
});
for (const r of form.querySelectorAll<HTMLInputElement>('input[name=jenis]')) r.addEventListener('change', () => form.requestSubmit());
addEventListener('popstate', () => void run());
void run();
