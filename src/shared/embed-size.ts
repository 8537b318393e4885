/**
 * The height an embed code starts with: the chart's own height plus what the
 * page puts around it, as laid out in a 480 px column (a news article's body
 * on a phone or in a sidebar). Text is estimated by its length at the page's
 * font sizes; the estimate errs high, and the code's script then follows the
 * height the embed posts (tests/e2e/embed.test.ts measures both).
 */
const COLUMN = 480 - 2 * 16 - 2 * 13; // main's padding and the chart box's border and padding

/** Lines a text of `chars` characters takes at an average glyph width of `em` px. */
const lines = (chars: number, em: number, width = COLUMN) => Math.max(1, Math.ceil((chars * em) / width));

export function embedExtra(o: { title: string; caption: string; sample: boolean; map: boolean }): number {
  const banner = o.sample ? lines(140, 7.4, 480 - 32) * 20 + 20 : 0;
  const title = lines(o.title.length, 9.6) * 26 + 8;
  const caption = lines(o.caption.length + 40, 6.6) * 16 + 8;
  const attribution = o.map ? lines(90, 6.6) * 16 + 8 : 0;
  const table = 28; // "Lihat tabel"
  const links = 2 * 22; // the portal and CSV links, wrapping onto two lines at most
  const padding = 2 * 16 + 2 * 13 + 16 + 24; // and a margin for fonts that run wider
  return Math.ceil((banner + title + caption + attribution + table + links + padding) / 10) * 10;
}
