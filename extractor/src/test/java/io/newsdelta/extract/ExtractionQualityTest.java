package io.newsdelta.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Guards extraction quality on 25 pages sampled from the trafilatura evaluation corpus (every 38th
 * URL in sorted order), scored as {@code io.newsdelta.bench.Evaluate} scores the whole corpus, on the
 * path production runs: page bytes decoded by {@link CharsetSniffer} (as ingest does for a raw
 * version), then {@link ArticleExtractor#extract(String, String)} (as the diff worker does). The floors
 * sit a little below the measured figures; raise them when quality improves.
 */
class ExtractionQualityTest {

  private static final double MIN_PRECISION = 0.89;
  private static final double MIN_F1 = 0.91;

  @Test
  void shouldKeepPrecisionAndF1OnTheSampleAboveTheFloor() throws IOException {
    ArticleExtractor extractor = ArticleExtractor.generic();
    JsonNode sample;
    try (InputStream in = resource("sample.json")) {
      sample = new ObjectMapper().readTree(in);
    }
    int tp = 0;
    int fn = 0;
    int fp = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = sample.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      byte[] page;
      try (InputStream in = new GZIPInputStream(resource(entry.getValue().get("file").asText()))) {
        page = in.readAllBytes();
      }
      String html = CharsetSniffer.decode(page, null);
      ExtractedArticle article = extractor.extract(html, entry.getKey());
      assertThat(extractor.extract(page, null, entry.getKey()))
          .as("the byte path is the production path for %s", entry.getKey()).isEqualTo(article);
      String text = TextNormalizer.normalize(article.text());
      for (JsonNode s : entry.getValue().get("with")) {
        if (text.contains(TextNormalizer.normalize(s.asText()))) {
          tp++;
        } else {
          fn++;
        }
      }
      for (JsonNode s : entry.getValue().get("without")) {
        if (text.contains(TextNormalizer.normalize(s.asText()))) {
          fp++;
        }
      }
    }
    double precision = tp / (double) (tp + fp);
    double recall = tp / (double) (tp + fn);
    double f1 = 2 * precision * recall / (precision + recall);

    assertThat(precision).as("precision on the sample (F1 %.3f)", f1).isGreaterThanOrEqualTo(MIN_PRECISION);
    assertThat(f1).as("F1 on the sample (recall %.3f)", recall).isGreaterThanOrEqualTo(MIN_F1);
  }

  private static InputStream resource(String name) {
    InputStream in = ExtractionQualityTest.class.getResourceAsStream("/extract/sample/" + name);
    assertThat(in).as("test resource %s", name).isNotNull();
    return in;
  }
}
