package io.newsdelta.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher caps the JDK's cache of temporary direct buffers before any I/O, keeping an operator's own cap. */
class LauncherNioBufferCacheTest {
  @Test
  void shouldCapTheCacheInTheLaunchersJvm() throws Exception {
    assertThat(probe()).isEqualTo("262144");
  }

  @Test
  void shouldKeepACapTheOperatorGave() throws Exception {
    assertThat(probe("-Djdk.nio.maxCachedBufferSize=1048576")).isEqualTo("1048576");
  }

  private static String probe(String... jvmOptions) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  /** Loads the launcher as {@code java -jar newsdelta.jar} does, then reports the property. */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      Class.forName(Main.class.getName());
      System.out.println(System.getProperty(NioBufferCache.PROPERTY));
    }
  }
}
