/**
 * Bahasa Indonesia: every interface string of the portal. `en.ts` must have
 * exactly the same keys (checked by TypeScript and by a test).
 */
/** The lookup's threat figures, formatted (src/domain/lookup-cost.ts computes them from its constants). */
export interface ThreatTexts {
  leaked: string;
  leakedPeople: string;
  desil: boolean;
  candidates: string;
  cpuTarget: string;
  cpuGuess: string;
  gpuTarget: string;
  gpuRates: string;
  bulkPairs: string;
  nikRange: string;
  bulkGpu: string;
  cpuOld: string;
  gpuOld: string;
  kdf: string;
  phone: string;
  ratio: string;
  listRelease: string;
  files: string;
  per: string;
}

/** The level a portal-wide comparison is made at: a kabupaten portal's kecamatan, a province's kabupaten/kota. */
export type AreaLevelWord = 'kecamatan' | 'kabupaten';
const perLevel = (level: AreaLevelWord) => (level === 'kabupaten' ? 'per kabupaten/kota' : 'per kecamatan');

export const id = {
  langName: 'Bahasa Indonesia',
  otherLang: 'English',
  menu: 'Menu',
  skip: 'Langsung ke isi',
  notFoundTitle: 'Halaman tidak ditemukan',
  notFoundBody:
    'Alamat ini tidak ada di situs ini (mungkin salah ketik, atau halamannya sudah dipindah). Cari yang Anda perlukan, atau mulai dari salah satu halaman berikut.',
  home: 'Beranda',
  poverty: 'Kemiskinan',
  pmks: 'PMKS',
  psks: 'PSKS',
  budget: 'Anggaran',
  programs: 'Program',
  kecamatan: 'Kecamatan',
  check: 'Cek Bantuan',
  search: 'Cari',
  searchLabel: 'Cari statistik',
  searchPlaceholder: (kecamatan: string) => (kecamatan ? `mis. lansia ${kecamatan}` : 'mis. lansia'),
  data: 'Data',
  methodology: 'Metodologi',
  mainNav: 'Navigasi utama',
  siteTagline: (kab: string) => `Data kesejahteraan sosial ${kab}`,
  sampleBanner: 'Data contoh — bukan data resmi',
  sampleBannerDetail: 'Semua angka di situs ini sintetis, untuk mencoba portal. Jangan dikutip.',
  source: 'Sumber',
  release: 'Rilis',
  licence: 'Lisensi data',
  regionAttribution: 'Kode dan nama wilayah',
  regionLicence: 'lisensi ODbL 1.0',
  builtWith: 'Dibangun dengan Terang, portal data terbuka Dinas Sosial',
  phone: 'Telepon',
  email: 'Surel',
  defaultDescription: (kab: string) => `Data kesejahteraan sosial ${kab}: kemiskinan, PMKS, bantuan sosial dan anggaran.`,
  sourceLine: (office: string, release: string, date: string) => `Sumber: ${office}, rilis ${release} (${date}).`,
  sourceShort: (office: string, release: string) => `Sumber: ${office}, rilis ${release}.`,

  // Home
  homeTitle: (kab: string) => `Data kesejahteraan sosial ${kab}`,
  homeIntro: (release: string, date: string, office: string) =>
    `Rilis terbaru: ${release}, ${date}. Angka ${office} tentang kemiskinan, penyandang masalah kesejahteraan sosial (PMKS), penerima bantuan dan anggaran — dengan sumber, unduhan dan tautan tetap.`,
  keyFigures: 'Angka utama',
  indicators: 'Indikator',
  aidPrograms: 'Program bantuan',
  kfPoverty: 'Persentase penduduk miskin',
  kfExtreme: 'Kemiskinan ekstrem',
  kfPmks: 'Jumlah PMKS',
  kfRegistry: 'Keluarga dalam registri DTKS/DTSEN',
  kfRecipients: (p: string) => `Keluarga penerima ${p}`,
  kfBudget: 'Anggaran semua program',
  people: 'orang',
  jiwa: 'jiwa',
  up: 'naik',
  down: 'turun',
  same: 'tetap',
  points: 'poin',
  fromYear: (y: number | string) => `dari ${y}`,
  ofRegistry: 'dari registri',
  realised: 'realisasi',

  // Poverty
  povertyTitle: (kab: string) => `Kemiskinan di ${kab}`,
  povertyIntro:
    'Persentase penduduk di bawah garis kemiskinan, jumlahnya, garis kemiskinan, dan kemiskinan ekstrem per tahun. Angka kemiskinan berasal dari BPS (Susenas Maret); kosong berarti angka tidak dirilis.',
  fullTable: 'Tabel lengkap',
  year: 'Tahun',
  period: 'Periode',
  total: 'Jumlah',
  householdsHeader: 'Keluarga',
  desil: 'Desil',
  povertyRate: 'Penduduk miskin (%)',
  povertyCount: 'Jumlah penduduk miskin (jiwa)',
  povertyLine: 'Garis kemiskinan (Rp/kapita/bulan)',
  extremeRate: 'Kemiskinan ekstrem (%)',

  // PMKS / PSKS
  pmksTitle: 'Penyandang Masalah Kesejahteraan Sosial (PMKS)',
  pmksIntro: (kab: string) =>
    `Jumlah Pemerlu Pelayanan Kesejahteraan Sosial menurut 26 kategori Permensos Nomor 08 Tahun 2012, per tahun dan kecamatan, di ${kab}.`,
  psksTitle: 'Potensi dan Sumber Kesejahteraan Sosial (PSKS)',
  psksIntro: (kab: string) =>
    `Pekerja sosial, relawan dan lembaga yang menjadi sumber daya kesejahteraan sosial di ${kab}, per kategori, tahun dan kecamatan.`,
  totalPerYear: (label: string, kab: string, unit: string) => `Jumlah ${label} ${kab} per tahun (${unit})`,
  byCategory: 'Per kategori',
  byCategoryYear: (label: string) => `${label} per kategori dan tahun`,
  byKecamatanYear: (y: number, level: AreaLevelWord = 'kecamatan') =>
    `${level === 'kabupaten' ? 'Per kabupaten/kota' : 'Per kecamatan'}, ${y}`,
  byKecamatanCaption: (label: string, y: number, level: AreaLevelWord = 'kecamatan') => `${label} ${perLevel(level)}, ${y}`,
  categoryDetails: 'Rincian per kategori',
  categoryDetailsPage: (label: string) => `Angka ${label} setiap kategori per kabupaten/kota`,
  categoryDetailsTitle: (label: string) => `Rincian ${label} per kategori dan kabupaten/kota`,
  alsoCalled: 'Disebut juga',
  category: 'Kategori',
  count: 'Jumlah',
  rank: 'Peringkat',
  unitPeople: 'orang',
  unitPeopleOrOrgs: 'orang/lembaga',

  // Budget
  budgetTitle: 'Anggaran dan realisasi',
  budgetIntro: 'Pagu (alokasi) dan realisasi (yang terserap) tiap program per tahun dan sumber dana, serta target dan capaian keluarannya.',
  budgetTotalCaption: 'Total anggaran semua program per tahun',
  pagu: 'Pagu',
  realisasi: 'Realisasi',
  realisasiPct: 'Realisasi (%)',
  outputs: 'Target dan capaian keluaran',
  byProgramSource: 'Per program dan sumber dana',
  byProgramSourceCaption: 'Anggaran per program, tahun dan sumber dana',
  program: 'Program',
  fundingSource: 'Sumber dana',
  outputTarget: 'Target keluaran',
  outputAchieved: 'Capaian',
  unit: 'Satuan',

  // Programs
  programsTitle: 'Program bantuan dan layanan',
  objective: 'Tujuan',
  eligibility: 'Sasaran',
  mainFunding: 'Sumber dana utama',
  legalBasis: 'Dasar hukum',
  perHousehold: 'bantuan per keluarga',
  perPerson: 'bantuan per orang',
  budgetAndOutput: 'Anggaran dan capaian',
  budgetTrendCaption: (p: string) => `Pagu, realisasi, target dan capaian ${p} per tahun`,
  target: 'Target',
  bySource: 'Per sumber dana',
  coverageByKec: (y: number) => `Cakupan per kecamatan, ${y}`,
  coverageExplain: (unit: string) => `Penerima dibagi jumlah ${unit} dalam registri DTKS/DTSEN di kecamatan itu.`,
  coverageWhole: (n: string, of: string, pct: string) => ` Seluruh kabupaten: ${n} dari ${of} (${pct}).`,
  coverageCaption: (p: string, y: number) => `Cakupan ${p} per kecamatan, ${y}`,
  recipients: 'Penerima',
  inRegistry: 'Dalam registri',
  coveragePct: 'Cakupan (%)',
  howToApply: 'Cara mendaftar dan mengadu',
  contactLine: (office: string, address: string, phone?: string, whatsapp?: string) =>
    `Kontak: ${office}, ${address}${phone ? `, telepon ${phone}` : ''}${whatsapp ? `, WhatsApp ${whatsapp}` : ''}.`,
  inIndonesian: '',
  households: 'keluarga',

  // Province portal
  kabupatenKota: 'Kabupaten/Kota',
  kindKabupaten: 'Kabupaten/Kota',
  kindDapil: 'Dapil',
  dapilTitle: 'Dapil DPRD',
  dapilIntro:
    'Daerah pemilihan (dapil) anggota DPRD: angka tiap dapil dijumlahkan dari kecamatan yang dicakupnya, dengan pengendalian kerahasiaan yang sama seperti tabel lain.',
  dapilOf: (name: string) => `Dapil ${name}`,
  dapilSeats: (n: number) => `${n} kursi`,
  dapilDescription: (name: string, lembaga: string, n: number) =>
    `${name} (${lembaga}): ${n} kecamatan; PMKS, registri DTSEN, cakupan bantuan, ketepatan sasaran dan Puskesos.`,
  dapilMapTitle: (d: string, l: string) => `Peta ${d} (${l}): wilayah dapil diarsir di antara kecamatan lain`,
  dapilMapCaption: 'Arsiran: wilayah dapil; garis tipis: batas kecamatan.',
  dapilCovers: 'Kecamatan dalam dapil',
  dapilSummaryCaption: (name: string, n: number) =>
    `${name} dibanding seluruh wilayah portal; peringkat di antara ${n} dapil lembaga yang sama (1 = terbesar)`,
  portalValue: (name: string) => `Seluruh ${name}`,
  registryL4: 'Keluarga di desil 1–4',
  targetingShare: (p: string, m: number) => `Penerima ${p} di desil 1–${m} (%)`,
  eligibleWithout: (p: string, m: number) => `Layak ${p} (desil 1–${m}) belum menerima`,
  servicesOf: (y: number | string) => `Usulan dan sanggah ${y}`,
  usulan: 'Usulan',
  sanggah: 'Sanggah',
  dapilSource: 'Dasar susunan dapil',
  kecamatanDapil: 'Dapil',
  dapilIndexCaption: (lembaga: string) => `Dapil ${lembaga}`,
  seats: 'Kursi',
  kabupatenListTitle: (prov: string) => `Kabupaten/kota di ${prov}`,
  kabupatenDescription: (name: string, prov: string) =>
    `Data kesejahteraan sosial ${name}, ${prov}: kemiskinan, PMKS, registri, cakupan bantuan dan anggaran, dengan angka provinsi dan peringkatnya.`,
  rankingTitle: 'Perbandingan kabupaten/kota',
  rankingCaption: (prov: string) => `Angka utama kabupaten/kota di ${prov} dan peringkatnya (1 = terbesar)`,
  rankingNote: (n: number) => `Peringkat di antara ${n} kabupaten/kota; 1 = angka terbesar (untuk kemiskinan: persentase tertinggi).`,
  povertyPctYear: (y: number | string) => `Penduduk miskin ${y} (%)`,
  pmksYear: (y: number | string) => `PMKS ${y} (orang)`,
  registryYearShort: (y: number | string) => `Keluarga dalam registri ${y}`,
  coverageYearShort: (p: string, y: number | string) => `Cakupan ${p} ${y} (%)`,
  provincePct: 'Provinsi (%)',
  provinceValue: 'Provinsi',
  missingData: 'data belum diterima',
  missingKabupaten: (name: string) =>
    `Data ${name} belum diterima untuk rilis ini. Angkanya tidak ditampilkan (dan tidak dihitung sebagai nol); total provinsi hanya menjumlahkan kabupaten/kota yang datanya ada.`,
  kabupatenSummaryCaption: (name: string, n: number) => `Angka utama ${name} dan peringkatnya di antara ${n} kabupaten/kota`,
  kabupatenKecamatanCaption: (name: string) => `Kecamatan di ${name}: PMKS dan registri`,
  dinsosOf: (name: string) => `Dinas Sosial ${name}`,
  budgetOf: (name: string, y: number) => `Anggaran bansos ${name}, ${y}`,
  povertySeriesOf: (name: string) => `Penduduk miskin ${name} per tahun`,
  recipientsInArea: (name: string, y: number) => `Penerima bantuan di ${name}, ${y}`,
  contactOffice: (office: string) => `Kontak dinas kabupaten/kota ini belum tercatat; hubungi ${office}.`,
  paguRp: 'Pagu (Rp)',
  realisedRp: 'Realisasi (Rp)',
  poorPeople: 'Penduduk miskin (orang)',
  coverageByKabupaten: (p: string, y: number) => `Cakupan ${p} per kabupaten/kota, ${y}`,
  kecamatanCount: (n: number) => `${n} kecamatan`,
  // Kecamatan
  kecamatanListTitle: (kab: string) => `Kecamatan di ${kab}`,
  desaCount: (n: number) => `${n} desa/kelurahan`,
  kecamatanTitle: (name: string) => `Kecamatan ${name}`,
  kecamatanDescription: (name: string, kab: string) =>
    `Data kesejahteraan sosial Kecamatan ${name}, ${kab}: PMKS, registri, cakupan bantuan, verval dan Puskesos.`,
  kemendagriCode: 'Kode Kemendagri',
  summary: 'Ringkasan',
  summaryCaption: (name: string, n: number) => `Angka utama Kecamatan ${name} dan peringkatnya di antara ${n} kecamatan`,
  indicator: 'Indikator',
  value: 'Nilai',
  rankOf: (n: number) => `Peringkat (dari ${n})`,
  rankNote: 'Peringkat 1 = angka terbesar.',
  pmksPeople: 'PMKS (orang)',
  registryHouseholds: 'Keluarga dalam registri DTKS/DTSEN',
  registryPeople: 'Jiwa dalam registri',
  coverageOf: (p: string) => `Cakupan ${p}`,
  aidCoverage: (y: number) => `Cakupan bantuan, ${y}`,
  recipientsIn: (name: string, y: number) => `Penerima bantuan di Kecamatan ${name}, ${y}`,
  kabupatenPct: 'Kabupaten (%)',
  coverageRank: 'Peringkat cakupan',
  rankXofY: (x: number, y: number) => `${x} dari ${y}`,
  pmksByCatYear: (name: string) => `PMKS Kecamatan ${name} per kategori dan tahun (orang)`,
  byDesa: 'Per desa/kelurahan',
  byDesaCaption: (name: string) => `PMKS dan registri per desa/kelurahan, Kecamatan ${name}`,
  desa: 'Desa/kelurahan',
  code: 'Kode',
  registryHouseholdsYear: (y: string) => `Keluarga dalam registri ${y}`,
  desaNote: 'PMKS per desa tanpa kategori sensitif, yang hanya dipublikasikan per kecamatan.',
  verval: 'Verifikasi, validasi dan graduasi',
  vervalCaption: (name: string) => `Verval registri Kecamatan ${name} (keluarga)`,
  checked: 'Diperiksa',
  removed: 'Dihapus',
  added: 'Ditambah',
  graduated: 'Graduasi',
  puskesos: 'Puskesos',
  noPuskesos: (office: string) => `Belum ada Puskesos tercatat di kecamatan ini. Hubungi ${office}.`,
  address: 'Alamat',
  phoneWa: 'Telepon/WA',
  hours: 'Jam layanan',

  // Charts
  hidden: 'disembunyikan',
  notReleased: 'tidak dirilis',
  cHiddenColumn: 'Disembunyikan (kerahasiaan)',
  cNoteColumn: 'catatan',
  hiddenNote: (k: number) =>
    `“disembunyikan”: angka 1–${k - 1} tidak diterbitkan untuk melindungi warga, demikian pula angka lain yang dapat dipakai untuk menghitungnya kembali (lihat Metodologi).`,
  chartUnit: 'Satuan',
  downloadXlsx: 'Unduh Excel',
  downloadCsv: 'Unduh CSV',
  downloadPng: 'Unduh PNG',
  printPage: 'Cetak halaman ini',
  viewTable: 'Lihat tabel',
  chartMetadata: 'Sumber & lisensi (datapackage.json)',
  exOrder: 'Arah',
  onThisPage: 'Di halaman ini',
  totalPerYearShort: 'Jumlah per tahun',
  categoryDetailsHint: (level: AreaLevelWord = 'kecamatan') =>
    `Ketuk nama kategori untuk melihat angkanya per ${level === 'kabupaten' ? 'kabupaten/kota' : 'kecamatan'}.`,
  annexTitle: 'Lampiran: rincian dan tabel lengkap',
  annexIntro: 'Rincian dan angka lengkap di balik grafik di atas, untuk dikutip dan dicetak sebagai lampiran.',
  ofPagu: 'dari pagu',
  ofRankedRecipients: 'dari penerima berperingkat DTSEN',
  searchMore: 'Tampilkan hasil berikutnya',
  catalogIntro: 'Untuk portal Satu Data dan katalog data (CKAN):',
  releaseFeed: 'umpan rilis',
  shareRecipients: (unit: string, p: string, y: number) => `${unit} penerima ${p}, ${y}`,
  // Data explorer (/data/jelajah/)
  exTitle: 'Jelajahi data per kecamatan',
  exIntro:
    'Pilih ukuran dan tahun: setiap kecamatan tampil sebagai tabel yang dapat diurutkan dan disaring, grafik peringkat dan peta bila ada. Tautan halaman menyimpan pilihan Anda; unduhan CSV berisi persis yang tampil. Angkanya dibaca dari unduhan JSON rilis ini.',
  exLink: 'Jelajahi setiap ukuran per kecamatan',
  exPick: 'Ukuran',
  exYear: 'Tahun',
  exFilter: 'Saring kecamatan',
  exSort: 'Urutkan',
  exSortValue: 'menurut nilai',
  exSortName: 'menurut nama',
  exAsc: 'naik',
  exDesc: 'turun',
  exDownload: 'Unduh CSV yang tampil',
  exRank: 'Peringkat',
  exHidden: 'disembunyikan (kerahasiaan)',
  exMissing: 'tidak tersedia',
  exLoading: 'Memuat data…',
  exFailed: 'Data tidak dapat dimuat. Coba muat ulang halaman.',
  exShown: (n: number | string, total: number) => `${n} dari ${total} kecamatan`,
  exNoScript: 'Penjelajah data memerlukan JavaScript. Semua angka juga ada di unduhan di halaman Data.',
  exPeriod: 'Periode',
  exNote: 'Catatan',
  exGroupCoverage: 'Cakupan bantuan',
  exCoverage: (p: string) => `${p}: cakupan (% dari registri)`,
  exRecipients: (p: string) => `${p}: penerima`,
  exGroupTargeting: 'Tepat sasaran (DTSEN)',
  exOnTarget: (p: string) => `${p}: penerima dalam desil sasaran (%)`,
  exEligibleWithout: (p: string) => `${p}: layak tetapi tidak menerima`,
  exGroupRegistry: 'Registri DTKS/DTSEN',
  exRegistryFamilies: 'Keluarga dalam registri',
  exRegistryPeople: 'Jiwa dalam registri',
  exGroupConditions: 'Kondisi keluarga dalam registri',
  exGroupPmks: 'PMKS',
  exAllCategories: 'Semua kategori PMKS',
  exGroupVerval: 'Verifikasi dan validasi',
  exChecked: 'Diperiksa (keluarga)',
  exGroupServices: 'Usulan dan sanggah',
  exReceived: (j: string) => (j === 'usulan' ? 'Usulan diterima' : 'Sanggah diterima'),
  exDays: (j: string) => (j === 'usulan' ? 'Usulan: rata-rata hari sampai selesai' : 'Sanggah: rata-rata hari sampai selesai'),
  exCases: 'berkas',
  days: 'hari',
  permalink: 'Tautan permanen',
  embedPage: 'Halaman sematan',
  embedCode: 'Kode untuk menyematkan',
  viewOnPortal: 'Lihat di portal',
  tableOf: (title: string) => `Tabel data: ${title}`,
  chartAria: (title: string) => `${title}. Angka lengkap ada di tabel di bawahnya.`,
  mapFailed: 'Peta tidak dapat dimuat; angkanya ada di tabel.',

  // Data
  dataTitle: 'Unduh data',
  dataIntro: 'Semua data portal ini dapat diunduh bebas dalam format Excel, CSV dan JSON, di bawah lisensi',
  citeAs: (office: string, release: string, date: string) => `Cantumkan sumber: “${office}, rilis ${release} (${date})”.`,
  sampleDownloads: 'Setiap berkas unduhan memuat kolom catatan yang menyatakannya.',
  datapackageIntro: 'Paket data lengkap dengan skema, ukuran dan hash SHA-256 tiap berkas:',
  files: 'Berkas',
  excelAll: (file: string) => `Semua tabel dalam satu buku kerja Excel: ${file}`,
  excelHowTo:
    'Berkas .xlsx langsung terbuka di Excel dengan angka sebagai angka. CSV memakai koma sebagai pemisah dan titik desimal (standar yang dibaca R, Python dan spreadsheet lain); di Excel berbahasa Indonesia jangan diklik ganda, tetapi buka lewat Data › Dari Teks/CSV, pilih Asal berkas "65001: Unicode (UTF-8)" dan Pembatas "Koma", lalu Muat.',
  excelOpenCsv: 'di Excel: Data › Dari Teks/CSV',
  templateLink: 'Templat isian untuk operator (Excel, satu lembar per data, dengan daftar kode wilayah)',
  sampleWorkbook: 'contoh templat yang sudah terisi',
  dictionary: 'kamus',
  dataDictionary: 'Kamus data',
  dictionaryIntro:
    'Nama kolom sama di berkas masukan operator dan di berkas unduhan (dalam dua bahasa di bawah ini). Kolom nama_* ditambahkan di unduhan agar mudah dibaca.',
  rowKey: 'Kunci baris',
  column: 'Kolom',
  meaning: 'Arti',
  validValues: 'Nilai yang sah',
  required: 'Wajib',
  yes: 'ya',
  no: 'tidak',
  downloadOnly: 'hanya di unduhan',
  columnsOf: (f: string) => `Kolom ${f}`,
  pmksCategories: 'Kategori PMKS (Permensos 08/2012)',
  sensitiveNote: '* Kategori sensitif (data pribadi spesifik, UU 27/2022): dipublikasikan paling rinci per kecamatan.',
  psksCodes: 'Kode kategori PSKS',
  programCodes: 'Kode program',

  // Search
  searchTitle: 'Cari',
  searchIntro: 'Cari kecamatan, program, kategori PMKS/PSKS atau angka di semua halaman statistik.',
  searchButton: 'Cari',
  searchFilterAll: 'Semua',
  searchNoResults: 'Tidak ada hasil. Coba kata lain, mis. nama kecamatan atau program.',
  searchResults: (n: number, q: string) => `${n} hasil untuk “${q}”`,
  searchNeedsJs: 'Pencarian memerlukan JavaScript. Tanpa JavaScript, telusuri halaman lewat menu di atas.',
  searching: 'Mencari…',
  kindKecamatan: 'Kecamatan',
  kindProgram: 'Program',
  kindCategory: 'Kategori',
  kindDataset: 'Data',
  kindStatistics: 'Statistik',
  browseTopics: 'Atau telusuri menurut topik:',

  // Methodology
  methodologyTitle: 'Metodologi',
  dataSources: 'Sumber data',
  definitions: 'Definisi',
  processing: 'Pengolahan',
  privacy: 'Privasi',
  lookupSecurity: 'Keamanan cek status bantuan',

  // Chart titles and series
  cPovertyTitle: (kab: string) => `Persentase penduduk miskin dan miskin ekstrem, ${kab}`,
  cPovertyRate: 'Penduduk miskin (%)',
  cExtremeRate: 'Miskin ekstrem (%)',
  cPovertyKabupatenTitle: (y: number | string) => `Persentase penduduk miskin per kabupaten/kota, ${y}`,
  cPovertyCountTitle: (kab: string) => `Jumlah penduduk miskin, ${kab}`,
  cPovertyCount: 'Penduduk miskin (jiwa)',
  cTrendTitle: (label: string, kab: string) => `Jumlah ${label} per tahun, ${kab}`,
  cByCategoryTitle: (label: string, y: number) => `${label} per kategori, ${y}`,
  cByKecamatanTitle: (label: string, y: number, level: AreaLevelWord = 'kecamatan') => `${label} ${perLevel(level)}, ${y}`,
  cBudgetTitle: (kab: string) => `Pagu dan realisasi semua program per tahun, ${kab}`,
  cProgramBudgetTitle: (p: string) => `Pagu dan realisasi ${p} per tahun`,
  cPagu: 'Pagu (Rp)',
  cRealisasi: 'Realisasi (Rp)',
  cByProgramTitle: (y: number) => `Pagu dan realisasi per program, ${y}`,
  cBySourceTitle: 'Pagu menurut sumber dana per tahun',
  cOutputTitle: (p: string, unit: string) => `Target dan capaian keluaran ${p} (${unit})`,
  cTarget: (unit: string) => `Target (${unit})`,
  cAchieved: (unit: string) => `Capaian (${unit})`,
  cCoverageTitle: (p: string, y: number, level: AreaLevelWord = 'kecamatan') => `Cakupan ${p} ${perLevel(level)}, ${y}`,
  cCoverageSeries: (unit: string) => `Penerima ÷ ${unit} dalam registri (%)`,
  cRegistryTitle: (y: number, level: AreaLevelWord = 'kecamatan') => `Keluarga dalam registri DTKS/DTSEN ${perLevel(level)}, ${y}`,
  cRegistrySeries: (y: number) => `Keluarga terdaftar ${y}`,
  cKecPmksTitle: (name: string) => `PMKS di Kecamatan ${name} per tahun`,
  cKecCoverageTitle: (name: string, y: number) => `Cakupan program di Kecamatan ${name}, ${y}`,
  cKecSeries: (name: string) => `Kecamatan ${name} (%)`,
  cIndexTitle: (y: number) => `Registri, belanja program dan kemiskinan (indeks ${y} = 100)`,
  cIndexUnit: (y: number) => `indeks, ${y} = 100`,
  cIndexRegistry: 'Keluarga dalam registri (indeks)',
  cIndexSpending: 'Realisasi belanja program (indeks)',
  cIndexPoverty: 'Persentase penduduk miskin (indeks)',
  cIndexNote: 'Apakah belanja yang lebih besar mengecilkan registri? Ketiga garis dibuat sebanding: nilai tahun pertama = 100.',
  cNoAidTitle: 'Keluarga dalam registri tanpa bansos pusat, dan yang dibantu APBD',
  cNoAid: 'Tanpa bansos pusat (keluarga)',
  cApbd: 'Dibantu APBD (keluarga)',
  cVervalTitle: (kab: string) => `Verifikasi registri dan graduasi per tahun, ${kab}`,
  cRemoved: 'Dihapus (keluarga)',
  cAdded: 'Ditambah (keluarga)',
  cGraduated: 'Graduasi (keluarga)',
  cUhcTitle: 'Cakupan PBI-JK terhadap jiwa dalam registri',
  cUhcSeries: 'PBI-JK ÷ jiwa dalam registri (%)',
  cUhcNote:
    'UHC (cakupan kesehatan semesta) menargetkan seluruh penduduk terdaftar JKN; bagi warga dalam registri, iuran dibayar lewat PBI-JK.',
  cKecamatanCode: 'Kode wilayah',
  cSample: 'Data contoh — bukan data resmi.',
  unitHouseholds: 'keluarga',
  unitIndex: 'indeks',

  // Methodology
  mSample: (kab: string) =>
    `Rilis ini memakai data sintetis yang dibuat oleh generator contoh Terang untuk struktur wilayah nyata ${kab}. Beberapa angka disesuaikan dengan angka yang pernah dilaporkan (mis. jumlah PMKS dan persentase kemiskinan 2020–2021 Kabupaten Bantul); selebihnya acak. Jangan dikutip.`,
  mSampleTitle: 'Data contoh.',
  mDefs: [
    [
      'PMKS/PPKS',
      'Penyandang Masalah Kesejahteraan Sosial (kini Pemerlu Pelayanan Kesejahteraan Sosial) menurut 26 kategori Permensos Nomor 08 Tahun 2012.',
    ],
    ['PSKS', 'Potensi dan Sumber Kesejahteraan Sosial: pekerja sosial, relawan, lembaga.'],
    [
      'Registri (DTKS/DTSEN)',
      'Data Terpadu Kesejahteraan Sosial, sejak 2025 Data Tunggal Sosial Ekonomi Nasional: dasar penetapan semua penerima bantuan.',
    ],
    [
      'Cakupan',
      'Penerima program dibagi jumlah keluarga (untuk program per KPM) atau jiwa (untuk program per jiwa, mis. PBI-JK) dalam registri di wilayah dan tahun yang sama. Bila tahun hanya berisi data per tahap, dipakai tahap terakhir.',
    ],
    [
      'Pagu dan realisasi',
      'Pagu adalah alokasi anggaran; realisasi adalah anggaran yang terserap. Persentase realisasi = realisasi ÷ pagu.',
    ],
    ['Graduasi', 'Keluarga yang keluar dari bantuan karena tidak lagi miskin.'],
  ],
  mProcessing: (kab: string) =>
    `Setiap berkas diperiksa terhadap skemanya sebelum situs dibangun: kode wilayah harus ada di pohon wilayah Kemendagri ${kab}, kategori dan program harus dikenal, angka tidak boleh negatif, dan angka desa harus sama dengan total kecamatan bila keduanya diberikan. Angka kecamatan yang tidak diberikan langsung dihitung dari jumlah desanya; angka kabupaten dari jumlah kecamatannya.`,
  mFormats:
    'Format angka mengikuti kaidah Indonesia: titik pemisah ribuan dan koma desimal (14.833; 13,50%). Rupiah ditulis ringkas (Rp 5,0 miliar = lima miliar rupiah).',
  mPrivacy:
    'Portal ini tidak pernah memuat NIK, Nomor KK atau nama. Kategori PMKS yang sensitif (kesehatan, hukum, kekerasan, eksploitasi) hanya dipublikasikan per kecamatan.',
  mCekHow: (kdf: string, files: string, prefix: number, bytes: string, per: string) =>
    `Daftar penerima asli (dengan NIK dan Nomor KK) tidak pernah diunggah. Di komputer Dinas Sosial, setiap pasangan NIK|Nomor KK diolah dengan ${kdf} dan garam acak (baru setiap kali daftar diolah) menjadi dua bagian: sebuah id yang menentukan berkas tempat entrinya, dan kunci AES yang mengunci isi entri (program, status, periode; desil bila Dinas Sosial memilihnya). Situs hanya memuat id dan isi yang terkunci itu, dibagi ke dalam ${files} berkas menurut ${prefix} huruf pertama id. Setiap berkas berukuran sama (${bytes} bita, tidak dimampatkan) dan berisi ${per} entri berukuran sama; sebagian entri palsu berupa bita acak yang tanpa NIK dan KK tidak dapat dibedakan dari entri asli. Entri palsu dibuat sekali bersama daftar dan disimpan bersamanya, jadi setiap build dari daftar yang sama menghasilkan berkas yang sama persis: membandingkan dua salinan tidak memisahkan entri asli dari yang palsu.`,
  mCekLocal:
    'Saat Anda memeriksa, perangkat Anda sendiri menghitung id dan kunci dari kedua nomor, mengunduh satu berkas itu, lalu membuka entri Anda. Nomor yang Anda ketik tidak dikirim ke mana pun; situs ini tidak memakai analitik atau layanan pihak ketiga.',
  mCekThreatTitle: 'Seberapa kuat, diukur',
  mCekThreats: (f: ThreatTexts) => [
    `Ancaman terbesar: daftar NIK dan Nomor KK yang bocor. Daftar seperti itu pernah beredar dalam skala nasional. Dengan daftar itu, pemeriksaan di sini hanya memerlukan satu perhitungan kunci per orang: ${f.leaked} waktu satu inti prosesor untuk ${f.leakedPeople} orang (diukur), lebih singkat lagi dengan banyak prosesor. Yang terungkap bagi setiap orang dalam daftar itu: program bantuan yang diterima keluarganya, status dan periodenya${f.desil ? ', serta desil DTSEN keluarga' : ''} — tanpa nama. Karena itu entri hanya memuat status terbaru (usulan dan dihentikan hanya untuk periode terbaru), dan desil hanya dimuat bila Dinas Sosial memilihnya (${f.desil ? 'rilis ini memuatnya' : 'rilis ini tidak memuatnya'}).`,
    `Serangan terarah: orang yang sudah mengetahui NIK seseorang masih harus menebak Nomor KK-nya. Menurut perkiraan kami ada ${f.candidates} Nomor KK yang mungkin (kode kecamatan yang sama, tanggal terbit dalam masa dewasa keluarga, nomor urut harian). Mencoba semuanya memerlukan ${f.cpuTarget} pada satu inti prosesor (diukur: ${f.cpuGuess} per tebakan), dan ${f.gpuTarget} pada satu kartu grafis (perkiraan: ${f.gpuRates} tebakan per detik; batas atasnya ditentukan lebar pita memori kartu). Jadi status bantuan satu orang yang NIK-nya bocor dapat diketahui oleh penyerang yang bertekad: lindungi Nomor KK seperti KTP.`,
    `Serangan massal tanpa daftar: untuk satu kecamatan ada ${f.bulkPairs} pasangan NIK dan KK yang mungkin (perkiraan: ${f.nikRange} NIK × ${f.candidates} KK); mencoba semuanya memerlukan ${f.bulkGpu} kerja satu kartu grafis. Daftar penerima tidak dapat disusun dari berkas situs dengan usaha yang lebih kecil.`,
    `Sebelum 2026 portal memakai scrypt N = 2^14: ${f.cpuOld} per inti prosesor, ${f.gpuOld} per kartu grafis untuk satu NIK. Parameter sekarang (${f.kdf}) dipilih sebagai yang terkuat yang masih membuat pemeriksaan selesai dalam 1,5 detik pada ponsel 4× lebih lambat dari laptop (${f.phone} untuk menghitung kunci, diukur), dan sekitar ${f.ratio}× lebih mahal bagi kartu grafis (perkiraan).`,
    'Apa yang dijawab: program, status dan periode untuk keluarga pemilik kedua nomor — tidak ada nama. Cek Bansos kementerian menjawab untuk nama dan wilayah (tanpa nomor rahasia apa pun) dengan nama tersamar dan programnya; pemeriksaan di sini memerlukan dua nomor dari KTP dan KK.',
    `Garam acak dibuat baru setiap kali daftar penerima diolah (npm run hash); daftar pada rilis ini diolah untuk rilis ${f.listRelease}. Selama daftar tidak diolah ulang, id seseorang sama dari rilis ke rilis (dan isinya pun sama); begitu diolah ulang, id lama tidak dapat dikaitkan dengan yang baru, dan kunci yang dihitung sebelumnya tidak berguna lagi. Build menolak daftar yang isinya berubah tetapi garamnya sama. Pengelola situs atau CDN hanya melihat berkas mana yang diunduh: satu dari ${f.files}, yang sama besarnya dan dipakai bersama oleh ${f.per} entri, asli atau palsu.`,
  ],
  mCekNone: 'Rilis ini belum memuat daftar penerima untuk pemeriksaan status bantuan.',
  mSdcTitle: 'Angka kecil disembunyikan',
  mSdc: (k: number, level: string) => [
    `Angka 1 sampai ${k - 1} tentang orang atau keluarga di satu desa atau kecamatan tidak pernah diterbitkan: di wilayah kecil, angka sekecil itu dapat menunjuk orang tertentu. Di halaman angka itu tertulis “disembunyikan”; di berkas unduhan selnya kosong dan kolom kerahasiaan menyebut kolom yang disembunyikan.`,
    'Karena total juga diterbitkan, satu angka yang disembunyikan dapat dihitung kembali dengan pengurangan (total dikurangi angka lain). Maka angka lain di setiap penjumlahan itu ikut disembunyikan (penyembunyian sekunder): dipilih angka terkecil, agar informasi yang hilang sesedikit mungkin, dengan aturan yang sama dari rilis ke rilis. Sebelum terbit, seluruh penjumlahan yang diterbitkan — antarkategori, desa–kecamatan–kabupaten, dan antartabel — diperiksa sekaligus: tidak satu pun angka tersembunyi dapat dihitung kembali.',
    `Kategori PMKS yang sensitif (anak berhadapan dengan hukum, korban kekerasan, tuna susila, bekas warga binaan, ODHA, korban NAPZA, korban trafficking) diterbitkan paling rinci per ${level}. Persentase yang dihitung dari angka tersembunyi (mis. cakupan) ikut disembunyikan.`,
    'Data PSKS (pekerja sosial, relawan, lembaga) bukan data tentang warga yang rentan, sehingga diterbitkan apa adanya.',
  ],
  mSdcStats: (hidden: string, published: string) =>
    `Pada rilis ini ${hidden} angka disembunyikan dan ${published} angka diterbitkan. Berapa di antaranya yang kecil dan berapa yang disembunyikan untuk melindunginya tidak diterbitkan: perbandingan itu akan membuat setiap sel kosong terbaca "mungkin 1–4 orang".`,
  mSdcInterval: (k: number) =>
    `Tidak cukup bahwa angka tersembunyi tidak dapat dihitung tepat: dari angka yang terbit, orang masih dapat menghitung rentang nilainya (nilai terkecil dan terbesar yang mungkin, lewat pemrograman linear). Aturan kami: rentang setiap angka tersembunyi harus mencapai 0 (bisa jadi tidak ada orang) atau ${k} (bisa jadi banyak); rentang yang seluruhnya di dalam 1–${k - 1} berarti "ada beberapa orang" dan tidak boleh terjadi. Rentang 0–${k - 1} boleh, karena tidak memastikan ada seorang pun — kecuali untuk kategori PMKS sensitif: rentang angka tersembunyinya harus mencapai ${k}, agar sel kosong tidak terbaca "tidak ada atau beberapa ODHA di sini". Setiap rilis juga dilindungi bersama rilis sebelumnya: angka yang pernah disembunyikan tetap disembunyikan, dan angka yang pernah terbit dianggap diketahui, sehingga dua rilis tidak dapat dibandingkan untuk menghitung angka tersembunyi. Setiap angka tersembunyi yang aslinya 1–${k - 1} diperiksa satu per satu sebelum terbit; yang rentangnya terlalu sempit dilindungi dengan menyembunyikan angka lain.`,

  // Targeting (DTSEN desil)
  targeting: 'Tepat sasaran',
  targetingTitle: 'Ketepatan sasaran bantuan',
  targetingIntro: (kab: string) =>
    `Sejak 2025 registri bantuan adalah DTSEN: BPS memeringkat setiap keluarga ke dalam desil 1 (10% termiskin secara nasional) sampai 10, dan kelayakan program mengikuti desil (Kepmensos 79/HUK/2025). Halaman ini menjawab dua pertanyaan untuk ${kab}: apakah bantuan sampai ke keluarga miskin, dan apakah keluarga miskin sampai ke bantuan.`,
  psksNone: 'Data PSKS (potensi dan sumber kesejahteraan sosial) belum tersedia pada rilis ini.',
  programNoFigures: 'Rilis ini belum memuat angka anggaran atau cakupan program ini.',
  targetingNone: 'Data desil DTSEN belum tersedia pada rilis ini.',
  kfTargeting: (p: string) => `${p} tepat sasaran`,
  onTarget: 'Tepat sasaran',
  inclusionError: 'Di atas desil sasaran',
  exclusion: 'Dalam desil sasaran tanpa program',
  unranked: 'Belum diperingkat',
  rankedRecipients: 'Penerima berperingkat',
  eligibleRecipients: 'Penerima dalam desil sasaran',
  eligibleRegistry: 'Dalam desil sasaran (registri)',
  desilLimit: 'Desil sasaran',
  periodLabel: 'Periode',
  targetingSummaryCaption: (period: string) => `Ketepatan sasaran per program, ${period}`,
  targetingByKec: (p: string, period: string, level: AreaLevelWord = 'kecamatan') =>
    `${p}: ketepatan sasaran ${perLevel(level)}, ${period}`,
  targetingExplain: (p: string, max: number) =>
    `${p} untuk keluarga di desil 1–${max}. “Tepat sasaran” = penerima yang desilnya 1–${max} dibagi semua penerima yang sudah diperingkat; sisanya ada di atas desil sasaran. “Tanpa program” = keluarga dalam desil 1–${max} di DTSEN yang belum menerima ${p}.`,
  targetingMeaning:
    'Desil adalah perkiraan, bukan vonis: sebuah keluarga di atas desil sasaran bisa tetap layak menurut penilaian petugas, dan keluarga dalam desil sasaran belum tentu memenuhi syarat lain program. Angka ini menunjukkan arah, untuk diperiksa, bukan daftar orang yang salah terima.',
  desilOf: (p: string) => `Penerima ${p} per desil`,
  householdsDesil: 'Keluarga dalam DTSEN per desil',
  cTargetingTrendTitle: (kab: string) => `Penerima dalam desil sasaran, ${kab}`,
  cTargetingTrendUnit: '% penerima berperingkat',
  cDesilTitle: (p: string, period: string) => `Penerima ${p} per desil DTSEN, ${period}`,
  cDesilSeries: (unit: string) => `Penerima (${unit})`,
  cTargetingKecTitle: (p: string, period: string, level: AreaLevelWord = 'kecamatan') => `${p} tepat sasaran ${perLevel(level)}, ${period}`,
  cRegistryDesilTitle: (kab: string) => `Keluarga dalam DTSEN per desil, ${kab}`,
  cConditionsTitle: (year: number) => `Keluarga dalam registri menurut kondisi, ${year}`,
  cConditionsSeries: (year: number) => `Keluarga ${year}`,
  povertyByDesil: 'Registri DTSEN per desil',
  povertyByDesilIntro:
    'Jumlah keluarga di tiap desil DTSEN dari triwulan ke triwulan: berapa yang termasuk 10%, 20%, … termiskin secara nasional.',
  povertyBrokenDown: 'Kemiskinan diurai',
  povertyBrokenDownIntro:
    'Kemiskinan bukan satu angka: berapa keluarga dalam registri yang rumahnya tidak layak, tanpa air minum atau sanitasi layak, dengan anak tidak sekolah, tanpa jaminan kesehatan, atau lansia yang tinggal sendiri. Satu keluarga dapat tercatat di beberapa kondisi.',
  indicatorCol: 'Kondisi',
  sourceCol: 'Sumber',
  // Usulan and sanggah
  services: 'Usulan & sanggah',
  servicesTitle: 'Usulan dan sanggah',
  servicesIntro:
    'Warga dapat mengusulkan keluarga yang layak (usulan) dan mengajukan keberatan atas penerima yang tidak layak (sanggah) melalui desa/kelurahan, Puskesos atau Dinas Sosial. Halaman ini mencatat berapa yang diterima, berapa yang sudah diselesaikan, dan berapa lama.',
  servicesNone: 'Data usulan dan sanggah belum tersedia pada rilis ini.',
  proposal: 'Usulan',
  objection: 'Sanggah',
  received: 'Diterima',
  resolved: 'Selesai',
  avgDays: 'Rata-rata hari',
  cServicesTitle: (kab: string) => `Usulan dan sanggah per periode, ${kab}`,
  cServicesDaysTitle: 'Rata-rata hari sampai selesai',
  servicesByKec: (period: string) => `Usulan dan sanggah per kecamatan, ${period}`,
  unitFiles: 'berkas',
  unitDays: 'hari',
  // Methodology: desil
  mDesilTitle: 'Desil DTSEN dan ketepatan sasaran',
  mDesil: [
    'DTSEN (Data Tunggal Sosial Ekonomi Nasional) menggabungkan DTKS, Regsosek dan P3KE, dicocokkan dengan data kependudukan. BPS memeringkat setiap keluarga dengan uji kemampuan ekonomi (proxy-means test) atas 39 keterangan — kondisi rumah, aset, pengeluaran, akses pendidikan dan layanan — ke dalam desil 1 (10% termiskin secara nasional) sampai 10, dan memeringkat ulang kira-kira tiap triwulan saat data diperbarui.',
    'Kepmensos 79/HUK/2025 mengaitkan kelayakan dengan desil: PKH untuk desil 1–4; Sembako/BPNT dan PBI-JK untuk desil 1–5. Batas tiap program di portal ini diambil dari deskripsi programnya (desil_maks).',
    'Tepat sasaran = penerima di desil 1 sampai batas program ÷ semua penerima yang sudah diperingkat. Di atas desil sasaran (inclusion error) = sisanya. Dalam desil sasaran tanpa program (exclusion) = keluarga DTSEN di desil sasaran dikurangi penerima di desil itu. Penerima yang belum diperingkat dihitung terpisah.',
    'Desil adalah perkiraan, bukan vonis: keluarga di atas desil sasaran bisa tetap layak menurut penilaian petugas, dan keluarga di desil sasaran belum tentu memenuhi syarat lain program. Semua angka ini melalui pengendalian pengungkapan yang sama dengan tabel lain: angka kecil dan angka yang dapat menghitungnya kembali disembunyikan.',
  ],
  // Release changes
  changesTitle: 'Perubahan data',
  changesIntro: (prev: string, cur: string) =>
    `Apa yang berubah dari rilis ${prev} ke rilis ${cur}, dihitung dari berkas yang diterbitkan pada kedua rilis.`,
  changesNone: 'Belum ada rilis sebelumnya untuk dibandingkan.',
  changesSummary: (title: string, added: string, revised: number, before: number, after: number) =>
    `${title}: ${added ? `tahun ${added} ditambahkan; ` : ''}${revised ? `${revised} angka tahun-tahun sebelumnya direvisi; ` : 'tidak ada revisi angka tahun sebelumnya; '}${before} baris menjadi ${after}.`,
  changesTotals: (title: string, measure: string) => `${title}: total ${measure} per tahun`,
  changesBefore: (r: string) => `Rilis ${r}`,
  changesAfter: (r: string) => `Rilis ${r}`,
  changesDiff: 'Selisih',
  changesExamples: 'Contoh revisi',
  changesKecamatan: (y: number) => `PMKS per kecamatan, ${y}`,
  changesCatsAdded: 'Kategori baru',
  changesCatsRemoved: 'Kategori yang tidak ada lagi',
  releasePageIntro: (label: string, date: string, current: boolean) =>
    `Rilis ${label}, diterbitkan ${date}. ${current ? 'Ini rilis terbaru: berkasnya juga ada di halaman Data.' : 'Berkas di bawah ini persis seperti saat diterbitkan dan tidak pernah diubah.'}`,
  releasePackage: 'daftar berkas rilis ini dengan ukuran dan hash SHA-256-nya (npm run verify memeriksanya).',
  releaseFeedTitle: (office: string) => `Rilis data — ${office}`,
  releasesTitle: 'Semua rilis',
  releasesIntro: 'Setiap rilis tetap tersedia di alamat yang sama, sehingga kutipan tetap berlaku setelah rilis berikutnya.',

  // Aid lookup page
  cekTitle: 'Cek bansos: status penerima bantuan',
  cekDescription: (kab: string) =>
    `Periksa program bantuan sosial yang diterima keluarga Anda di ${kab} dengan NIK dan Nomor KK, secara pribadi.`,
  cekIntro: (release: string) =>
    `“Apakah saya penerima bansos?” Cek bansos Anda di sini: penerima bantuan sosial PKH, Sembako/BPNT, PBI-JK dan lainnya. Masukkan NIK dan Nomor Kartu Keluarga (KK) untuk melihat bantuan yang tercatat untuk Anda atau keluarga Anda pada rilis ${release}.`,
  cekHome: 'Apakah keluarga Anda penerima bantuan?',
  cekHomeButton: 'Cek status bantuan Anda',
  cekHomeDetail: 'Dengan NIK dan Nomor KK, langsung di ponsel Anda. Nomor Anda tidak dikirim ke mana pun.',
  kindService: 'Layanan',
  cekPrivacyTitle: 'Privasi:',
  cekPrivacy:
    'nomor yang Anda ketik tidak dikirim ke mana pun. Perangkat Anda menghitung kunci dari kedua nomor, mengunduh satu berkas berisi puluhan entri terkunci, dan membuka entri Anda sendiri.',
  cekHowLink: 'Cara kerjanya',
  cekNoJsTitle: 'Fitur ini memerlukan JavaScript.',
  cekNoJs:
    'Agar NIK dan Nomor KK Anda tidak dikirim ke server mana pun, pemeriksaan dilakukan di perangkat Anda sendiri, dan itu memerlukan JavaScript. Aktifkan JavaScript, atau tanyakan langsung ke Puskesos di bawah.',
  cekNik: 'NIK (16 angka, di KTP)',
  cekKk: 'Nomor KK (16 angka, di Kartu Keluarga)',
  cekNotReadyTitle: 'Pemeriksaan belum dapat dimulai.',
  cekNotReady:
    'Skrip pemeriksaan di halaman ini belum termuat: JavaScript dimatikan, diblokir, atau koneksi terputus. Tombol Periksa aktif setelah skrip siap; muat ulang halaman bila perlu. Angka yang sudah Anda ketik tidak dikirim ke mana pun. Anda juga bisa menanyakan langsung ke Puskesos di bawah.',
  cekSubmit: 'Periksa',
  cekUnavailable: (release: string, office: string, phone?: string) =>
    `Pemeriksaan dengan NIK dan Nomor KK belum tersedia pada rilis ${release}. Tanyakan status bantuan keluarga Anda ke Puskesos kecamatan atau ke ${office}${phone ? ` (telepon ${phone})` : ''}.`,
  cekPuskesos: 'Puskesos kecamatan',
  cekClient: {
    found: 'Ditemukan {n} program',
    notFound: 'Data tidak ditemukan',
    notFoundIntro: 'Pasangan NIK dan Nomor KK ini tidak tercantum sebagai penerima bantuan pada rilis ini. Periksa kembali kedua nomor.',
    yes: 'Ya',
    no: 'Tidak',
    notListed: 'Tidak tercatat sebagai penerima pada rilis ini.',
    householdHint:
      'Bantuan keluarga (PKH, Sembako, BLT) tercatat atas anggota keluarga yang didaftarkan Dinas Sosial, biasanya kepala keluarga atau pengurus. Bila keluarga Anda mungkin menerimanya, periksa lagi dengan NIK anggota itu dan Nomor KK yang sama sebelum mendaftar.',
    ifEligible: 'Jika kedua nomor benar dan Anda merasa berhak:',
    step1: 'Daftarkan keluarga ke DTKS/DTSEN melalui kantor desa/kelurahan atau Puskesos, dengan membawa KTP dan Kartu Keluarga.',
    step2: 'Minta diusulkan (usul) sebagai penerima melalui musyawarah desa atau Puskesos.',
    step3: 'Bila Anda tahu penerima yang tidak layak, ajukan sanggah (keberatan) melalui Puskesos atau Dinas Sosial.',
    wrong: 'Ada yang keliru? Sampaikan ke Puskesos atau Dinas Sosial.',
    puskesosFor: 'Puskesos untuk Kecamatan {name} (menurut NIK Anda):',
    contact: 'Hubungi {office}.',
    listedBy: 'Data ini dari daftar {kabupaten}. Pertanyaan tentang bantuan ini: {office}',
    status: 'Status',
    period: 'Periode',
    phone: 'telepon/WA',
    checking: 'Sedang memeriksa… (menghitung kunci pengaman di perangkat Anda)',
    checkingSecs: 'Sedang memeriksa… {s} detik',
    done: 'Selesai dalam {s} detik.',
    failed: 'Maaf, pemeriksaan gagal dimuat. Periksa sambungan internet lalu coba lagi.',
    fixFields: 'Periksa kembali isian yang ditandai.',
    outside: 'NIK ini terdaftar pertama kali di luar kabupaten ini. Tetap kami periksa.',
    desil: 'Desil keluarga Anda di DTSEN: {d} (1 = 10% keluarga termiskin secara nasional, 10 = terkaya).',
    desilUnranked:
      'Keluarga Anda belum diperingkat (belum punya desil) di DTSEN. Desil menentukan kelayakan sebagian besar bantuan; tanyakan ke desa/kelurahan atau Puskesos cara memperbarui data.',
    desilWithin: 'Desil {d}: termasuk sasaran {program} (desil 1–{max}).',
    desilAbove: 'Desil {d}: di atas batas {program} (desil 1–{max}).',
    desilNote:
      'Desil adalah perkiraan BPS dari 39 keterangan tentang rumah, aset dan pengeluaran keluarga, dan diperbarui tiap triwulan. Bila kondisi keluarga Anda berubah, ajukan pembaruan data melalui desa/kelurahan atau Puskesos.',
  },
} as const;

type Widen<T> = T extends string
  ? string
  : T extends (...a: infer A) => infer R
    ? (...a: A) => Widen<R>
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : T extends object
        ? { [K in keyof T]: Widen<T[K]> }
        : T;
export type Dict = { [K in keyof typeof id]: Widen<(typeof id)[K]> };
