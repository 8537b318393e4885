/**
 * `npm run geo:import -- <desa-boundaries.geojson> [--data data] [--mapping file.json] [--max-kb 150]`
 *
 * Turns a desa-level boundary file from BPS / COD-AB (with BPS codes) into the
 * portal's kecamatan boundaries keyed by Kemendagri code, written to
 * `<data>/geo/kecamatan.topo.json` with its licence and attribution. Prints
 * how each kecamatan was matched and what could not be; exits 1 if any
 * kecamatan is left unmatched (add it to the mapping file, `<data>/geo/pemetaan.json`:
 * `{ "id1707042": "17.07.09" }`).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FeatureCollection } from 'geojson';
import { BoundaryBudgetError, importBoundaries } from './geo/boundaries.ts';
import { loadPortalTree } from '../src/domain/regions.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: process.env.DATA_DIR ?? 'data' },
    mapping: { type: 'string' },
    'max-kb': { type: 'string', default: '150' },
    region: { type: 'string' },
    attribution: { type: 'string' },
  },
});
const input = positionals[0];
if (!input) {
  console.error('Pemakaian: npm run geo:import -- <berkas-batas-desa.geojson> [--data data] [--mapping pemetaan.json]');
  process.exit(2);
}
const dataDir = path.resolve(values.data!);
const fail = (msg: string): never => {
  console.error(`GALAT ${msg}`);
  process.exit(1);
};

let region = values.region;
if (!region) {
  try {
    region = JSON.parse(await readFile(path.join(dataDir, 'portal.json'), 'utf8')).kode_kabupaten;
  } catch {
    fail(`${path.join(dataDir, 'portal.json')}: tidak terbaca; beri --region 34.02`);
  }
}
const tree = (await loadPortalTree(region!)) ?? fail(`kode kabupaten/kota atau provinsi "${region}" tidak ada di idn-area-data`);
let fc: FeatureCollection;
try {
  fc = JSON.parse(await readFile(input, 'utf8'));
} catch (e) {
  fail(`${input}: bukan GeoJSON yang sah (${(e as Error).message})`);
}
if (fc!.type !== 'FeatureCollection') fail(`${input}: diharapkan FeatureCollection GeoJSON`);
const mappingFile = values.mapping ?? path.join(dataDir, 'geo', 'pemetaan.json');
let mapping: Record<string, string> = {};
try {
  mapping = JSON.parse(await readFile(mappingFile, 'utf8'));
} catch (e) {
  if (values.mapping) fail(`${mappingFile}: ${(e as Error).message}`);
}

const props = fc!.features[0]?.properties ?? {};
const attribution =
  values.attribution ??
  `Batas wilayah: ${props.source ?? 'BPS'} (berlaku ${props.valid_on ?? '?'}), "Indonesia - Subnational Administrative Boundaries" (COD-AB, sumber BPS), lisensi CC BY-IGO 3.0; digabung ke kecamatan dan disederhanakan oleh Terang.`;
let result: ReturnType<typeof importBoundaries>;
try {
  result = importBoundaries(fc!, tree!, { mapping, maxBytes: Number(values['max-kb']) * 1000, attribution });
} catch (e) {
  if (!(e instanceof BoundaryBudgetError)) throw e;
  fail(
    `${input}: batas kecamatan tidak muat ${(e.maxBytes / 1000).toFixed(0)} KB walau disederhanakan sejauh mungkin (terkecil ${(e.smallest / 1000).toFixed(0)} KB); beri --max-kb yang lebih besar`,
  );
}
const { report } = result!;
const how = { mapping: 'berkas pemetaan', name: 'nama', desa: 'nama desa (periksa!)' };
for (const m of report.matched)
  console.log(`  ${m.bps} ${m.name.padEnd(22)} → ${m.code} ${m.kemendagriName} (${m.desa} desa; cocok menurut ${how[m.how]})`);
for (const u of report.unmatched)
  console.error(
    `GALAT ${u.bps} ${u.name} (${u.desa} desa): tidak cocok dengan kecamatan mana pun di ${tree!.name}; tambahkan ke ${path.relative(process.cwd(), mappingFile)}, mis. { "${u.bps}": "${tree!.code}.xx" }`,
  );
for (const m of report.missing) console.error(`PERINGATAN ${m.code} ${m.name}: tidak ada batas wilayahnya di berkas ini`);
if (report.unmatched.length) process.exit(1);

const out = path.join(dataDir, 'geo', 'kecamatan.topo.json');
await mkdir(path.dirname(out), { recursive: true });
await writeFile(`${out}.tmp`, JSON.stringify(result!.topology));
await rename(`${out}.tmp`, out);
console.log(
  `${report.matched.length} wilayah BPS → ${new Set(report.matched.map((m) => m.code)).size} kecamatan; ${path.relative(process.cwd(), out)} (${(result!.bytes / 1000).toFixed(1)} KB).`,
);
