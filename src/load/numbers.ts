/**
 * Reading numbers the way Indonesian Excel writes them. With Indonesian
 * regional settings Excel writes `13,50` and `14.833` (decimal comma,
 * thousands dot) and separates CSV cells with `;`. A file's format is
 * declared in portal.json or inferred from evidence in the file itself; a
 * file that shows evidence of both formats is an error, never a guess.
 */

export type NumberFormat = 'id' | 'en';

const clean = (raw: string): string =>
  raw
    .trim()
    .replace(/^rp\.?\s*/i, '')
    .replace(/\s*%$/, '')
    .replace(/[\s\u00a0]/g, '');

/** What a single cell says about the file's format, if anything. */
export function formatEvidence(raw: string, integerColumn: boolean): NumberFormat | null {
  const s = clean(raw).replace(/^-/, '');
  if (/^\d+,\d+$/.test(s) && !/^\d{1,3},\d{3}$/.test(s)) return 'id'; // 13,50
  if (/^\d+\.\d+$/.test(s) && !/^\d{1,3}\.\d{3}$/.test(s)) return 'en'; // 13.50
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(s) || /^\d{1,3}(\.\d{3})+,\d+$/.test(s)) return 'id'; // 1.234.567 / 1.234,5
  if (/^\d{1,3}(,\d{3}){2,}$/.test(s) || /^\d{1,3}(,\d{3})+\.\d+$/.test(s)) return 'en'; // 1,234,567 / 1,234.5
  // `14.833` / `14,833`: a separator before exactly three digits is only
  // unambiguous in a whole-number column, where it cannot be a decimal mark.
  if (integerColumn && /^\d{1,3}\.\d{3}$/.test(s)) return 'id';
  if (integerColumn && /^\d{1,3},\d{3}$/.test(s)) return 'en';
  return null;
}

/** Parse a cell in a known format; `null` when it is not a number in that format. */
export function parseNumber(raw: string, format: NumberFormat): number | null {
  const s = clean(raw);
  const [group, decimal] = format === 'id' ? ['.', ','] : [',', '.'];
  const g = `\\${group}`;
  const d = `\\${decimal}`;
  const plain = new RegExp(`^-?\\d+(${d}\\d+)?$`);
  const grouped = new RegExp(`^-?\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`);
  if (!plain.test(s) && !grouped.test(s)) return null;
  return Number(s.split(group).join('').replace(decimal, '.'));
}
