package io.newsdelta.app.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code healthcheck URL}: the container health check. The image has no shell and no curl (it is a jlink'ed
 * JRE on {@code scratch}), so Docker runs this: exit 0 when the URL answers 2xx, 1 otherwise, with the
 * answer's first line on standard output (Docker keeps it in {@code docker inspect}).
 */
@Command(name = "healthcheck", description = "Exit 0 when URL answers 2xx (for container health checks), else 1.")
public final class HealthcheckCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "URL", description = "e.g. http://127.0.0.1:8080/health/ready")
  URI url;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "give up after this long (default ${DEFAULT-VALUE})")
  int timeoutSeconds = 5;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      String body = response.body().lines().findFirst().orElse("");
      spec.commandLine().getOut().println(response.statusCode() + " " + body);
      spec.commandLine().getOut().flush();
      return response.statusCode() / 100 == 2 ? 0 : 1;
    } catch (IOException e) {
      spec.commandLine().getOut().println("unreachable: " + url + ": " + e);
      spec.commandLine().getOut().flush();
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}
