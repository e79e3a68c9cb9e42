package io.newsdelta.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes a response's {@code Content-Encoding} (gzip, x-gzip, deflate — zlib-wrapped or raw — and identity,
 * in the order the header lists them), never producing more than the limit: the decoded bytes are counted as
 * they come, so a gzip bomb is refused after {@code limit + 1} bytes instead of being expanded. Pure.
 */
public final class ContentDecoding {
  /** What ingest asks for in {@code Accept-Encoding}. */
  public static final String ACCEPTED = "gzip, deflate";

  /** The body decoded to more than the limit. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("decompresses to more than " + limit + " bytes");
    }
  }

  /** The body cannot be decoded: corrupt data, or an encoding that was not asked for. */
  public static final class Undecodable extends IOException {
    private static final long serialVersionUID = 1L;

    Undecodable(String why, Throwable cause) {
      super(why, cause);
    }
  }

  private ContentDecoding() {}

  /**
   * The body with its encodings undone.
   *
   * @param body the bytes as received
   * @param contentEncoding the Content-Encoding header, or null
   * @param limit the most bytes the decoded body may have
   * @throws TooLarge when it decodes to more than {@code limit} bytes
   * @throws Undecodable when it is corrupt or encoded in a way ingest did not ask for
   */
  public static byte[] decode(byte[] body, String contentEncoding, int limit) throws IOException {
    if (contentEncoding == null || contentEncoding.isBlank()) {
      return body;
    }
    String[] codings = contentEncoding.toLowerCase(Locale.ROOT).split(",");
    byte[] result = body;
    // Codings are listed in the order they were applied, so they are undone from the last.
    for (int i = codings.length - 1; i >= 0; i--) {
      String coding = codings[i].trim();
      switch (coding) {
        case "", "identity" -> { }
        case "gzip", "x-gzip" -> result = inflate(gunzip(result), limit, "gzip");
        case "deflate" -> result = inflate(deflater(result), limit, "deflate");
        default -> throw new Undecodable("Content-Encoding " + coding + " was not asked for (ingest asks for "
            + ACCEPTED + ")", null);
      }
    }
    return result;
  }

  private static InputStream gunzip(byte[] data) throws Undecodable {
    try {
      return new GZIPInputStream(new ByteArrayInputStream(data), 8192);
    } catch (IOException e) {
      throw new Undecodable("the gzip body is corrupt (" + e.getMessage() + ")", e);
    }
  }

  /** "deflate" is meant to be zlib-wrapped; some servers send raw deflate data, which browsers accept too. */
  private static InputStream deflater(byte[] data) {
    boolean zlib = data.length >= 2 && (data[0] & 0x0F) == 8 && ((data[0] & 0xFF) << 8 | (data[1] & 0xFF)) % 31 == 0;
    return new InflaterInputStream(new ByteArrayInputStream(data), new Inflater(!zlib), 8192);
  }

  private static byte[] inflate(InputStream in, int limit, String coding) throws IOException {
    try (in) {
      byte[] out = in.readNBytes(limit + 1);
      if (out.length > limit) {
        throw new TooLarge(limit);
      }
      return out;
    } catch (TooLarge e) {
      throw e;
    } catch (IOException e) {
      throw new Undecodable("the " + coding + " body is corrupt (" + e.getMessage() + ")", e);
    }
  }
}
