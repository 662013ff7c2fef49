package id.tapak.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shared PostgreSQL/PostGIS database ({@code tapak.database.*}, environment {@code TAPAK_DATABASE_URL},
 * {@code TAPAK_DATABASE_USERNAME}, {@code TAPAK_DATABASE_PASSWORD}), used by the PostGIS check store. Empty URL = no
 * database: the embedded SQLite store is used and no pool is made.
 *
 * @param url JDBC URL, {@code jdbc:postgresql://host:port/db}; keep passwords out of it (use {@code password})
 * @param username database user, empty = from the URL
 * @param password database password, empty = none or from the URL
 * @param poolSize most pooled connections per instance (default 8: checks are short; several instances share the
 *     server's {@code max_connections})
 * @param connectTimeout how long a request waits for a connection before it is answered 503 (default 3 s)
 */
@ConfigurationProperties("tapak.database")
public record DatabaseProperties(
    @DefaultValue("") String url,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("8") int poolSize,
    @DefaultValue("3s") Duration connectTimeout) {

  public DatabaseProperties {
    if (poolSize < 1 || poolSize > 200) {
      throw new IllegalArgumentException("tapak.database.pool-size must be 1-200, got " + poolSize);
    }
  }

  boolean configured() {
    return !url.isBlank();
  }
}
