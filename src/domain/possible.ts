/**
 * What any kabupaten/kota (or province) can have, known independently of the data: a value
 * outside these ranges cannot be true, whatever the other rows of the same
 * file say (a rate typed as a fraction on every row agrees with itself).
 * Sources: BPS, "Persentase Penduduk Miskin Menurut Kabupaten/Kota" (Susenas
 * March 2023 and 2024: from about 1,7 % in the least poor cities to about
 * 41 % in the highlands of Papua Tengah); BPS Sensus Penduduk 2020 (from
 * about 25.000 people, Kabupaten Tana Tidung, to about 5,4 million,
 * Kabupaten Bogor). The bounds leave room on both sides; inside them, the
 * narrower "usual" band only warns.
 */
export const POSSIBLE = {
  /** Poverty rate (P0) of a kabupaten/kota, %: outside is impossible… */
  povertyRate: [0.5, 55] as const,
  /** …and outside this, unusual enough to look at. */
  povertyRateUsual: [1.5, 45] as const,
  /** People living in one kabupaten/kota. */
  population: [10_000, 7_000_000] as const,
  /** People living in one province (SP2020: about 0,7 million, Kalimantan Utara, to 48 million, Jawa Barat). */
  provincePopulation: [300_000, 60_000_000] as const,
};
