package io.newsdelta.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecodingTest {
  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
      d.write(data);
    }
    return out.toByteArray();
  }

  private static final byte[] PAGE = "<html><p>Ça va</p></html>".getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldUndoGzipAndBothFormsOfDeflate() throws IOException {
    assertThat(ContentDecoding.decode(gzip(PAGE), "gzip", 1024)).isEqualTo(PAGE);
    assertThat(ContentDecoding.decode(gzip(PAGE), "X-GZIP", 1024)).isEqualTo(PAGE);
    assertThat(ContentDecoding.decode(deflate(PAGE, false), "deflate", 1024)).isEqualTo(PAGE);
    assertThat(ContentDecoding.decode(deflate(PAGE, true), "deflate", 1024)).isEqualTo(PAGE);
    assertThat(ContentDecoding.decode(gzip(gzip(PAGE)), "gzip, gzip", 1024)).isEqualTo(PAGE);
    assertThat(ContentDecoding.decode(PAGE, "identity", 1024)).isEqualTo(PAGE);
    assertThat(ContentDecoding.decode(PAGE, null, 1024)).isEqualTo(PAGE);
  }

  @Test
  void shouldRefuseAGzipBombWithoutExpandingItPastTheLimit() throws IOException {
    byte[] bomb = gzip(new byte[50 * 1024 * 1024]); // 50 MiB of zeros, about 50 KB compressed

    assertThatThrownBy(() -> ContentDecoding.decode(bomb, "gzip", 1024 * 1024))
        .isInstanceOf(ContentDecoding.TooLarge.class)
        .hasMessage("decompresses to more than 1048576 bytes");
  }

  @Test
  void shouldSayWhenABodyIsCorruptOrInAnEncodingNotAskedFor() {
    assertThatThrownBy(() -> ContentDecoding.decode(PAGE, "gzip", 1024))
        .isInstanceOf(ContentDecoding.Undecodable.class).hasMessageContaining("gzip body is corrupt");
    assertThatThrownBy(() -> ContentDecoding.decode(PAGE, "br", 1024))
        .isInstanceOf(ContentDecoding.Undecodable.class).hasMessageContaining("Content-Encoding br was not asked for");
  }
}
