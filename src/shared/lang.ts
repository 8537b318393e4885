/**
 * The two languages of the site and a bilingual text value. Shared by build
 * code and browser code; imports nothing.
 */
export type Lang = 'id' | 'en';
export interface Text {
  id: string;
  en: string;
}
export const t = (id: string, en: string): Text => ({ id, en });
