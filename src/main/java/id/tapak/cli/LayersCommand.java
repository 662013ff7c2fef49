package id.tapak.cli;

import id.tapak.core.catalog.Catalog;
import id.tapak.core.catalog.CatalogLoader;
import id.tapak.core.catalog.Layer;
import id.tapak.core.catalog.LayerUnavailableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tapak layers}: loads the project and prints one line per layer (validates the project file). A live PostGIS
 * layer whose database is down is listed as UNAVAILABLE and the command exits {@link TapakCommand#UNAVAILABLE}.
 */
@Command(name = "layers", mixinStandardHelpOptions = true, description = "Muat dan daftar layer / load and list the layers of a project file")
final class LayersCommand implements Callable<Integer> {

  @Option(names = "--project", description = "project file (default: ${DEFAULT-VALUE})", defaultValue = "layers/tapak.yml")
  Path project;

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    Catalog c = CatalogLoader.load(project);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    List<String> down = new ArrayList<>();
    for (Layer l : c.layers()) {
      try {
        System.out.printf("%-28s %-15s %-10s %6d features  %4d repaired  %s; coverage: %s%n", l.id(), l.role(),
            l.geometryKind().ogcName(), l.count(), l.repairedCount(), l.spec().title().both(),
            c.coverage(l).description().en());
      } catch (LayerUnavailableException e) {
        // a live PostGIS layer whose database is down: listed as such, the others still listed
        System.out.printf("%-28s %-15s UNAVAILABLE %s%n", l.id(), l.role(), e.getMessage());
        down.add(l.id());
      }
    }
    System.out.printf("%d layers loaded in %d ms%n", c.layers().size(), ms);
    if (!down.isEmpty()) {
      System.err.println("tapak: unavailable: " + down.size() + " of " + c.layers().size() + " layers cannot be read "
          + "now (" + String.join(", ", down) + "): their database is unreachable; try again when it is up");
      return TapakCommand.UNAVAILABLE;
    }
    for (String w : id.tapak.core.rulebook.LayerFlags.warnings(c, id.tapak.core.rulebook.RulebookLoader.forCatalog(c))) {
      System.err.println("warning: " + w);
    }
    return TapakCommand.OK;
  }
}
