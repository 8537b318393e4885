/**
 * Okabe–Ito colours (colour-blind safe), and for each series a second cue
 * that does not depend on colour: dash pattern and point shape for lines,
 * solid / outlined / light fill for bars.
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000'];
export const DASHES: number[][] = [[], [8, 4], [2, 3], [12, 3, 2, 3]];
export const POINTS = ['circle', 'rectRot', 'triangle', 'rect', 'star', 'crossRot'] as const;

export function seriesStyle(i: number, type: 'bar' | 'line') {
  const color = OKABE_ITO[i % OKABE_ITO.length]!;
  if (type === 'line')
    return {
      borderColor: color,
      backgroundColor: color,
      borderDash: DASHES[i % DASHES.length],
      pointStyle: POINTS[i % POINTS.length],
      pointRadius: 4,
      borderWidth: 2.5,
    };
  // Bars: first solid, second outlined, third light; the legend shows the same swatch.
  const fill = [color, '#ffffff', `${color}55`][i % 3];
  return { borderColor: color, backgroundColor: fill, borderWidth: i % 3 === 0 ? 0 : 2 };
}
