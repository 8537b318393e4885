/**
 * The data explorer: a React island on /data/jelajah/ only. It holds the
 * reader's choices (measure, year, sort, filter — mirrored in the URL so a
 * view can be shared), reads the measure's JSON download, and shows every
 * kecamatan as a table, a ranked bar chart and, where boundaries exist, a
 * map. What it computes lives in shared/explorer.ts; drawing is the same
 * Chart.js module every chart uses.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatValue } from '../../shared/chart-format.ts';
import {
  type Area,
  type ExplorerIndicator,
  type ExplorerRow,
  type ExplorerState,
  explorerCsv,
  filterRows,
  readState,
  rowsOf,
  selectRows,
  sortRows,
  writeState,
} from '../../shared/explorer.ts';
import type { Lang } from '../../shared/lang.ts';
import type { ClientChart } from '../../shared/chart-spec.ts';
import { heightClass } from '../heights.ts';
import { BASE } from '../base.ts';

export interface ExplorerText {
  pick: string;
  year: string;
  filter: string;
  sort: string;
  sortValue: string;
  sortName: string;
  order: string;
  asc: string;
  desc: string;
  download: string;
  rank: string;
  hidden: string;
  missing: string;
  loading: string;
  failed: string;
  shown: string;
  kecamatan: string;
  code: string;
  period: string;
  note: string;
  source: string;
  licence: string;
}

interface Props {
  lang: Lang;
  indicators: ExplorerIndicator[];
  areas: Area[];
  text: ExplorerText;
  /** Boundaries for the map, when the portal has them. */
  map?: { url: string; attribution: string; failed: string };
}

const cache = new Map<string, Promise<Record<string, unknown>[]>>();
const load = (file: string) => {
  if (!cache.has(file))
    cache.set(
      file,
      fetch(`${BASE}data/${file}.json`).then(async (r) => {
        if (!r.ok) throw new Error(String(r.status));
        return rowsOf(await r.json());
      }),
    );
  return cache.get(file)!;
};

export default function Explorer({ lang, indicators, areas, text, map }: Props) {
  const [state, setState] = useState<ExplorerState>(() => readState(typeof location === 'undefined' ? '' : location.search, indicators));
  const [rows, setRows] = useState<ExplorerRow[] | 'loading' | 'failed'>('loading');
  const ind = indicators.find((x) => x.id === state.i)!;
  const bars = useRef<HTMLCanvasElement>(null);
  const choropleth = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    history.replaceState(null, '', writeState(state) + location.hash);
  }, [state]);

  useEffect(() => {
    let alive = true;
    setRows('loading');
    load(ind.file)
      .then((data) => alive && setRows(selectRows(ind, data, state.y, areas)))
      .catch(() => alive && setRows('failed'));
    return () => {
      alive = false;
    };
  }, [ind, state.y, areas]);

  const shown = useMemo(
    () => (Array.isArray(rows) ? sortRows(filterRows(rows, state.q), state.s, state.d, lang) : []),
    [rows, state.q, state.s, state.d, lang],
  );

  // The ranked bar chart (and the map) of what the table shows.
  useEffect(() => {
    if (!Array.isArray(rows) || !bars.current) return;
    const ranked = sortRows(shown, 'value', 'desc', lang);
    const base: Omit<ClientChart, 'id' | 'kind' | 'labels' | 'series'> = {
      lang,
      title: `${ind.label}, ${state.y}`,
      unit: ind.unit,
      format: ind.format,
      subtitle: [ind.unit, text.source, text.licence],
    };
    void import('../chart-draw.ts').then(async (m) => {
      await m.redraw(bars.current!, {
        ...base,
        id: 'jelajah',
        kind: 'hbar',
        labels: ranked.map((r) => r.name),
        series: [{ label: ind.label, data: ranked.map((r) => r.value) }],
      });
      if (map && choropleth.current)
        await m.redraw(choropleth.current, {
          ...base,
          id: 'jelajah-peta',
          kind: 'bar',
          labels: shown.map((r) => r.name),
          series: [{ label: ind.label, data: shown.map((r) => r.value) }],
          map: { url: map.url, object: 'kecamatan', codes: shown.map((r) => r.code), attribution: map.attribution, failed: map.failed },
        });
    });
  }, [shown, rows, ind, state.y, lang, map, text]);

  const set = (patch: Partial<ExplorerState>) => setState((s) => ({ ...s, ...patch }));
  const pickIndicator = (id: string) => {
    const next = indicators.find((x) => x.id === id)!;
    set({ i: id, y: next.years.includes(state.y) ? state.y : next.years.at(-1)! });
  };
  const csvHref = useMemo(() => {
    if (!Array.isArray(rows)) return undefined;
    const csv = explorerCsv(
      ind,
      shown,
      { code: text.code, name: text.kecamatan, rank: text.rank, note: text.note, period: text.period },
      { hidden: text.hidden, missing: text.missing },
    );
    return `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${csv}`)}`;
  }, [rows, shown, ind, text]);

  const groups = [...new Set(indicators.map((x) => x.group))];
  const height = Math.max(300, 60 + shown.length * 22);
  return (
    <div className="explorer">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[2fr_1fr]">
        <label className="block">
          <span className="block text-sm font-semibold">{text.pick}</span>
          <select className="explorer-field" value={state.i} onChange={(e) => pickIndicator(e.target.value)} data-explorer="indicator">
            {groups.map((g) => (
              <optgroup key={g} label={g}>
                {indicators
                  .filter((x) => x.group === g)
                  .map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="block text-sm font-semibold">{text.year}</span>
          <select className="explorer-field" value={state.y} onChange={(e) => set({ y: Number(e.target.value) })} data-explorer="year">
            {ind.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-[2fr_1fr_1fr]">
        <label className="block">
          <span className="block text-sm font-semibold">{text.filter}</span>
          <input
            className="explorer-field"
            type="search"
            value={state.q}
            onChange={(e) => set({ q: e.target.value })}
            data-explorer="filter"
          />
        </label>
        <label className="block">
          <span className="block text-sm font-semibold">{text.sort}</span>
          <select
            className="explorer-field"
            value={state.s}
            onChange={(e) => set({ s: e.target.value as 'name' | 'value' })}
            data-explorer="sort"
          >
            <option value="value">{text.sortValue}</option>
            <option value="name">{text.sortName}</option>
          </select>
        </label>
        <label className="block">
          <span className="block text-sm font-semibold">{text.order}</span>
          <select
            className="explorer-field"
            value={state.d}
            onChange={(e) => set({ d: e.target.value as 'asc' | 'desc' })}
            data-explorer="dir"
          >
            <option value="desc">{text.desc}</option>
            <option value="asc">{text.asc}</option>
          </select>
        </label>
      </div>

      <p className="mt-3 text-sm" aria-live="polite" data-explorer="status">
        {rows === 'loading' ? text.loading : rows === 'failed' ? text.failed : text.shown.replace('{n}', String(shown.length))}
        {csvHref && (
          <>
            {' · '}
            <a href={csvHref} download={`jelajah-${ind.id}-${state.y}.csv`} data-explorer="csv">
              {text.download}
            </a>
          </>
        )}
      </p>

      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable) */}
      <section className="table-wrap mt-2" tabIndex={0} aria-label={`${ind.label}, ${state.y}`}>
        <table className="data" data-explorer="table">
          <caption>
            {ind.label}, {state.y} ({ind.unit})
          </caption>
          <thead>
            <tr>
              <th scope="col">{text.kecamatan}</th>
              <th scope="col">{text.code}</th>
              <th scope="col" className="num">
                {ind.unit}
              </th>
              <th scope="col" className="num">
                {text.rank}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.code} data-code={r.code} data-value={r.value ?? ''} data-state={r.state}>
                <th scope="row" className="text-left font-normal">
                  {r.name}
                </th>
                <td>{r.code}</td>
                <td className="num">
                  {r.state === 'shown' ? formatValue(r.value, ind.format, lang) : r.state === 'hidden' ? text.hidden : text.missing}
                </td>
                <td className="num">{r.rank ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <div className={`mt-4 ${heightClass(height)}`}>
        <canvas ref={bars} role="img" aria-label={`${ind.label}, ${state.y}`} data-chart="jelajah" />
      </div>
      {map && (
        <>
          <div className={`mt-4 ${heightClass(420)}`}>
            <canvas ref={choropleth} role="img" aria-label={`${ind.label}, ${state.y}`} data-chart="jelajah-peta" />
          </div>
          <p className="text-xs">{map.attribution}</p>
        </>
      )}
    </div>
  );
}
