/**
 * The chart loader, on every page with a chart (a few hundred bytes). Chart.js
 * is fetched only when a chart comes into view, and then draws it; on a
 * printable one-pager (`[data-print-doc]`) every chart is drawn as soon as
 * the browser is idle, so printing straight after opening puts every chart
 * on paper; `beforeprint` draws whatever is still missing and fits the
 * charts to the page. Buttons: `[data-png]` downloads a chart as an image,
 * `[data-print]` draws everything, then prints.
 */
import { specOf } from './chart-spec.ts';

type Draw = typeof import('./chart-draw.ts');
let mod: Draw | undefined;
let loading: Promise<Draw> | undefined;
const load = () => {
  loading ??= import('./chart-draw.ts').then((m) => {
    mod = m;
    return m;
  });
  return loading;
};

const canvases = [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')];

/** One drawing per canvas: a second call waits for the first (printing waits for a chart still on its way). */
const drawing = new Map<HTMLCanvasElement, Promise<void>>();
function draw(canvas: HTMLCanvasElement): Promise<void> {
  let p = drawing.get(canvas);
  if (!p && canvas.dataset.state === 'drawn') return Promise.resolve(); // drawn at once by beforeprint
  if (!p) {
    canvas.dataset.state = 'loading';
    p = load().then((m) => m.draw(canvas, specOf(canvas)));
    drawing.set(canvas, p);
  }
  return p;
}
const drawAll = () => Promise.all(canvases.map(draw));

const seen = new IntersectionObserver(
  (entries) => {
    for (const e of entries)
      if (e.isIntersecting) {
        seen.unobserve(e.target);
        void draw(e.target as HTMLCanvasElement);
      }
  },
  { rootMargin: '300px 0px' },
);
for (const c of canvases) seen.observe(c);

if (document.querySelector('[data-print-doc]')) {
  const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
  if (document.readyState === 'complete') idle(() => void drawAll());
  else window.addEventListener('load', () => idle(() => void drawAll()), { once: true });
}

// Printing is synchronous: what is loaded draws now; maps and Chart.js still on the way are covered by the idle pass above.
window.addEventListener('beforeprint', () => {
  if (!mod) return;
  for (const c of canvases) if (!c.dataset.state) mod.drawNow(c, specOf(c));
  mod.fitForPrint(true);
});
window.addEventListener('afterprint', () => mod?.fitForPrint(false));

document.addEventListener('click', (e) => {
  const png = (e.target as Element).closest<HTMLElement>('[data-png]');
  if (png) {
    const canvas = canvases.find((c) => c.dataset.chart === png.dataset.png);
    if (canvas) void load().then((m) => m.downloadPng(specOf(canvas)));
  }
  if ((e.target as Element).closest('[data-print]')) void drawAll().then(() => window.print());
});
for (const b of document.querySelectorAll<HTMLElement>('[data-png], [data-print]')) b.hidden = false;

// Without a configured site address, embed codes are completed with this page's origin.
for (const el of document.querySelectorAll<HTMLElement>('[data-embed-code]'))
  el.textContent = (el.textContent ?? '').replace(/src="\/(en\/)?embed\//, (m) => m.replace('src="/', `src="${location.origin}/`));

// In a frame, tell the page around it how tall the embed's content is (the embed code's script resizes the iframe to it).
// The content's own height, never the viewport's: a frame resized to it reports the same height again.
const embed = document.querySelector<HTMLElement>('[data-embed-page]');
if (embed && window.parent !== window) {
  let told = 0;
  const tell = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== told) window.parent.postMessage({ type: 'terang:height', id: embed.dataset.embedPage, height }, '*');
    told = height;
  };
  new ResizeObserver(tell).observe(document.body);
}
