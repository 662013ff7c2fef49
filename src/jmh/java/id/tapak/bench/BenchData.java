package id.tapak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fixed benchmark inputs, read in place from {@code ../shared} (never copied into the repository): the West Java
 * RTRW pola-ruang GeoPackage (9 layers, 12,601 polygons, 783k vertices) and the three ~500 ha proposals used for the
 * PostGIS peer ({@code ../shared/docs/peers.md}, WKT rounded to 6 decimals, EPSG:4326 lon/lat).
 */
final class BenchData {

  static final Path RTRW = Path.of(System.getProperty("tapak.bench.rtrw",
      "../shared/data/rtrw_jabar_kkpr/rtrwp_jabar_polaruang_layers.gpkg"));

  /** The 9 per-class layers of the RTRW GeoPackage (the peer merges them into one table with the same rows). */
  static final List<String> RTRW_LAYERS = List.of("kawasan_konservasi", "kawasan_perlindungan_setempat",
      "kawasan_transportasi", "kawasan_pertahanan_dan_keamanan", "kawasan_pergaraman",
      "kawasan_pencadangan_konservasi_di_laut", "kawasan_cagar_budaya", "kawasan_hutan_adat",
      "kawasan_pembuangan_hasil_pengerukan_di_laut");

  static final String P1 = "POLYGON((106.611411 -6.719963,106.611199 -6.722189,106.610557 -6.724331,106.609509 -6.726307,106.608095 -6.72804,106.606371 -6.729464,106.604401 -6.730525,106.602263 -6.731181,106.600037 -6.731408,106.59781 -6.731196,106.595668 -6.730554,106.593691 -6.729506,106.591958 -6.728093,106.590533 -6.726369,106.589472 -6.7244,106.588816 -6.722262,106.588589 -6.720037,106.588801 -6.717811,106.589444 -6.715669,106.590492 -6.713693,106.591905 -6.71196,106.59363 -6.710535,106.595599 -6.709475,106.597737 -6.708819,106.599963 -6.708592,106.60219 -6.708804,106.604332 -6.709446,106.606308 -6.710494,106.608042 -6.711907,106.609467 -6.713631,106.610528 -6.7156,106.611184 -6.717738,106.611411 -6.719963))";
  static final String P2 = "POLYGON((107.551392 -6.179945,107.551184 -6.182171,107.550546 -6.184313,107.549502 -6.186289,107.548094 -6.188023,107.546374 -6.189449,107.54441 -6.190512,107.542276 -6.191171,107.540054 -6.191401,107.537831 -6.191193,107.535691 -6.190554,107.533716 -6.18951,107.531983 -6.1881,107.530558 -6.186379,107.529496 -6.184413,107.528837 -6.182278,107.528608 -6.180054,107.528816 -6.177829,107.529454 -6.175687,107.530498 -6.173711,107.531906 -6.171977,107.533626 -6.17055,107.53559 -6.169487,107.537724 -6.168828,107.539946 -6.168599,107.542169 -6.168807,107.544309 -6.169446,107.546284 -6.17049,107.548017 -6.1719,107.549442 -6.173621,107.550504 -6.175587,107.551162 -6.177722,107.551392 -6.179945))";
  static final String P3 = "POLYGON((108.411406 -6.820061,108.411175 -6.822284,108.410514 -6.824419,108.40945 -6.826385,108.408022 -6.828105,108.406286 -6.829513,108.404308 -6.830556,108.402165 -6.831193,108.399938 -6.8314,108.397714 -6.831169,108.395578 -6.830509,108.393612 -6.829445,108.391891 -6.828018,108.390482 -6.826282,108.389439 -6.824306,108.388801 -6.822164,108.388594 -6.819938,108.388825 -6.817715,108.389486 -6.81558,108.390551 -6.813615,108.391978 -6.811895,108.393715 -6.810487,108.395692 -6.809444,108.397835 -6.808807,108.400061 -6.8086,108.402285 -6.808831,108.404422 -6.809491,108.406388 -6.810555,108.408109 -6.811982,108.409518 -6.813717,108.410561 -6.815694,108.411199 -6.817836,108.411406 -6.820061))";

  private BenchData() {}

  /** Writes a project file listing the 9 RTRW layers (role spatial-plan, class NAMOBJ) into a temp folder. */
  static Path rtrwProject() throws IOException {
    if (!Files.isRegularFile(RTRW)) {
      throw new IllegalStateException("benchmark data missing: " + RTRW.toAbsolutePath()
          + " (run from the project root with ../shared beside it)");
    }
    Path dir = Files.createTempDirectory("tapak-bench");
    StringBuilder y = new StringBuilder();
    y.append("project: {id: bench, title: {id: Bench RTRW Jabar, en: Bench West Java RTRW}}\nlayers:\n");
    for (String l : RTRW_LAYERS) {
      y.append("  - id: ").append(l).append('\n')
          .append("    title: {id: ").append(l).append(", en: ").append(l).append("}\n")
          .append("    role: spatial-plan\n")
          .append("    source: {type: geopackage, path: '").append(RTRW.toAbsolutePath()).append("', layer: ")
          .append(l).append("}\n")
          .append("    fields: {planClass: NAMOBJ}\n");
    }
    Path p = dir.resolve("tapak.yml");
    Files.writeString(p, y);
    return p;
  }
}
