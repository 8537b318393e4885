/**
 * Share cards: a 1200×630 PNG for every indexable page (Open Graph and
 * Twitter `summary_large_image`), because links to the portal travel in
 * WhatsApp groups. Drawn at build time with @napi-rs/canvas (Skia) and
 * Chart.js, from the rendered page itself: its title and language, the key
 * figure it declares (`<meta name="terang:share">`), or else its first chart,
 * drawn from the same JSON block the browser draws it from. The office's name
 * and the release are on every card; sample data says so on the card too.
 * The font is Noto Sans from @fontsource (OFL), so every machine draws the
 * same card.
 */
import { createRequire } from 'node:module';
import { type Canvas, createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import type { SiteFigures } from '../model/model.ts';
import { chartConfig } from '../shared/chart-config.ts';
import type { ClientChart } from '../shared/chart-spec.ts';
import { formatDate } from '../shared/format.ts';
import type { Lang } from '../shared/lang.ts';
import { shareImagePath } from '../shared/share-path.ts';
import type { SiteFiles } from './guard.ts';
import { indexablePages } from './web.ts';

export const CARD = { width: 1200, height: 630 } as const;
const FONT = 'Noto Sans';
const require = createRequire(import.meta.url);
let ready = false;
function setUp() {
  if (ready) return;
  for (const w of ['400', '700'])
    GlobalFonts.registerFromPath(require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${w}-normal.woff`), FONT);
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend);
  Chart.defaults.font.family = FONT;
  Chart.defaults.font.size = 16;
  Chart.defaults.color = '#1f2328';
  ready = true;
}

const attr = (html: string, re: RegExp) => {
  const m = re.exec(html)?.[1];
  return m
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
};

/** Lines of at most `width` pixels in the current font. */
function wrap(ctx: SKRSContext2D, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = `${lines[maxLines - 1]!.replace(/\s+\S*$/, '')} …`;
  }
  return lines;
}

export interface CardContent {
  lang: Lang;
  title: string;
  office: string;
  footer: string;
  sample?: string;
  figure?: { value: string; label: string };
  chart?: ClientChart;
  /** The page's description, on cards with neither a figure nor a chart. */
  text?: string;
}

/** One card as PNG bytes. */
export async function drawCard(c: CardContent): Promise<Uint8Array> {
  setUp();
  const canvas: Canvas = createCanvas(CARD.width, CARD.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, CARD.width, CARD.height);
  ctx.fillStyle = '#0b5394';
  ctx.fillRect(0, 0, CARD.width, 84);
  ctx.fillStyle = '#ffffff';
  ctx.font = `700 30px "${FONT}"`;
  ctx.fillText(c.office, 48, 54);
  let y = 150;
  if (c.sample) {
    ctx.fillStyle = '#fff4cc';
    ctx.fillRect(0, 84, CARD.width, 44);
    ctx.fillStyle = '#1f2328';
    ctx.font = `700 22px "${FONT}"`;
    ctx.fillText(c.sample, 48, 114);
    y = 186;
  }
  ctx.fillStyle = '#1f2328';
  ctx.font = `700 44px "${FONT}"`;
  for (const line of wrap(ctx, c.title, CARD.width - 96, 2)) {
    ctx.fillText(line, 48, y);
    y += 56;
  }
  const bottom = CARD.height - 64;
  if (c.figure) {
    ctx.fillStyle = '#0b5394';
    ctx.font = `700 120px "${FONT}"`;
    ctx.fillText(c.figure.value, 48, y + 120);
    ctx.fillStyle = '#1f2328';
    ctx.font = `400 34px "${FONT}"`;
    for (const [i, line] of wrap(ctx, c.figure.label, CARD.width - 96, 2).entries()) ctx.fillText(line, 48, y + 180 + i * 44);
  } else if (c.chart) {
    ctx.fillStyle = '#57606a';
    ctx.font = `400 26px "${FONT}"`;
    ctx.fillText(wrap(ctx, c.chart.title, CARD.width - 96, 1)[0]!, 48, y - 8);
    y += 12;
    const h = bottom - y;
    const chartCanvas = createCanvas(CARD.width - 96, h);
    const config = chartConfig({ ...c.chart, subtitle: [] });
    config.options = { ...config.options, responsive: false, animation: false, devicePixelRatio: 1 };
    const chart = new Chart(chartCanvas.getContext('2d') as unknown as CanvasRenderingContext2D, config);
    ctx.drawImage(chartCanvas, 48, y);
    chart.destroy();
  } else if (c.text) {
    ctx.fillStyle = '#1f2328';
    ctx.font = `400 32px "${FONT}"`;
    for (const [i, line] of wrap(ctx, c.text, CARD.width - 96, 5).entries()) ctx.fillText(line, 48, y + 20 + i * 46);
  }
  ctx.fillStyle = '#f6f8fa';
  ctx.fillRect(0, bottom, CARD.width, 64);
  ctx.fillStyle = '#57606a';
  ctx.font = `400 22px "${FONT}"`;
  ctx.fillText(c.footer, 48, bottom + 40);
  return new Uint8Array(await canvas.encode('png'));
}

/** The card of every indexable page, written under `og/` (shared/share-path.ts). Needs the site's address (`instansi.situs`). */
export async function buildShareImages(site: SiteFiles, m: SiteFigures): Promise<{ path: string; content: Uint8Array }[]> {
  if (!m.config.instansi.situs) return [];
  const host = new URL(m.config.instansi.situs).host;
  const pages = await indexablePages(site);
  const cards: { path: string; content: Uint8Array }[] = [];
  // A few at a time: each card is a 3 MB canvas until it is encoded (on libuv's threads).
  for (let i = 0; i < pages.length; i += 4)
    cards.push(
      ...(await Promise.all(
        pages.slice(i, i + 4).map(async (p) => {
          const html = await site.readFile(`${p.slice(1)}index.html`);
          const lang: Lang = attr(html, /<html lang="([^"]+)"/) === 'en' ? 'en' : 'id';
          const title = attr(html, /<h1[^>]*>([\s\S]*?)<\/h1>/)?.replace(/<[^>]+>/g, '') ?? attr(html, /<title>([^<]*)<\/title>/) ?? '';
          const share = attr(html, /<meta name="terang:share" content="([^"]*)"/);
          const spec = attr(html, /<script type="application\/json" data-chart-spec="[^"]*">([\s\S]*?)<\/script>/);
          const text = attr(html, /<meta name="description" content="([^"]*)"/);
          const release = `${lang === 'en' ? 'Release' : 'Rilis'} ${m.config.rilis.label}, ${formatDate(m.config.rilis.tanggal, lang)}`;
          const content: CardContent = {
            lang,
            title,
            office: m.config.instansi.nama,
            footer: `${host} · ${release} · ${m.config.lisensi.id}`,
            ...(m.config.data_contoh
              ? { sample: lang === 'en' ? 'SAMPLE DATA — NOT OFFICIAL STATISTICS' : 'DATA CONTOH — BUKAN DATA RESMI' }
              : {}),
            ...(share
              ? { figure: { value: share.split('|')[0]!, label: share.split('|').slice(1).join('|') } }
              : spec
                ? { chart: JSON.parse(spec) as ClientChart }
                : text
                  ? { text }
                  : {}),
          };
          return { path: shareImagePath(p).slice(1), content: await drawCard(content) };
        }),
      )),
    );
  return cards;
}
