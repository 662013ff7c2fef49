package id.tapak.core.source.shapefile;

import id.tapak.core.source.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * The files of one shapefile, found next to a {@code .shp} or inside a {@code .zip}. Side files are matched on the
 * base name case-insensitively ({@code ROADS.SHP} with {@code roads.dbf} is common in data from Windows tools).
 *
 * @param name where the set came from, for messages ({@code a/b.shp} or {@code a.zip!b.shp})
 * @param shp the geometry file
 * @param dbf the attribute table, null when absent (features then have no attributes)
 * @param prj the CRS text, null when absent
 * @param cpg the charset name, null when absent
 */
record ShapefileSet(String name, ByteBuffer shp, @Nullable ByteBuffer dbf, @Nullable String prj,
    @Nullable String cpg) {

  /**
   * Opens a set.
   *
   * @param path a {@code .shp} file, or a {@code .zip} holding one or more sets
   * @param layer inside a zip: the base name of the {@code .shp} to read; required when the zip holds several
   */
  static ShapefileSet open(Path path, @Nullable String layer) {
    try {
      return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip") ? zipped(path, layer)
          : plain(path);
    } catch (IOException e) {
      throw new SourceException(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static ShapefileSet plain(Path shp) throws IOException {
    String file = shp.getFileName().toString();
    int dot = file.lastIndexOf('.');
    String base = dot < 0 ? file : file.substring(0, dot);
    Path dir = shp.toAbsolutePath().getParent();
    Path dbf = sibling(dir, base, "dbf");
    Path prj = sibling(dir, base, "prj");
    Path cpg = sibling(dir, base, "cpg");
    return new ShapefileSet(shp.toString(), map(shp), dbf == null ? null : map(dbf),
        prj == null ? null : Files.readString(prj, StandardCharsets.ISO_8859_1),
        cpg == null ? null : Files.readString(cpg, StandardCharsets.ISO_8859_1));
  }

  private static @Nullable Path sibling(Path dir, String base, String ext) throws IOException {
    Path exact = dir.resolve(base + "." + ext);
    if (Files.isRegularFile(exact)) {
      return exact;
    }
    String wanted = (base + "." + ext).toLowerCase(Locale.ROOT);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
          .orElse(null);
    }
  }

  private static ByteBuffer map(Path p) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
    }
  }

  private static ShapefileSet zipped(Path zip, @Nullable String layer) throws IOException {
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      List<String> shps = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> en = zf.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        String n = e.getName();
        if (!e.isDirectory() && n.toLowerCase(Locale.ROOT).endsWith(".shp") && !n.startsWith("__MACOSX/")) {
          shps.add(n);
        }
      }
      String chosen = choose(zip, shps, layer);
      String prefix = chosen.substring(0, chosen.length() - 4);
      byte[] dbf = entry(zf, prefix, "dbf");
      byte[] prj = entry(zf, prefix, "prj");
      byte[] cpg = entry(zf, prefix, "cpg");
      byte[] shp = entry(zf, prefix, "shp");
      if (shp == null) {
        throw new SourceException(zip + ": cannot read " + chosen);
      }
      return new ShapefileSet(zip + "!" + chosen, ByteBuffer.wrap(shp), dbf == null ? null : ByteBuffer.wrap(dbf),
          prj == null ? null : new String(prj, StandardCharsets.ISO_8859_1),
          cpg == null ? null : new String(cpg, StandardCharsets.ISO_8859_1));
    }
  }

  private static String choose(Path zip, List<String> shps, @Nullable String layer) {
    if (shps.isEmpty()) {
      throw new SourceException(zip + ": the archive holds no .shp file");
    }
    if (layer == null) {
      if (shps.size() > 1) {
        throw new SourceException(zip + ": the archive holds " + shps.size() + " shapefiles; set source.layer to one "
            + "of: " + String.join(", ", baseNames(shps)));
      }
      return shps.get(0);
    }
    for (String s : shps) {
      if (baseName(s).equalsIgnoreCase(layer) || s.equalsIgnoreCase(layer)) {
        return s;
      }
    }
    throw new SourceException(zip + ": no shapefile '" + layer + "' in the archive; it holds: "
        + String.join(", ", baseNames(shps)));
  }

  private static List<String> baseNames(List<String> shps) {
    return shps.stream().map(ShapefileSet::baseName).toList();
  }

  private static String baseName(String entry) {
    String n = entry.substring(entry.lastIndexOf('/') + 1);
    return n.substring(0, n.length() - 4);
  }

  private static byte @Nullable [] entry(ZipFile zf, String prefix, String ext) throws IOException {
    String wanted = (prefix + "." + ext).toLowerCase(Locale.ROOT);
    for (Enumeration<? extends ZipEntry> en = zf.entries(); en.hasMoreElements(); ) {
      ZipEntry e = en.nextElement();
      if (e.getName().toLowerCase(Locale.ROOT).equals(wanted)) {
        try (InputStream in = zf.getInputStream(e)) {
          return in.readAllBytes();
        }
      }
    }
    return null;
  }
}
