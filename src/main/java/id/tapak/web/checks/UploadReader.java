package id.tapak.web.checks;

import id.tapak.core.model.TapakException;
import id.tapak.core.rulebook.Proposal;
import id.tapak.core.rulebook.ProposalFiles;
import id.tapak.core.rulebook.ProposalLimits;
import id.tapak.core.rulebook.ProposalParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Saves an uploaded proposal file (zipped shapefile, KML, GeoPackage, GeoJSON) to a temporary folder and hands it to
 * {@link ProposalFiles}, with the other form fields as request properties. The folder is always deleted.
 */
@Component
class UploadReader {

  private final ProposalLimits limits;
  private final ProposalParser parser;

  UploadReader(ProposalLimits limits, ProposalParser parser) {
    this.limits = limits;
    this.parser = parser;
  }

  /** The proposal in the uploaded file, read once (no GeoJSON round trip). */
  Proposal read(MultipartFile file, Map<String, String> form) {
    if (file.getSize() > limits.maxBytes()) {
      throw TapakException.tooLarge("file", "the upload has " + file.getSize() + " bytes, more than the limit of "
          + limits.maxBytes());
    }
    String original = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
    Path fileName = Path.of(original.replace('\\', '/').replaceAll(".*/", "")).getFileName();
    String name = (fileName == null ? "upload" : fileName.toString()).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9._-]", "_");
    if (!ProposalFiles.supported(name)) {
      throw TapakException.unprocessable("file", "unsupported file '" + original + "': send a .zip (shapefile), "
          + ".kml, .gpkg or .geojson");
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("tapak-upload");
      Path saved = dir.resolve(name);
      try (InputStream in = file.getInputStream()) {
        Files.copy(in, saved);
      }
      return ProposalFiles.read(saved, dir, form, parser);
    } catch (IOException e) {
      // the message of an I/O failure names the temp folder: not for the client
      throw TapakException.badRequest("file", "the upload could not be read or saved; send the file again");
    } finally {
      delete(dir);
    }
  }

  private static void delete(@Nullable Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp folder is harmless
    }
  }
}
