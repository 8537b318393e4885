/** Both languages: every page has its twin, every interface string exists in both dictionaries. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { en } from '../src/i18n/en.ts';
import { id } from '../src/i18n/id.ts';
import { switchPath } from '../src/i18n/index.ts';

describe('dictionaries', () => {
  it('have the same keys, and no string is empty in either (except deliberate blanks)', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    const blanksAllowed = new Set(['inIndonesian']); // only English pages need to say a section is in Indonesian
    const check = (dict: Record<string, unknown>, lang: string) => {
      for (const [k, v] of Object.entries(dict)) {
        if (blanksAllowed.has(k) && lang === 'id') continue;
        if (typeof v === 'string') expect(v.trim(), `${lang}.${k}`).not.toBe('');
        if (typeof v === 'function') expect(String(v(...Array(v.length).fill('x'))).trim(), `${lang}.${k}`).not.toBe('');
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          expect(Object.keys(v).sort(), `${lang}.${k}`).toEqual(Object.keys((id as unknown as Record<string, object>)[k]!).sort());
          for (const [kk, vv] of Object.entries(v)) expect(String(vv).trim(), `${lang}.${k}.${kk}`).not.toBe('');
        }
      }
    };
    check(id, 'id');
    check(en, 'en');
  });
  it('really translate: most strings differ between the languages', () => {
    const same = Object.keys(id).filter(
      (k) =>
        typeof (id as Record<string, unknown>)[k] === 'string' && (id as Record<string, unknown>)[k] === (en as Record<string, unknown>)[k],
    );
    expect(same.sort()).toEqual([
      'data',
      'desil',
      'exGroupPmks',
      'kabupatenPct',
      'kindDataset',
      'kindProgram',
      'menu',
      'pmks',
      'program',
      'psks',
      'target',
    ]); // words the same in both languages
  });
});

describe('the built site', () => {
  const dist = inject('sampleDist');
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f === 'index.html')
        pages.push(`/${path.relative(dist, path.dirname(p)).split(path.sep).join('/')}${path.dirname(p) === dist ? '' : '/'}`);
    }
  };
  walk(dist);
  const set = new Set(pages.map((p) => p.replace('//', '/')));

  it('has an /en/ twin for every page under / and an Indonesian twin for every /en/ page', () => {
    expect(set.size).toBeGreaterThan(150);
    // /en/targeting/ is an English alias that forwards to /en/sasaran/; /en/404/ is the English twin of /404.html.
    for (const p of set)
      if (p !== '/en/targeting/' && p !== '/en/404/') expect(set.has(switchPath(p)), `${p} has no twin ${switchPath(p)}`).toBe(true);
  });

  it("shows a program's English text where the office wrote one (after <!-- en -->), and says so where it did not", () => {
    const page = (p: string) => readFileSync(path.join(dist, p, 'index.html'), 'utf8');
    const pkh = page('en/program/pkh');
    expect(pkh).toContain('<h2>How to apply</h2>');
    expect(pkh).not.toContain('Cara mendaftar');
    expect(pkh).not.toContain(en.inIndonesian);
    expect(page('program/pkh')).toContain('Cara mendaftar');
    expect(page('program/pkh')).not.toContain('How to apply');
    const sembako = page('en/program/sembako');
    expect(sembako).toContain(en.inIndonesian);
    // The contact line has the complaint WhatsApp number beside the phone.
    expect(pkh).toMatch(/Contact: [^<]*, phone [^<]*, WhatsApp 0800-0000-0001/);
  });
});
