package io.newsdelta.app.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Docker image tarball unpacked the way an engine would: its layers extracted in order into one root, its
 * config (entrypoint, environment, working directory) read. {@link #command} runs a command in that root as a
 * container would see it: its own mount and PID namespaces with /proc and /dev, the root changed to the image
 * and the image's environment only (no Docker engine here; needs root, as CI is). The host network is shared,
 * so the container reaches a broker on loopback.
 */
record UnpackedImage(Path root, List<String> repoTags, List<String> entrypoint, Map<String, String> env,
    String workingDir) {

  static UnpackedImage unpack(Path tarball, Path into) throws IOException, InterruptedException {
    Path raw = Files.createDirectories(into.resolve("tarball"));
    Path root = Files.createDirectories(into.resolve("root"));
    run(List.of(host("tar"), "-xf", tarball.toString(), "-C", raw.toString()));
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest = json.readTree(raw.resolve("manifest.json").toFile()).get(0);
    for (JsonNode layer : manifest.get("Layers")) {
      run(List.of(host("tar"), "-xzf", raw.resolve(layer.asText()).toString(), "-C", root.toString()));
    }
    JsonNode config = json.readTree(raw.resolve(manifest.get("Config").asText()).toFile()).get("config");
    List<String> tags = new ArrayList<>();
    manifest.get("RepoTags").forEach(t -> tags.add(t.asText()));
    List<String> entrypoint = new ArrayList<>();
    config.get("Entrypoint").forEach(a -> entrypoint.add(a.asText()));
    Map<String, String> env = new java.util.LinkedHashMap<>();
    config.get("Env").forEach(e -> {
      String[] kv = e.asText().split("=", 2);
      env.put(kv[0], kv[1]);
    });
    // An engine provides these mount points; the image (made from scratch) has none of them.
    Files.createDirectories(root.resolve("proc"));
    Files.createDirectories(root.resolve("dev"));
    return new UnpackedImage(root, tags, entrypoint, env, config.path("WorkingDir").asText("/"));
  }

  /** A process that runs the entrypoint with these arguments inside the image, plus these variables. */
  ProcessBuilder command(Map<String, String> extraEnv, String... args) {
    List<String> cmd = new ArrayList<>(List.of(host("unshare"), "--mount", "--pid", "--fork", "--kill-child",
        "--mount-proc=" + root.resolve("proc"), host("sh"), "-c",
        "root=\"$0\"; wd=\"$1\"; shift; " + host("mount") + " --rbind /dev \"$root/dev\" && exec "
            + host("unshare") + " --root=\"$root\" --wd=\"$wd\" \"$@\"",
        root.toString(), workingDir));
    cmd.addAll(entrypoint);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().putAll(extraEnv);
    return pb;
  }

  /** Runs a command in the image to its end: {exit code, output}. */
  Result exec(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
    Process p = command(extraEnv, args).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out);
  }

  record Result(int exitCode, String output) {}

  private static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(cmd + " failed: " + out);
    }
  }

  /** A host tool by absolute path: the child's PATH is the image's, which has none of them. */
  private static String host(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException(tool + " is not on PATH (util-linux and tar are needed to run the image)");
  }
}
