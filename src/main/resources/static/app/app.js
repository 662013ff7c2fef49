/*
 * Tapak web map. Plain JavaScript over OpenLayers' full build (global `ol`, served from the ol WebJar in the jar).
 * Everything comes from this Tapak: layers from /api/layers, pictures from /wms, search from /ogc, checks from
 * /api/checks, labels from /api/report-labels (the same words as the PDF). Map CRS EPSG:3857; the API speaks
 * GeoJSON lon/lat (RFC 7946).
 */
(function () {
  'use strict';

  // ------------------------------------------------------------------ words of the page (Indonesian first)
  const UI = {
    skip: ['Langsung ke panel', 'Skip to panel'],
    tagline: ['Kesesuaian lokasi kawasan industri · PP 20/2024', 'Industrial-estate site conformity · PP 20/2024'],
    searchLabel: ['Cari kawasan industri, kecamatan atau kabupaten', 'Search estates, kecamatan or kabupaten'],
    searchPlaceholder: ['Cari kawasan, kecamatan, kabupaten…', 'Search estate, kecamatan, kabupaten…'],
    regionLabel: ['Perbesar ke wilayah prioritas', 'Zoom to a priority region'],
    regionPick: ['Wilayah prioritas…', 'Priority region…'],
    tabLayers: ['Lapisan', 'Layers'], tabPropose: ['Usulan', 'Propose'], tabResult: ['Hasil', 'Result'],
    tabHistory: ['Riwayat', 'History'], tabCorridors: ['Koridor', 'Corridors'],
    corridorsTitle: ['Koridor prioritas', 'Priority corridors'],
    corridorsHint: ['Koridor prioritas (Perpres 80/2019): KPI, kawasan industri, KPI bebas dan aksesnya per kabupaten/kota, peta kesesuaian dan situs kandidat.',
      'Priority corridors (Perpres 80/2019): KPI, industrial estates, free KPI and its access per kabupaten/kota, the suitability map and candidate sites.'],
    computing: ['Menghitung… Perhitungan pertama sebuah koridor dapat memakan waktu hingga satu menit.', 'Computing… The first computation of a corridor can take up to a minute.'],
    computingSites: ['Menghitung situs kandidat…', 'Computing candidate sites…'],
    members: ['kabupaten/kota', 'kabupaten/kota'], membership: ['Keanggotaan', 'Membership'], source: ['Sumber', 'Source'],
    region: ['Kabupaten/kota', 'Kabupaten/kota'], kpi: ['KPI', 'KPI'],
    estatesOpPl: ['KI operasi · rencana', 'Estates op. · planned'],
    freeKpi: ['KPI bebas', 'Free KPI'], assessed: ['dinilai', 'assessed'], unassessed: ['belum dinilai', 'not assessed'],
    access: ['Akses KPI bebas', 'Access of the free KPI'],
    lowerBoundHint: ['Batas bawah: sebagian lapisan tidak menyatakan cakupannya, jalan yang belum dipetakan hanya dapat menaikkan bagian ini.',
      'Lower bound: a layer of the rule declares no coverage; an unmapped road could only raise the share.'],
    accessHint: ['Persentase: bagian KPI bebas dalam jarak tersebut dari infrastruktur; ≥ menandai batas bawah (lapisan tanpa cakupan yang dinyatakan).',
      'Percentages: the share of the free KPI within that distance of the infrastructure; ≥ marks a lower bound (a layer without declared coverage).'],
    estateVerdicts: ['Kawasan industri beroperasi: kesimpulan pemeriksaan', 'Operating estates: check verdicts'],
    wholeCorridor: ['Seluruh koridor', 'Whole corridor'], indicators: ['Indikator per kabupaten/kota', 'Indicators by kabupaten/kota'],
    candidates: ['Situs kandidat (≥ 50 ha, satu hamparan)', 'Candidate sites (≥ 50 ha, one expanse)'],
    rank: ['Peringkat', 'Rank'], area: ['Luas', 'Area'], meanScore: ['Skor rata-rata', 'Mean score'],
    locationVerdict: ['Kesimpulan lokasi', 'Location verdict'], report: ['Laporan', 'Report'],
    noCandidates: ['Tidak ada situs kandidat yang memenuhi syarat.', 'No candidate site qualifies.'],
    candidateHint: ['Klik peringkat untuk memperbesar ke situs; kesimpulan lokasi tidak menilai aturan rencana induk (lahan IKM).',
      'Click a rank to zoom to the site; the location verdict leaves out the masterplan rules (IKM land).'],
    suitability: ['Kesesuaian (skor 0–100)', 'Suitability (score 0–100)'], candidateLayer: ['Situs kandidat', 'Candidate sites'],
    corridorNotes: ['Catatan: yang tidak tercakup', 'Notes: what is not covered'],
    within: ['≤', '≤'], 'conf.confirmed': ['Terkonfirmasi', 'Confirmed'], 'conf.secondary': ['Sumber sekunder', 'Secondary source'],
    'conf.unverified': ['Belum diverifikasi', 'Unverified'], csv: ['Unduh CSV', 'Download CSV'],
    layersHint: ['Lapisan dikelompokkan menurut perannya. Lapisan bertanda skematik digambar dari fakta publik, bukan hasil survei. Klik peta untuk informasi objek.',
      'Layers are grouped by role. Layers marked schematic are drawn from public facts, not survey data. Click the map for feature information.'],
    siteHeading: ['1. Tapak', '1. Site'], draw: ['Gambar poligon', 'Draw polygon'], drawing: ['Sedang menggambar…', 'Drawing…'],
    clear: ['Hapus', 'Clear'],
    drawHint: ['Klik pada peta untuk menambah titik; klik dua kali untuk menutup poligon. Luas dihitung pada elipsoid WGS84.',
      'Click the map to add points; double-click to close the polygon. Area is computed on the WGS84 ellipsoid.'],
    areaLabel: ['Luas', 'Area'],
    uploadLabel: ['…atau unggah berkas (GeoJSON, KML, Shapefile .zip, GeoPackage)', '…or upload a file (GeoJSON, KML, zipped Shapefile, GeoPackage)'],
    requestHeading: ['2. Permohonan', '2. Request'], fName: ['Nama usulan', 'Proposal name'], fKind: ['Jenis', 'Kind'],
    fSpecial: ['Kasus khusus (Pasal 78)', 'Special case (Art. 78)'], none: ['Tidak ada', 'None'],
    fPlot: ['Kaveling industri (ha)', 'Industrial plots (ha)'], fIkm: ['Lahan IKM (ha)', 'IKM land (ha)'],
    fGreen: ['Ruang terbuka hijau (ha)', 'Green space (ha)'], fRoad: ['Jalan dan saluran (ha)', 'Roads and channels (ha)'],
    run: ['Periksa kesesuaian', 'Run the check'], running: ['Memeriksa…', 'Checking…'],
    noResult: ['Belum ada hasil. Gambar atau unggah tapak, lalu periksa.', 'No result yet. Draw or upload a site, then run the check.'],
    needSite: ['Gambar poligon di peta atau pilih berkas terlebih dahulu.', 'Draw a polygon on the map or choose a file first.'],
    fToken: ['Token akses (Bearer)', 'Access token (Bearer)'],
    tokenHint: ['Membuat pemeriksaan memerlukan token peran planner; scripts/run mencetaknya saat mulai. Disimpan hanya di peramban ini.',
      'Making a check needs a token with the planner role; scripts/run prints one at start-up. Kept in this browser only.'],
    need401: ['Token tidak ada atau tidak dikenal (401): masukkan token Bearer dari scripts/run atau dari admin.',
      'Token missing or not known (401): enter the Bearer token from scripts/run or from your admin.'],
    need403: ['Peran token ini tidak boleh membuat pemeriksaan (403): perlu peran planner atau admin.',
      'The role of this token may not make checks (403): it needs the planner or admin role.'],
    mapLabel: ['Peta lapisan dan hasil pemeriksaan', 'Map of the layers and the check result'],
    schematic: ['skematik', 'schematic'], opacity: ['Opasitas', 'Opacity'], postgis: ['PostGIS', 'PostGIS'],
    legendOf: ['Legenda', 'Legend'], info: ['Informasi objek', 'Feature information'], noInfo: ['Tidak ada objek di titik ini.', 'No feature here.'],
    findings: ['Temuan per aturan', 'Findings by rule'], rule: ['Aturan', 'Rule'], status: ['Status', 'Status'],
    measured: ['Terukur', 'Measured'], threshold: ['Ambang', 'Threshold'], citation: ['Dasar hukum', 'Citation'],
    confidence: ['Keyakinan', 'Confidence'], notAssessed: ['Aturan yang tidak dapat dinilai', 'Rules not assessed'],
    allAssessed: ['Semua aturan dapat dinilai dengan data yang tersedia.', 'Every rule could be assessed with the data available.'],
    notes: ['Catatan atas masukan', 'Notes on the input'], verdict: ['Kesimpulan', 'Verdict'],
    share: ['Salin tautan', 'Copy link'], copied: ['Tautan disalin', 'Link copied'], print: ['Cetak (HTML)', 'Print (HTML)'],
    zoomHint: ['Klik nama aturan bertanda lingkaran merah untuk menyorot dan memperbesar area konfliknya.', 'Click a rule marked with a red circle to highlight and zoom to its conflict area.'],
    site: ['Tapak', 'Site'], conflicts: ['Konflik', 'Conflicts'], noHistory: ['Belum ada pemeriksaan.', 'No checks yet.'],
    unnamed: ['(tanpa nama)', '(unnamed)'], loadFailed: ['Gagal memuat', 'Could not load'],
    checkLayer: ['Hasil pemeriksaan tersimpan', 'Stored check results'],
    basemap: ['Peta dasar (XYZ)', 'Base map (XYZ)'],
    disclaimer: ['Hasil ini alat bantu analisis dan tidak menggantikan penilaian resmi KKPR.', 'This result supports, and does not replace, the official KKPR assessment.']
  };
  const GROUPS = [
    ['plan', ['spatial-plan', 'detail-plan'], ['Rencana tata ruang', 'Spatial plans']],
    ['constraints', ['farmland', 'protected', 'settlement'], ['Kendala lokasi', 'Location constraints']],
    ['estates', ['estate', 'planned-estate'], ['Kawasan industri', 'Industrial estates']],
    ['infra', ['road', 'rail', 'port', 'gas'], ['Infrastruktur', 'Infrastructure']],
    ['water', ['water'], ['Air', 'Water']],
    ['admin', ['admin'], ['Batas wilayah (peta dasar)', 'Boundaries (base map)']]
  ];
  // shown when the page opens; the rest can be switched on
  const DEFAULT_ON = new Set(['spatial-plan', 'detail-plan', 'farmland', 'protected', 'estate', 'planned-estate', 'road']);
  const DEFAULT_ON_IDS = new Set(['kabupaten_kota']);

  const S = { lang: 'id', labels: null, layers: [], wms: {}, drawn: null, report: null, geo: null, search: [], selected: null };
  const $ = (sel) => document.querySelector(sel);
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of kids.flat()) if (c !== null && c !== undefined) e.append(c.nodeType ? c : document.createTextNode(String(c)));
    return e;
  };
  const t = (key) => (UI[key] ? UI[key][S.lang === 'en' ? 1 : 0] : key);
  const pick = (o) => (o && typeof o === 'object' ? (S.lang === 'en' ? o.en || o.id : o.id || o.en) : o == null ? '' : String(o));
  /** A label from /api/report-labels; unknown codes fall back to the code itself. */
  const label = (map, code) => {
    const l = S.labels && S.labels[map] && S.labels[map][code];
    return { text: l ? (S.lang === 'en' ? l.en : l.id) : (code || '—'), colour: l ? l.colour : '#6b7280' };
  };

  // ------------------------------------------------------------------ numbers (Indonesian: 1.250,5)
  const nf = (v, d) => (v == null || !isFinite(v) ? '—' : Number(v).toLocaleString(S.lang === 'en' ? 'en-GB' : 'id-ID',
    { minimumFractionDigits: d, maximumFractionDigits: d }));
  const ha = (v) => (v == null ? '—' : nf(v, v !== 0 && Math.abs(v) < 0.01 ? 4 : 2) + ' ha');
  const value = (v, unit) => {
    if (v == null) return '—';
    if (unit === 'm' || unit === 'm2') return nf(v, Math.abs(v) >= 100 ? 0 : 1) + (unit === 'm2' ? ' m²' : ' m');
    if (unit === 'ha') return ha(v);
    return nf(v, 2) + (unit === '%' ? ' %' : unit ? ' ' + unit : '');
  };
  /** "1,5" or "1.5" → "1.5"; anything else is sent as typed, so the API names the field. */
  const decimal = (s) => { const x = s.trim(); return /^-?\d+(,\d+)?$/.test(x) ? x.replace(',', '.') : x; };

  /**
   * Geodesic area (hectares) of a lon/lat ring on the WGS84 ellipsoid: vertices mapped to authalic latitude on the
   * sphere of equal area (radius Rq), then the spherical polygon area. Matches the server's GeographicLib figure to
   * well under 0.1 % for sites of a few km.
   */
  const A = 6378137, F = 1 / 298.257223563, E2 = F * (2 - F), E = Math.sqrt(E2);
  const q = (s) => (1 - E2) * (s / (1 - E2 * s * s) - Math.log((1 - E * s) / (1 + E * s)) / (2 * E));
  const QP = q(1), RQ = A * Math.sqrt(QP / 2);
  const authalic = (latDeg) => Math.asin(Math.max(-1, Math.min(1, q(Math.sin(latDeg * Math.PI / 180)) / QP)));
  function ringHa(ring) {
    let s = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const l1 = ring[i][0] * Math.PI / 180, l2 = ring[i + 1][0] * Math.PI / 180;
      s += (l2 - l1) * (2 + Math.sin(authalic(ring[i][1])) + Math.sin(authalic(ring[i + 1][1])));
    }
    return Math.abs(s * RQ * RQ / 2) / 10000;
  }
  function polygonHa(geom3857) {
    const rings = geom3857.clone().transform('EPSG:3857', 'EPSG:4326').getCoordinates();
    return rings.reduce((sum, r, i) => sum + (i === 0 ? 1 : -1) * ringHa(r), 0);
  }

  // ------------------------------------------------------------------ fetch helpers
  async function getJson(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!r.ok) throw new Error(t('loadFailed') + ' ' + url + ' (' + r.status + ')');
    return r.json();
  }

  // ------------------------------------------------------------------ map
  const geojson = new ol.format.GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
  const drawSource = new ol.source.Vector();
  const resultSource = new ol.source.Vector();
  const hiSource = new ol.source.Vector();
  const statusColour = (code) => label('status', code).colour;
  const resultStyle = (f) => {
    const p = f.getProperties();
    if (p.role === 'site') {
      return [new ol.style.Style({ stroke: new ol.style.Stroke({ color: 'rgba(255,255,255,.95)', width: 6 }) }),
        new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#111827', width: 2.5 }),
          fill: new ol.style.Fill({ color: 'rgba(255,255,255,.08)' }) })];
    }
    const c = statusColour(p.status);
    return new ol.style.Style({ stroke: new ol.style.Stroke({ color: c, width: 1.5 }), fill: new ol.style.Fill({ color: hex(c, 0.45) }) });
  };
  const hex = (c, a) => { const n = parseInt(c.slice(1), 16); return `rgba(${n >> 16},${(n >> 8) & 255},${n & 255},${a})`; };
  const map = new ol.Map({
    target: 'map',
    layers: [],
    view: new ol.View({ center: ol.proj.fromLonLat([112.65, -7.35]), zoom: 10, maxZoom: 19 }),
    controls: ol.control.defaults.defaults().extend([new ol.control.ScaleLine({ units: 'metric' })]),
    keyboardEventTarget: document.getElementById('map')
  });
  const drawLayer = new ol.layer.Vector({ source: drawSource, zIndex: 1000, style: new ol.style.Style({
    stroke: new ol.style.Stroke({ color: '#f59e0b', width: 3 }), fill: new ol.style.Fill({ color: 'rgba(245,158,11,.18)' }),
    image: new ol.style.Circle({ radius: 5, fill: new ol.style.Fill({ color: '#f59e0b' }) }) }) });
  const resultLayer = new ol.layer.Vector({ source: resultSource, zIndex: 1001, style: resultStyle });
  const hiLayer = new ol.layer.Vector({ source: hiSource, zIndex: 1002, style: [
    new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#fde047', width: 9 }) }),
    new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#b91c1c', width: 3 }), fill: new ol.style.Fill({ color: 'rgba(185,28,28,.35)' }) })] });
  const popup = new ol.Overlay({ element: $('#popup'), positioning: 'bottom-center' });
  map.addOverlay(popup);

  function wmsLayer(name, visible, z, opacity) {
    const src = new ol.source.ImageWMS({ url: '/wms', ratio: 1.2, serverType: undefined,
      params: { LAYERS: name, STYLES: '', VERSION: '1.3.0', FORMAT: 'image/png', TRANSPARENT: true } });
    return new ol.layer.Image({ source: src, visible, zIndex: z, opacity });
  }

  // ------------------------------------------------------------------ layers panel
  function buildLayers() {
    const box = $('#layer-groups');
    box.replaceChildren();
    const groups = GROUPS.map(([key, roles, title]) => ({ key, title, layers: S.layers.filter((l) => roles.includes(l.role)) }));
    const known = new Set(GROUPS.flatMap((g) => g[1]));
    const other = S.layers.filter((l) => !known.has(l.role));
    if (other.length) groups.push({ key: 'other', title: ['Lainnya', 'Other'], layers: other });
    for (const g of groups) {
      if (!g.layers.length) continue;
      const sec = el('section', { class: 'group', 'aria-label': g.title[S.lang === 'en' ? 1 : 0] },
        el('h3', { text: g.title[S.lang === 'en' ? 1 : 0] }));
      for (const l of g.layers) sec.append(layerRow(l));
      box.append(sec);
    }
    const checks = { id: 'check_sites', title: { id: t('checkLayer'), en: t('checkLayer') }, role: 'checks' };
    const sec = el('section', { class: 'group' }, el('h3', { text: t('checkLayer') }), layerRow(checks));
    box.append(sec);
  }

  function layerRow(l) {
    const lyr = S.wms[l.id];
    const on = lyr.getVisible();
    const id = 'lyr-' + l.id;
    const legend = el('img', { class: 'legend', alt: t('legendOf') + ': ' + pick(l.title), loading: 'lazy',
      src: '/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&VERSION=1.3.0&FORMAT=image/png&LAYER=' + encodeURIComponent(l.id) });
    const range = el('input', { type: 'range', min: 0, max: 100, value: Math.round(lyr.getOpacity() * 100), id: id + '-op',
      'aria-label': t('opacity') + ' ' + pick(l.title),
      oninput: (e) => lyr.setOpacity(e.target.value / 100) });
    const row = el('div', { class: 'layer' + (on ? '' : ' off'), 'data-layer': l.id },
      el('div', { class: 'head' },
        el('label', { class: 'name', for: id },
          el('input', { type: 'checkbox', id, checked: on, 'data-layer': l.id,
            onchange: (e) => { lyr.setVisible(e.target.checked); row.classList.toggle('off', !e.target.checked); } }),
          el('span', { text: pick(l.title) })),
        l.schematic ? el('span', { class: 'badge', title: l.description || '', text: t('schematic') }) : null,
        l.sourceType === 'postgis' ? el('span', { class: 'badge db', text: t('postgis') }) : null),
      el('div', { class: 'opacity' }, el('span', { text: t('opacity') }), range),
      el('details', { class: 'legend', open: l.role !== 'spatial-plan' && l.role !== 'detail-plan' },
        el('summary', { text: t('legendOf') }), legend));
    return row;
  }

  // ------------------------------------------------------------------ feature info
  map.on('singleclick', async (evt) => {
    // no feature info while drawing, nor for the click that closed the polygon
    if (S.draw || Date.now() - (S.drawEndAt || 0) < 800) return;
    const visible = S.layers.filter((l) => S.wms[l.id].getVisible()).map((l) => l.id);
    if (!visible.length) return;
    const src = S.wms[visible[0]].getSource();
    const url = src.getFeatureInfoUrl(evt.coordinate, map.getView().getResolution(), 'EPSG:3857',
      { INFO_FORMAT: 'application/json', FEATURE_COUNT: 5, QUERY_LAYERS: visible.join(','), LAYERS: visible.join(',') });
    try {
      const fc = await getJson(url);
      showInfo(fc.features || [], evt.coordinate);
    } catch (e) { showInfo([], evt.coordinate); }
  });

  function showInfo(features, coord) {
    const box = $('#info');
    box.replaceChildren(el('h3', { text: t('info') }));
    if (!features.length) {
      box.append(el('p', { class: 'hint', text: t('noInfo') }));
      popup.getElement().hidden = true;
      return;
    }
    for (const f of features.slice(0, 8)) {
      const layer = S.layers.find((l) => l.id === f.layer) || {};
      const p = f.properties || {};
      const name = (layer.nameField && p[layer.nameField]) || f.id || '';
      const rows = Object.entries(p).filter(([k, v]) => v !== null && v !== '' && typeof v !== 'object').slice(0, 12)
        .map(([k, v]) => el('tr', {}, el('th', { text: k }), el('td', { text: typeof v === 'number' ? nf(v, Number.isInteger(v) ? 0 : 2) : v })));
      box.append(el('h3', { text: pick(layer.title) + (name ? ': ' + name : '') }), el('table', {}, rows));
    }
    const first = features[0];
    const fl = S.layers.find((l) => l.id === first.layer) || {};
    const fname = (fl.nameField && (first.properties || {})[fl.nameField]) || first.id || '';
    popup.getElement().replaceChildren(el('b', { text: pick(fl.title) }), el('br'), fname);
    popup.getElement().hidden = false;
    popup.setPosition(coord);
  }

  // ------------------------------------------------------------------ search and priority regions
  async function buildSearch() {
    const wanted = S.layers.filter((l) => ['estate', 'planned-estate', 'admin'].includes(l.role) && l.nameField);
    for (const l of wanted) {
      try {
        const fc = await getJson('/ogc/collections/' + encodeURIComponent(l.id) + '/items?limit=1000');
        for (const f of fc.features || []) {
          const name = f.properties && f.properties[l.nameField];
          if (!name || !f.geometry) continue;
          const feat = geojson.readFeature(f);
          S.search.push({ name: String(name), layer: l, extent: feat.getGeometry().getExtent() });
          if (l.id === 'priority_regions' || /prioritas|priority/i.test(pick(l.title))) {
            $('#region').append(el('option', { value: String(S.search.length - 1), text: String(name) }));
          }
        }
      } catch (e) { /* the layer stays out of the search */ }
    }
  }
  let hits = [], active = -1;
  $('#search').addEventListener('input', (e) => {
    const qv = e.target.value.trim().toLowerCase();
    const list = $('#search-results');
    list.replaceChildren();
    hits = qv.length < 2 ? [] : S.search.filter((s) => s.name.toLowerCase().includes(qv)).slice(0, 12);
    active = -1;
    hits.forEach((h, i) => list.append(el('li', { role: 'option', id: 'hit-' + i, 'aria-selected': 'false',
      onmousedown: (ev) => { ev.preventDefault(); go(i); } }, el('span', { text: h.name }), el('small', { text: pick(h.layer.title) }))));
    list.hidden = hits.length === 0;
  });
  $('#search').addEventListener('keydown', (e) => {
    if (!hits.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      document.querySelectorAll('#search-results li').forEach((li, i) => li.setAttribute('aria-selected', i === active ? 'true' : 'false'));
      $('#search').setAttribute('aria-activedescendant', 'hit-' + active);
    } else if (e.key === 'Escape') { $('#search-results').hidden = true; }
  });
  $('#search-form').addEventListener('submit', (e) => { e.preventDefault(); if (hits.length) go(active < 0 ? 0 : active); });
  $('#search').addEventListener('blur', () => setTimeout(() => { $('#search-results').hidden = true; }, 150));
  function go(i) {
    const h = hits[i];
    $('#search-results').hidden = true;
    $('#search').value = h.name;
    map.getView().fit(h.extent, { padding: [40, 40, 40, 40], maxZoom: 15, duration: 300 });
    const lyr = S.wms[h.layer.id];
    if (lyr && !lyr.getVisible()) toggleLayer(h.layer.id, true);
  }
  function toggleLayer(id, on) {
    S.wms[id].setVisible(on);
    const cb = document.getElementById('lyr-' + id);
    if (cb) { cb.checked = on; cb.closest('.layer').classList.toggle('off', !on); }
  }
  $('#region').addEventListener('change', (e) => {
    const s = S.search[Number(e.target.value)];
    if (s) map.getView().fit(s.extent, { padding: [30, 30, 30, 30], duration: 300 });
  });

  // ------------------------------------------------------------------ tabs
  const TABS = ['layers', 'propose', 'result', 'history', 'corridors'];
  function selectTab(name, focus) {
    for (const n of TABS) {
      const tab = document.getElementById('tab-' + n);
      const on = n === name;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      document.getElementById('pane-' + n).hidden = !on;
      if (on && focus) tab.focus();
    }
    if (name === 'history') loadHistory();
    if (name === 'corridors') loadCorridors();
  }
  for (const n of TABS) document.getElementById('tab-' + n).addEventListener('click', () => selectTab(n, false));
  $('.tabs').addEventListener('keydown', (e) => {
    const i = TABS.findIndex((n) => document.getElementById('tab-' + n).getAttribute('aria-selected') === 'true');
    if (e.key === 'ArrowRight') selectTab(TABS[(i + 1) % TABS.length], true);
    if (e.key === 'ArrowLeft') selectTab(TABS[(i + TABS.length - 1) % TABS.length], true);
  });

  // ------------------------------------------------------------------ propose: draw or upload
  $('#draw').addEventListener('click', () => {
    if (S.draw) { stopDraw(); return; }
    drawSource.clear();
    S.drawn = null;
    $('#file').value = '';
    S.draw = new ol.interaction.Draw({ source: drawSource, type: 'Polygon' });
    S.draw.on('drawstart', (e) => {
      e.feature.getGeometry().on('change', (ev) => { $('#area').textContent = ha(polygonHa(ev.target)); });
    });
    S.draw.on('drawend', (e) => {
      S.drawn = e.feature;
      S.drawEndAt = Date.now();
      $('#area').textContent = ha(polygonHa(e.feature.getGeometry()));
      clearErrors();
      setTimeout(stopDraw, 0);
    });
    map.addInteraction(S.draw);
    $('#draw').setAttribute('aria-pressed', 'true');
    $('#draw').textContent = t('drawing');
    popup.getElement().hidden = true;
  });
  function stopDraw() {
    if (S.draw) map.removeInteraction(S.draw);
    S.draw = null;
    $('#draw').setAttribute('aria-pressed', 'false');
    $('#draw').textContent = t('draw');
  }
  $('#clear').addEventListener('click', () => { stopDraw(); drawSource.clear(); S.drawn = null; $('#file').value = ''; $('#area').textContent = '—'; });
  $('#file').addEventListener('change', () => {
    if ($('#file').files.length) { drawSource.clear(); S.drawn = null; $('#area').textContent = '—'; previewFile($('#file').files[0]); }
  });
  /** A GeoJSON file is drawn and measured before the check; other formats are read by the server. */
  async function previewFile(file) {
    if (!/\.(geo)?json$/i.test(file.name)) return;
    try {
      const feats = geojson.readFeatures(JSON.parse(await file.text()));
      const site = feats.find((f) => !f.get('use')) || feats[0];
      if (!site) return;
      drawSource.addFeature(site);
      $('#area').textContent = ha(polygonHa(site.getGeometry().getType() === 'Polygon' ? site.getGeometry()
        : new ol.geom.Polygon(site.getGeometry().getCoordinates()[0])));
      map.getView().fit(site.getGeometry().getExtent(), { padding: [60, 60, 60, 60], maxZoom: 15 });
    } catch (e) { /* the server names what is wrong */ }
  }

  const FIELDS = ['name', 'kind', 'special_case', 'kbli', 'industrial_plot_ha', 'ikm_ha', 'green_space_ha', 'road_ha'];
  const NUMERIC = new Set(['industrial_plot_ha', 'ikm_ha', 'green_space_ha', 'road_ha']);
  function clearErrors() {
    document.querySelectorAll('.error').forEach((p) => { p.textContent = ''; });
    document.querySelectorAll('[aria-invalid]').forEach((i) => i.removeAttribute('aria-invalid'));
  }
  /** Shows a problem+json beside the field its `field` member names (JSON path, e.g. properties.ikm_ha). */
  function showProblem(p) {
    const field = String(p.field || 'body');
    let key = field.replace(/^features\[\d+\]\./, '').replace(/^properties\./, '');
    if (/^(geometry|features|coordinates)/.test(key)) key = 'geometry';
    const slot = document.getElementById('err-' + key) || $('#err-body');
    slot.textContent = (p.detail || p.title || 'Error') + (slot.id === 'err-body' && field !== 'body' ? ' (' + field + ')' : '');
    const input = document.querySelector('[name="' + key + '"]') || (key === 'file' ? $('#file') : null);
    if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
    selectTab('propose', false);
  }
  // the access token for writes (docs/security.md): kept in localStorage, sent only with POST /api/checks
  const TOKEN_KEY = 'tapak.token';
  $('#f-token').value = localStorage.getItem(TOKEN_KEY) || '';
  $('#f-token').addEventListener('change', () => {
    const v = $('#f-token').value.trim().replace(/^Bearer\s+/i, '');
    $('#f-token').value = v;
    if (v) localStorage.setItem(TOKEN_KEY, v); else localStorage.removeItem(TOKEN_KEY);
  });
  /** A 401 or 403 is about the token, not the site: say so beside the token field. */
  function showAccessProblem(status) {
    $('#err-token').textContent = t(status === 401 ? 'need401' : 'need403');
    $('#f-token').setAttribute('aria-invalid', 'true');
    $('#f-token').focus();
    selectTab('propose', false);
  }
  $('#request').addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    const props = {};
    for (const f of FIELDS) {
      const v = document.querySelector('#request [name="' + f + '"]').value;
      if (v.trim() !== '') props[f] = NUMERIC.has(f) ? decimal(v) : v.trim();
    }
    let req;
    if ($('#file').files.length) {
      const fd = new FormData();
      fd.append('file', $('#file').files[0]);
      for (const [k, v] of Object.entries(props)) fd.append(k, v);
      req = { method: 'POST', body: fd };
    } else if (S.drawn) {
      for (const k of NUMERIC) if (k in props && /^-?\d+(\.\d+)?$/.test(props[k])) props[k] = Number(props[k]);
      const f = JSON.parse(geojson.writeFeature(S.drawn, { decimals: 7 }));
      f.properties = props;
      req = { method: 'POST', headers: { 'Content-Type': 'application/geo+json' }, body: JSON.stringify(f) };
    } else {
      $('#err-geometry').textContent = t('needSite');
      return;
    }
    const btn = $('#run');
    btn.disabled = true;
    btn.textContent = t('running');
    try {
      const token = $('#f-token').value.trim();
      const auth = token ? { Authorization: 'Bearer ' + token } : {};
      const r = await fetch('/api/checks', Object.assign(req, { headers: Object.assign({ Accept: 'application/json' }, auth, req.headers || {}) }));
      const body = await r.json().catch(() => ({ detail: r.statusText }));
      if (r.status === 401 || r.status === 403) { showAccessProblem(r.status); return; }
      if (!r.ok) { showProblem(body); return; }
      drawSource.clear();
      await showCheck(body.id, body);
    } catch (err) {
      $('#err-body').textContent = String(err.message || err);
    } finally {
      btn.disabled = false;
      btn.textContent = t('run');
    }
  });

  // ------------------------------------------------------------------ read: verdict, findings, downloads
  async function showCheck(id, report) {
    const rep = report || await getJson('/api/checks/' + encodeURIComponent(id));
    const geo = await getJson('/api/checks/' + encodeURIComponent(id) + '?f=geojson');
    S.report = rep; S.geo = geo; S.selected = null;
    resultSource.clear(); hiSource.clear();
    resultSource.addFeatures(geojson.readFeatures(geo));
    const site = resultSource.getFeatures().find((f) => f.get('role') === 'site');
    if (site) map.getView().fit(site.getGeometry().getExtent(), { padding: [80, 80, 80, 80], maxZoom: 16, duration: 300 });
    const url = new URL(location.href);
    url.pathname = '/';
    url.search = '?check=' + encodeURIComponent(rep.id) + (S.lang === 'en' ? '&lang=en' : '');
    history.replaceState(null, '', url);
    renderResult();
    selectTab('result', false);
  }

  function notAssessedOf(r) {
    if (Array.isArray(r.notAssessed)) return r.notAssessed;
    return (r.findings || []).filter((f) => f.status === 'NOT_ASSESSED')
      .map((f) => ({ rule: f.rule, title: f.title, reason: f.reason || f.message }));
  }

  function renderResult() {
    const r = S.report;
    if (!r) return;
    const v = label('verdict', r.verdict);
    const base = '/api/checks/' + encodeURIComponent(r.id);
    const lq = '?lang=' + S.lang;
    const share = location.origin + '/?check=' + encodeURIComponent(r.id);
    const conflicts = (r.findings || []).filter((f) => f.conflict);
    const box = $('#result');
    box.replaceChildren(...[
      el('div', { class: 'verdict', id: 'verdict', role: 'status', style: 'background:' + v.colour, 'data-verdict': r.verdict },
        el('div', { class: 'label', text: t('verdict') }),
        el('div', { class: 'value', text: v.text }),
        el('div', { class: 'meta' }, (r.name || t('unnamed')) + ' · ', el('span', { id: 'site-ha', text: ha(r.siteHa) }),
          ' · ' + label('kind', r.kind).text)),
      el('div', { class: 'downloads', role: 'group', 'aria-label': 'Unduhan / Downloads' },
        el('a', { class: 'pdf', id: 'dl-pdf', href: base + '/report.pdf' + lq, target: '_blank', text: 'PDF' }),
        el('a', { href: base + '/report.html' + lq, target: '_blank', id: 'dl-html', text: t('print') }),
        el('a', { href: base + '?f=geojson', download: 'tapak-' + r.id + '.geojson', text: 'GeoJSON' }),
        el('a', { href: base, download: 'tapak-' + r.id + '.json', text: 'JSON' }),
        el('a', { href: base + '/report.csv', download: 'tapak-' + r.id + '.csv', text: 'CSV' }),
        el('button', { type: 'button', id: 'share', 'data-href': share, onclick: async (e) => {
          try { await navigator.clipboard.writeText(share); e.target.textContent = t('copied'); } catch (x) { prompt(t('share'), share); }
        }, text: t('share') })),
      el('p', { class: 'hint' }, el('a', { href: share, id: 'share-link', text: share })),
      el('h2', { text: t('findings') }),
      conflicts.length ? el('p', { class: 'hint', text: t('zoomHint') }) : null,
      findingsTable(r),
      el('h2', { text: t('notAssessed') }),
      notAssessedList(r),
      (r.notes && r.notes.length) ? el('div', {}, el('h2', { text: t('notes') }), el('ul', {}, r.notes.map((n) => el('li', { text: n })))) : null,
      el('p', { class: 'hint', text: t('disclaimer') })].filter(Boolean));
    $('#map-summary').textContent = t('site') + ' ' + (r.name || '') + ', ' + ha(r.siteHa) + ': ' + t('verdict') + ' ' + v.text + '. '
      + (conflicts.length ? t('conflicts') + ': ' + conflicts.map((f) => pick(f.title) + ' ' + ha(f.conflictHa)).join('; ') : '');
  }

  /**
   * The findings table. Six facts per rule (rule, status, measured, threshold, citation, confidence) in four columns
   * so it fits beside the map: citation and confidence sit under the rule, each with its label.
   */
  function findingsTable(r) {
    const rows = (r.findings || []).map((f) => {
      const st = label('status', f.status);
      const btn = el('button', { type: 'button', class: 'rule-btn' + (f.conflict ? ' has-geom' : ''), 'data-rule': f.rule,
        'aria-label': pick(f.title) + (f.conflict ? ' — ' + ha(f.conflictHa) : ''), onclick: () => focusFinding(f.rule) }, pick(f.title));
      return el('tr', { 'data-rule': f.rule, 'data-status': f.status },
        el('td', {}, btn,
          el('span', { class: 'msg', text: pick(f.message) + (f.conflictHa != null ? ' (' + ha(f.conflictHa) + ')' : '') }),
          el('span', { class: 'cite' }, el('span', { class: 'k', text: t('citation') + ': ' }), el('span', { class: 'citation', text: f.citation || '' })),
          el('span', { class: 'conf', text: t('confidence') + ': ' + label('confidence', f.confidence).text })),
        el('td', {}, el('span', { class: 'st', style: 'background:' + st.colour, text: st.text })),
        el('td', { class: 'num', text: value(f.measured, f.unit) }),
        el('td', { class: 'num', text: value(f.threshold, f.unit) }));
    });
    return el('table', { class: 'findings', id: 'findings' },
      el('caption', { class: 'sr-only', text: t('findings') }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('rule') + ' · ' + t('citation') }),
        ['status', 'measured', 'threshold'].map((k) => el('th', { scope: 'col', text: t(k) })))),
      el('tbody', {}, rows));
  }

  function notAssessedList(r) {
    const na = notAssessedOf(r);
    if (!na.length) return el('p', { class: 'hint', id: 'not-assessed', text: t('allAssessed') });
    return el('ul', { class: 'notassessed', id: 'not-assessed' }, na.map((n) => el('li', {}, el('b', { text: pick(n.title) + ': ' }), pick(n.reason))));
  }

  /** Highlights a finding's conflict geometry and zooms to it (the site when the rule has none). */
  function focusFinding(rule) {
    hiSource.clear();
    document.querySelectorAll('#findings tr').forEach((tr) => tr.classList.toggle('sel', tr.dataset.rule === rule));
    S.selected = rule;
    const f = resultSource.getFeatures().find((x) => x.get('role') === 'conflict' && x.get('rule') === rule);
    const target = f || resultSource.getFeatures().find((x) => x.get('role') === 'site');
    if (!target) return;
    if (f) hiSource.addFeature(f.clone());
    map.getView().fit(target.getGeometry().getExtent(), { padding: [80, 80, 80, 80], maxZoom: 17, duration: 300 });
  }

  // ------------------------------------------------------------------ history
  async function loadHistory() {
    const list = $('#history');
    try {
      const page = await getJson('/api/checks?limit=30');
      list.replaceChildren();
      if (!page.checks.length) list.append(el('li', { class: 'hint', text: t('noHistory') }));
      for (const c of page.checks) {
        const v = label('verdict', c.verdict);
        list.append(el('li', {}, el('button', { type: 'button', 'data-check': c.id, onclick: () => showCheck(c.id) },
          el('span', { class: 'st', style: 'background:' + v.colour, text: v.text }), ' ', el('b', { text: c.name || t('unnamed') }),
          el('br'), el('small', { text: ha(c.siteHa) + ' · ' + new Date(c.created).toLocaleString(S.lang === 'en' ? 'en-GB' : 'id-ID') + ' · ' + c.id }))));
      }
    } catch (e) { list.replaceChildren(el('li', { class: 'error', text: e.message })); }
  }

  // ------------------------------------------------------------------ corridors: indicators, suitability, candidates
  // A corridor's figures are computed once on the server (the first time ~30 s on the demo): every fetch shows a
  // "computing" state instead of an empty pane. WMS layers kesesuaian_<id> and kandidat_<id> (id with _ for -).
  const candSource = new ol.source.Vector();
  const candStyle = [new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#fde047', width: 8 }) }),
    new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#4c1d95', width: 3 }), fill: new ol.style.Fill({ color: 'rgba(109,40,217,.18)' }) })];
  // the WMS draws every candidate; the page outlines only the one chosen in the table
  const candLayer = new ol.layer.Vector({ source: candSource, zIndex: 1003, style: (f) => (f.get('rank') === S.corr.rank ? candStyle : null) });
  const corridorWms = (id) => ['kesesuaian_' + id.replace(/-/g, '_'), 'kandidat_' + id.replace(/-/g, '_')];
  S.corr = { list: null, error: null, id: null, report: null, cands: null, candError: null, rank: null };

  async function loadCorridors() {
    if (S.corr.list) { renderCorridors(); return; }
    if (S.corr.loading) return;
    S.corr.loading = true;
    renderCorridors();
    try { S.corr.list = (await getJson('/api/corridors')).corridors; } catch (e) { S.corr.error = e.message; }
    S.corr.loading = false;
    renderCorridors();
  }

  async function selectCorridor(id) {
    const c = (S.corr.list || []).find((x) => x.id === id);
    if (!c) return;
    Object.assign(S.corr, { id, report: null, cands: null, candError: null, error: null, rank: null, extent: null });
    candSource.clear();
    // the suitability grid under the candidates, both over the plan; switching corridors hides the previous one
    for (const [cid, lyrs] of Object.entries(S.corrWms || {})) lyrs.forEach((l) => l.setVisible(cid === id));
    S.corrWms = S.corrWms || {};
    if (!S.corrWms[id]) {
      const [grid, cand] = corridorWms(id);
      S.corrWms[id] = [wmsLayer(grid, true, 950, 0.8), wmsLayer(cand, true, 960, 1)];
      S.corrWms[id].forEach((l) => map.addLayer(l));
    }
    renderCorridors();
    zoomToMembers(c);
    try { S.corr.report = await getJson('/api/corridors/' + encodeURIComponent(id)); } catch (e) { S.corr.error = e.message; }
    if (S.corr.id !== id) return;
    renderCorridors();
    try {
      S.corr.cands = await getJson('/api/corridors/' + encodeURIComponent(id) + '/candidates');
      if (S.corr.id !== id) return;
      candSource.addFeatures(geojson.readFeatures(S.corr.cands));
    } catch (e) { S.corr.candError = e.message; }
    if (S.corr.id === id) renderCorridors();
  }

  /** Fits the map to the corridor's members, read from the admin layer's OGC API items (their ids are the codes). */
  async function zoomToMembers(c) {
    const admin = c.admin || 'kabupaten_kota';
    const feats = await Promise.all((c.members || []).map((m) => getJson('/ogc/collections/' + encodeURIComponent(admin)
      + '/items/' + encodeURIComponent(m.code)).then((f) => geojson.readFeature(f)).catch(() => null)));
    const ext = feats.filter(Boolean).map((f) => f.getGeometry().getExtent()).reduce((a, b) => ol.extent.extend(a, b), ol.extent.createEmpty());
    if (ol.extent.isEmpty(ext) || S.corr.id !== c.id) return;
    S.corr.extent = ext;
    map.getView().fit(ext, { padding: [30, 30, 30, 30], duration: 300 });
  }

  function zoomToCandidate(rank) {
    S.corr.rank = rank;
    candLayer.changed();
    const f = candSource.getFeatures().find((x) => x.get('rank') === rank);
    document.querySelectorAll('#candidates tbody tr').forEach((tr) => tr.classList.toggle('sel', Number(tr.dataset.rank) === rank));
    if (f) map.getView().fit(f.getGeometry().getExtent(), { padding: [80, 80, 80, 80], maxZoom: 16, duration: 300 });
  }

  const busy = (key) => el('p', { class: 'computing', role: 'status' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), t(key));
  const conf = (code) => (UI['conf.' + code] ? t('conf.' + code) : code);
  const km = (m) => (m == null ? '—' : m >= 1000 ? nf(m / 1000, m % 1000 ? 1 : 0) + ' km' : nf(m, 0) + ' m');
  const pct = (v) => (v == null ? '—' : nf(v, 1) + ' %');
  const num = (k, v) => el('span', { 'data-k': k, text: ha(v) });

  function renderCorridors() {
    const list = $('#corridor-list');
    const box = $('#corridor');
    if (!list || !box) return;
    if (S.corr.loading) { list.replaceChildren(busy('computing')); box.replaceChildren(); return; }
    if (!S.corr.list) { list.replaceChildren(S.corr.error ? el('p', { class: 'error', text: S.corr.error }) : ''); return; }
    list.replaceChildren(...S.corr.list.map((c) => el('button', { type: 'button', class: 'corridor-btn', 'data-corridor': c.id,
      'aria-pressed': c.id === S.corr.id ? 'true' : 'false', onclick: () => selectCorridor(c.id) },
      el('b', { text: pick(c.title) }),
      el('small', { text: (c.members || []).length + ' ' + t('members') + ' · KPI ' + ha(c.indicators && c.indicators.kpiHa) }),
      el('span', { class: 'conf-' + c.confidence, text: conf(c.confidence) }))));
    const c = S.corr.list.find((x) => x.id === S.corr.id);
    if (!c) { box.replaceChildren(); return; }
    const r = S.corr.report;
    const [gridLayer, candLayerName] = corridorWms(c.id);
    const legendImg = (name, text) => el('figure', { class: 'legend' }, el('figcaption', { text }),
      el('img', { alt: t('legendOf') + ': ' + text, src: '/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&VERSION=1.3.0&FORMAT=image/png&LAYER=' + name }));
    const href = '/api/corridors/' + encodeURIComponent(c.id);
    box.replaceChildren(...[
      el('h2', { id: 'corridor-title', text: pick(c.title) }),
      el('dl', { class: 'kv membership' },
        el('dt', { text: t('membership') }), el('dd', {}, el('span', { class: 'conf-' + c.confidence, id: 'corridor-confidence',
          text: conf(c.confidence) }), ' ', (c.members || []).map((m) => m.name).join(', ')),
        el('dt', { text: t('source') }), el('dd', { id: 'corridor-source', text: c.source || '—' }),
        c.note ? el('dt', { text: t('corridorNotes').split(':')[0] }) : null, c.note ? el('dd', { text: c.note }) : null),
      el('div', { class: 'downloads', role: 'group', 'aria-label': 'Unduhan / Downloads' },
        el('a', { class: 'pdf', id: 'corridor-csv', href: href + '?f=csv', download: 'koridor-' + c.id + '.csv', text: t('csv') }),
        el('a', { href, download: 'koridor-' + c.id + '.json', text: 'JSON' }),
        el('a', { href: href + '/grid', download: 'kesesuaian-' + c.id + '.geojson', text: 'GeoJSON' })),
      el('div', { class: 'legends' }, legendImg(gridLayer, t('suitability')), legendImg(candLayerName, t('candidateLayer'))),
      el('h2', { text: t('indicators') }),
      r ? indicatorTable(r) : S.corr.error ? el('p', { class: 'error', text: S.corr.error }) : busy('computing'),
      el('h2', { text: t('candidates') }),
      !r && !S.corr.cands ? null : S.corr.cands ? candidateTable(S.corr.cands) : S.corr.candError
        ? el('p', { class: 'error', text: S.corr.candError }) : busy('computingSites')].filter(Boolean));
    // the map's text equivalent follows the pane in view (the result pane writes its own)
    if (!$('#pane-corridors').hidden) corridorSummary(c);
  }

  /**
   * Two rows per kabupaten/kota (the corridor as a whole in the footer): its hectares, then across the whole width
   * the share of the free KPI within each access rule's distance and the notes on what the figures do not cover.
   */
  function indicatorTable(r) {
    const rows = (i, whole) => [
      el('tr', whole ? { class: 'whole' } : { 'data-code': i.code },
        el(whole ? 'th' : 'td', whole ? { scope: 'row' } : {}, el('b', { class: 'rname', text: whole ? t('wholeCorridor') : i.name })),
        el('td', { class: 'num' }, num('kpiHa', i.kpiHa)),
        el('td', { class: 'num' }, num('operatingEstateHa', i.operatingEstateHa), el('small', {}, num('plannedEstateHa', i.plannedEstateHa))),
        el('td', { class: 'num' }, el('b', {}, num('freeKpiHa', i.freeKpi.ha)),
          el('small', {}, t('assessed') + ' ', num('freeAssessedHa', i.freeKpi.assessedHa)),
          el('small', {}, t('unassessed') + ' ', num('freeUnassessedHa', i.freeKpi.unassessedHa)))),
      el('tr', { class: 'detail' + (whole ? ' whole' : ''), 'data-detail': whole ? 'corridor' : i.code },
        el('td', { colspan: 4 },
          el('ul', { class: 'access', 'aria-label': t('access') }, (i.access || []).map((a) => el('li', { 'data-rule': a.rule,
            title: a.lowerBound ? t('lowerBoundHint') : null },
            pick(a.title) + ' ' + t('within') + ' ' + km(a.maxM) + ': ', el('b', { text: (a.lowerBound ? '≥ ' : '') + pct(a.sharePct) })))),
          (!whole && i.estates && i.estates.length) ? el('ul', { class: 'estates', 'aria-label': t('estateVerdicts') }, i.estates.map((e) => {
            const v = label('verdict', e.verdict);
            return el('li', { 'data-estate': e.id, 'data-verdict': e.verdict }, el('span', { class: 'dot', style: 'background:' + v.colour, 'aria-hidden': 'true' }),
              e.name + ': ' + v.text + (e.ikm && e.ikm !== 'NOT_APPLICABLE' ? ' · IKM ' + label('status', e.ikm).text : ''));
          })) : null,
          (i.notes && i.notes.length) ? el('ul', { class: 'cnotes', 'aria-label': t('corridorNotes') }, i.notes.map((n) => el('li', { text: pick(n) }))) : null))];
    return el('div', {}, el('table', { class: 'findings corridor-table', id: 'corridor-table' },
      el('caption', { class: 'sr-only', text: t('indicators') + ': ' + pick(r.title) }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('region') }),
        el('th', { scope: 'col', text: t('kpi') }), el('th', { scope: 'col', text: t('estatesOpPl') }),
        el('th', { scope: 'col', text: t('freeKpi') }))),
      el('tbody', {}, (r.members || []).flatMap((m) => rows(m, false))),
      el('tfoot', {}, rows(r.indicators, true))),
      el('p', { class: 'hint', text: t('accessHint') }));
  }

  function candidateTable(fc) {
    const fs = (fc.features || []).slice().sort((a, b) => a.properties.rank - b.properties.rank);
    if (!fs.length) return el('p', { class: 'hint', id: 'candidates', text: t('noCandidates') });
    return el('div', {}, el('p', { class: 'hint', text: t('candidateHint') }),
      el('table', { class: 'findings', id: 'candidates' },
        el('caption', { class: 'sr-only', text: t('candidates') }),
        el('thead', {}, el('tr', {}, ['rank', 'area', 'meanScore', 'locationVerdict', 'report'].map((k) => el('th', { scope: 'col', text: t(k) })))),
        el('tbody', {}, fs.map((f) => {
          const p = f.properties;
          const v = label('verdict', p.location_verdict);
          return el('tr', { 'data-rank': p.rank, class: S.corr.rank === p.rank ? 'sel' : null },
            el('td', {}, el('button', { type: 'button', class: 'rule-btn has-geom', 'data-rank': p.rank,
              'aria-label': t('rank') + ' ' + p.rank + ', ' + ha(p.area_ha), onclick: () => zoomToCandidate(p.rank) }, '#' + p.rank)),
            el('td', { class: 'num', text: ha(p.area_ha) }),
            el('td', { class: 'num', text: nf(p.mean_score, 1) }),
            el('td', {}, el('span', { class: 'st', style: 'background:' + v.colour, text: v.text })),
            el('td', {}, el('a', { href: p.report, target: '_blank', class: 'report-link', text: t('report') })));
        }))));
  }

  /** The text equivalent of the corridor on the map, for screen readers. */
  function corridorSummary(c) {
    const r = S.corr.report;
    const fs = (S.corr.cands && S.corr.cands.features) || [];
    $('#map-summary').textContent = t('corridorsTitle') + ' ' + pick(c.title) + ': ' + (c.members || []).length + ' ' + t('members')
      + (r ? ', KPI ' + ha(r.indicators.kpiHa) + ', ' + t('freeKpi') + ' ' + ha(r.indicators.freeKpi.ha) : '') + '. '
      + (fs.length ? t('candidates') + ': ' + fs.map((f) => '#' + f.properties.rank + ' ' + ha(f.properties.area_ha) + ' '
        + label('verdict', f.properties.location_verdict).text).join('; ') : '');
  }

  // ------------------------------------------------------------------ language
  function applyLang(lang) {
    S.lang = lang === 'en' ? 'en' : 'id';
    document.documentElement.lang = S.lang;
    $('#lang-id').setAttribute('aria-pressed', S.lang === 'id' ? 'true' : 'false');
    $('#lang-en').setAttribute('aria-pressed', S.lang === 'en' ? 'true' : 'false');
    document.querySelectorAll('[data-i18n]').forEach((n) => { n.textContent = t(n.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((n) => { n.placeholder = t(n.dataset.i18nPlaceholder); });
    document.querySelectorAll('[data-i18n-aria]').forEach((n) => { n.setAttribute('aria-label', t(n.dataset.i18nAria)); });
    document.querySelectorAll('[data-label]').forEach((n) => { const [m, c] = n.dataset.label.split('.'); n.textContent = label(m, c).text; });
    document.title = 'Tapak — ' + (S.lang === 'en' ? 'Industrial-estate site conformity map' : 'Peta kesesuaian lokasi kawasan industri');
    if (S.layers.length) buildLayers();
    renderResult();
    renderCorridors();
    if (S.draw) $('#draw').textContent = t('drawing');
    const url = new URL(location.href);
    if (S.lang === 'en') url.searchParams.set('lang', 'en'); else url.searchParams.delete('lang');
    history.replaceState(null, '', url);
  }
  $('#lang-id').addEventListener('click', () => applyLang('id'));
  $('#lang-en').addEventListener('click', () => applyLang('en'));

  // ------------------------------------------------------------------ start
  async function start() {
    const [cat, labels, settings] = await Promise.all([getJson('/api/layers'), getJson('/api/report-labels'), getJson('/api/webmap')]);
    S.labels = labels;
    S.layers = cat.layers;
    if (settings.basemapUrl) {
      map.addLayer(new ol.layer.Tile({ zIndex: 0, source: new ol.source.XYZ({ url: settings.basemapUrl,
        attributions: settings.basemapAttribution || undefined }) }));
    }
    // catalog order bottom-to-top by group: plan first, admin outlines and infrastructure over it
    const order = ['spatial-plan', 'detail-plan', 'farmland', 'protected', 'settlement', 'water', 'estate', 'planned-estate', 'admin', 'road', 'rail', 'gas', 'port'];
    S.layers.forEach((l, i) => {
      const z = 10 + (order.includes(l.role) ? order.indexOf(l.role) : order.length) * 20 + i;
      const on = DEFAULT_ON.has(l.role) || DEFAULT_ON_IDS.has(l.id);
      S.wms[l.id] = wmsLayer(l.id, on, z, l.role === 'spatial-plan' || l.role === 'detail-plan' ? 0.75 : 1);
      map.addLayer(S.wms[l.id]);
    });
    S.wms.check_sites = wmsLayer('check_sites,check_conflicts', false, 900, 0.9);
    map.addLayer(S.wms.check_sites);
    map.addLayer(drawLayer); map.addLayer(resultLayer); map.addLayer(hiLayer); map.addLayer(candLayer);
    // open on the estates (operating and planned) with their surroundings, else on everything
    const est = S.layers.filter((l) => (l.role === 'estate' || l.role === 'planned-estate') && l.bbox);
    const boxes = (est.length ? est : S.layers.filter((l) => l.bbox)).map((l) => l.bbox);
    if (boxes.length) {
      const ext = ol.extent.buffer(ol.proj.transformExtent(boxes.reduce((a, b) => [Math.min(a[0], b[0]),
        Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]), 'EPSG:4326', 'EPSG:3857'), est.length ? 12000 : 0);
      map.getView().fit(ext, { padding: [20, 20, 20, 20] });
    }
    const params = new URLSearchParams(location.search);
    applyLang(params.get('lang') || 'id');
    const path = location.pathname.match(/^\/checks\/([A-Za-z0-9_-]+)/);
    const check = params.get('check') || (path && path[1]);
    if (check) {
      try { await showCheck(check); } catch (e) { $('#result').replaceChildren(el('p', { class: 'error', text: e.message })); selectTab('result', false); }
    }
    map.updateSize();
    document.body.dataset.ready = 'true';
    buildSearch();
  }
  // for the browser tests and the console: the map and the current report
  window.tapak = { map, state: S };
  start().catch((e) => { document.body.dataset.ready = 'error'; $('#info').textContent = String(e.message || e); });
})();
