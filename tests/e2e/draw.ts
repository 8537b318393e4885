/** Browser helpers without Vitest, so `npm run bench` can use them too. */
import type { Page } from 'playwright-core';

/**
 * Bring every chart into view, one at a time, and wait until it has drawn
 * (`data-values` is set by the island after Chart.js renders). Scrolling in
 * fixed steps with short pauses is not enough on a busy machine: a canvas that
 * is in view for less than one rendering frame never reaches the
 * IntersectionObserver, so the wait is per chart and generous.
 */
export async function drawEveryChart(page: Page, timeout = 60_000): Promise<void> {
  const charts = page.locator('canvas[data-chart]');
  const n = await charts.count();
  for (let i = 0; i < n; i++) {
    const chart = charts.nth(i);
    await chart.scrollIntoViewIfNeeded();
    await chart.evaluate(
      (c, ms) =>
        new Promise<void>((resolve, reject) => {
          const t0 = performance.now();
          const tick = () => {
            if ((c as HTMLElement).dataset.values) resolve();
            else if (performance.now() - t0 > ms) reject(new Error(`chart ${(c as HTMLElement).dataset.chart} did not draw`));
            else setTimeout(tick, 25);
          };
          tick();
        }),
      timeout,
    );
  }
}

/** Share of pixels that are not (near) white: a blank canvas scores 0. */
export async function inkRatio(page: Page, canvasSelector: string): Promise<number> {
  return page.$eval(canvasSelector, (c) => {
    const canvas = c as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235)) ink++;
    return ink / (data.length / 4);
  });
}
