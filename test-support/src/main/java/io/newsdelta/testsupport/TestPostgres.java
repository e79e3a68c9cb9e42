package io.newsdelta.testsupport;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL server for tests, one per test JVM, with a fresh database for each caller of {@link
 * #newDatabase()}: in Testcontainers when a Docker engine answers, else from zonky's PostgreSQL binaries (Maven
 * Central). PostgreSQL refuses to run as root, so under root (CI containers) the same binaries are started as
 * user {@code nobody} through {@code setpriv}.
 */
public final class TestPostgres {
  private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
  private static final int NOBODY = 65534;

  private static TestPostgres shared;

  private final String baseUrl;
  private final String user;
  private final String password;
  private final AutoCloseable server;

  private TestPostgres(String baseUrl, String user, String password, AutoCloseable server) {
    this.baseUrl = baseUrl;
    this.user = user;
    this.password = password;
    this.server = server;
  }

  /** The server of this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      shared = start();
      TestPostgres s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          s.server.close();
        } catch (Exception e) {
          LOG.warn("Stopping the test PostgreSQL failed: {}", e.getMessage());
        }
      }, "test-postgres-stop"));
    }
    return shared;
  }

  private static TestPostgres start() {
    if (DockerClientFactory.instance().isDockerAvailable()) {
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
      container.start();
      LOG.info("Test PostgreSQL in Testcontainers at {}", container.getJdbcUrl());
      String url = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/";
      return new TestPostgres(url, container.getUsername(), container.getPassword(), container::stop);
    }
    if ("root".equals(System.getProperty("user.name"))) {
      return AsNobody.start();
    }
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      LOG.info("Test PostgreSQL from zonky's binaries on port {}", pg.getPort());
      return new TestPostgres("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/", "postgres", "", pg);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    }
  }

  /** A new, empty database on the server; its JDBC URL carries the user and password. */
  public String newDatabase() {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(baseUrl + "postgres", user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
    }
    return baseUrl + name + "?user=" + user + (password.isEmpty() ? "" : "&password=" + password);
  }

  /** zonky's binaries, started with initdb and pg_ctl as user nobody. */
  private static final class AsNobody implements AutoCloseable {
    private final Path home;
    private final Path data;

    private AsNobody(Path home) {
      this.home = home;
      this.data = home.resolve("data");
    }

    static TestPostgres start() {
      try {
        Path home = Files.createTempDirectory("newsdelta-pg-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        AsNobody pg = new AsNobody(home);
        try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
          Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", home.toString()).redirectErrorStream(true).start();
          try (OutputStream in = tar.getOutputStream()) {
            txz.transferTo(in);
          }
          pg.await(tar, "tar");
        }
        Files.createDirectories(pg.data);
        pg.chownNobody(pg.data);
        pg.chownNobody(home);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
          port = free.getLocalPort();
        }
        pg.await(pg.asNobody(home.resolve("bin/initdb").toString(), "-D", pg.data.toString(), "-U", "postgres",
            "-A", "trust", "-E", "UTF-8", "--no-sync").start(), "initdb");
        pg.await(pg.asNobody(home.resolve("bin/pg_ctl").toString(), "-D", pg.data.toString(), "-w", "-l",
            home.resolve("server.log").toString(), "-o",
            "-p " + port + " -h 127.0.0.1 -k " + home + " -F -c max_connections=200", "start").start(), "pg_ctl start");
        LOG.info("Test PostgreSQL from zonky's binaries on port {}, run as nobody (the tests run as root)", port);
        return new TestPostgres("jdbc:postgresql://127.0.0.1:" + port + "/", "postgres", "", pg);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
    }

    private ProcessBuilder asNobody(String... command) {
      List<String> all = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
      all.addAll(List.of(command));
      return new ProcessBuilder(all).redirectErrorStream(true).directory(home.toFile());
    }

    private void chownNobody(Path path) throws IOException {
      await(new ProcessBuilder("chown", "-R", NOBODY + ":" + NOBODY, path.toString()).redirectErrorStream(true).start(),
          "chown");
    }

    private void await(Process p, String what) throws IOException {
      try {
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IllegalStateException(what + " failed: " + out);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(what + " interrupted", e);
      }
    }

    @Override
    public void close() throws Exception {
      await(asNobody(home.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop")
          .start(), "pg_ctl stop");
      await(new ProcessBuilder("rm", "-rf", home.toString()).start(), "rm");
    }
  }
}
