package id.tapak.core.source.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.tapak.core.source.SourceException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ${ENV}} expansion in PostGIS URLs, so passwords stay out of tapak.yml; runs without a database. */
class PostgisUrlTest {

  @Test
  void expandsPlaceholders() {
    Map<String, String> env = Map.of("PGHOST", "db.internal", "PGPASS", "s3cr$t\\x");
    assertThat(PostgisSource.expand("jdbc:postgresql://${PGHOST}:5432/gis?user=tapak&password=${PGPASS}", env::get))
        .isEqualTo("jdbc:postgresql://db.internal:5432/gis?user=tapak&password=s3cr$t\\x");
    assertThat(PostgisSource.expand("jdbc:postgresql://localhost/gis", env::get))
        .isEqualTo("jdbc:postgresql://localhost/gis");
  }

  @Test
  void unsetVariableIsNamed() {
    assertThatThrownBy(() -> PostgisSource.expand("jdbc:postgresql://${NO_SUCH_HOST}/gis", name -> null))
        .isInstanceOf(SourceException.class)
        .hasMessage("environment variable NO_SUCH_HOST is not set (used in the PostGIS URL)");
  }

  @Test
  void quotesIdentifiers() {
    assertThat(PostgisSource.quote("Kawasan \"Lama\"")).isEqualTo("\"Kawasan \"\"Lama\"\"\"");
  }
}
