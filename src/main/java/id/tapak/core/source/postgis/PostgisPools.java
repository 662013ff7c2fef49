package id.tapak.core.source.postgis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One HikariCP pool per database URL, shared by every live PostGIS layer of that database. Created without touching
 * the database ({@code initializationFailTimeout = -1}), so the service starts while the database is down; a
 * connection is waited for at most {@link #CONNECTION_TIMEOUT_MS} and a statement at most {@link #SOCKET_TIMEOUT_S},
 * so an outage fails a request fast (503) instead of hanging it, and the pool reconnects by itself when the database
 * is back. Connections are read-only.
 */
final class PostgisPools {

  /** How long a request waits for a connection (ms): short, so a database outage answers 503 at once. */
  static final long CONNECTION_TIMEOUT_MS = 2_000;
  /** TCP connect timeout of a new connection (s). */
  static final int CONNECT_TIMEOUT_S = 2;
  /** Longest a statement may wait on the network (s): a stopped (SIGSTOP) server then fails the request. */
  static final int SOCKET_TIMEOUT_S = 20;
  /** Connections per database: a check queries a few layers at a time; scans that query inside hold two. */
  static final int MAX_POOL_SIZE = 8;

  private static final Map<String, HikariDataSource> POOLS = new ConcurrentHashMap<>();
  private static final AtomicInteger NAMES = new AtomicInteger();

  private PostgisPools() {}

  /** The pool for a JDBC URL (placeholders expanded), created on first use. */
  static DataSource of(String url) {
    return POOLS.computeIfAbsent(url, PostgisPools::create);
  }

  private static HikariDataSource create(String url) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setPoolName("tapak-layers-" + NAMES.incrementAndGet());
    c.setMaximumPoolSize(MAX_POOL_SIZE);
    c.setMinimumIdle(0);
    c.setReadOnly(true);
    c.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    c.setValidationTimeout(1_000);
    c.setInitializationFailTimeout(-1);
    c.addDataSourceProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_S));
    c.addDataSourceProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_S));
    c.addDataSourceProperty("ApplicationName", "tapak-layers");
    return new HikariDataSource(c);
  }
}
