/**
 * Chart heights as Tailwind classes (a strict CSP forbids inline style
 * attributes): 240 px to 1,500 px in steps of 60 px. The literal class names
 * below are what Tailwind generates CSS for.
 */
const CLASSES = [
  'h-60',
  'h-75',
  'h-90',
  'h-105',
  'h-120',
  'h-135',
  'h-150',
  'h-165',
  'h-180',
  'h-195',
  'h-210',
  'h-225',
  'h-240',
  'h-255',
  'h-270',
  'h-285',
  'h-300',
  'h-315',
  'h-330',
  'h-345',
  'h-360',
  'h-375',
] as const;

/** The class of the smallest listed height ≥ `px`. */
export function heightClass(px: number): string {
  const i = Math.min(CLASSES.length - 1, Math.max(0, Math.ceil((px - 240) / 60)));
  return `relative ${CLASSES[i]}`;
}
