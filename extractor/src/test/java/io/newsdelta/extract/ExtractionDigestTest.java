package io.newsdelta.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Fails when the extractor's output changes on any of 50 corpus pages: the 25 pages of the quality sample and 25
 * pages of 100–300 KB (the diff worker's page mix), every field of {@link ExtractedArticle} compared through a
 * SHA-256 checked in as {@code extract/digest/outputs.tsv}. A speed change must leave it green; a change meant to
 * alter the output updates the file (the failure prints the new lines) and bumps {@code ExtractorVersion}, so the
 * diff worker re-baselines instead of announcing the extractor's own differences.
 */
class ExtractionDigestTest {

  @Test
  void shouldGiveTheCheckedInOutputOnEveryDigestPage() throws IOException {
    ArticleExtractor extractor = ArticleExtractor.generic();
    List<String> changed = new ArrayList<>();
    int pages = 0;
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(resource("digest/outputs.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        byte[] page;
        try (InputStream in = new GZIPInputStream(resource(f[1]))) {
          page = in.readAllBytes();
        }
        String digest = digest(extractor.extract(page, null, f[0]));
        pages++;
        if (!digest.equals(f[2])) {
          changed.add(f[0] + "\t" + f[1] + "\t" + digest);
        }
      }
    }
    assertThat(pages).as("pages in outputs.tsv").isEqualTo(50);
    assertThat(changed).as("pages whose extraction changed (new lines for outputs.tsv)").isEmpty();
  }

  /** The SHA-256 of every field of {@code article}, as its record string. */
  static String digest(ExtractedArticle article) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(article.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = ExtractionDigestTest.class.getResourceAsStream("/extract/" + name);
    assertThat(in).as("test resource %s", name).isNotNull();
    return in;
  }
}
