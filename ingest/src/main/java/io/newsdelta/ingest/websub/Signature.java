package io.newsdelta.ingest.websub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The WebSub content signature: {@code X-Hub-Signature: method=signature}, the signature being the hex HMAC of the
 * body with the subscription's {@code hub.secret} as key, {@code method} one of {@code sha1}, {@code sha256},
 * {@code sha384}, {@code sha512}. Compared in constant time. Pure.
 */
public final class Signature {
  /** What a delivery's signature is worth. */
  public enum Verdict {
    /** The HMAC matches: the hub that holds our secret sent this body. */
    VALID,
    /** No {@code X-Hub-Signature} header. */
    MISSING,
    /** The header is not {@code method=hex}, or names a method WebSub does not define. */
    MALFORMED,
    /** Well-formed, but not the HMAC of this body with our secret (forged or altered). */
    MISMATCH
  }

  private static final Map<String, String> ALGORITHMS =
      Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha384", "HmacSHA384", "sha512", "HmacSHA512");

  private Signature() {}

  /** Checks {@code header} (null when absent) against {@code body} and {@code secret}. */
  public static Verdict check(String header, String secret, byte[] body) {
    if (header == null || header.isBlank()) {
      return Verdict.MISSING;
    }
    int eq = header.indexOf('=');
    if (eq <= 0) {
      return Verdict.MALFORMED;
    }
    String algorithm = ALGORITHMS.get(header.substring(0, eq).trim().toLowerCase(Locale.ROOT));
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(eq + 1).trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Verdict.MALFORMED;
    }
    if (algorithm == null) {
      return Verdict.MALFORMED;
    }
    return MessageDigest.isEqual(hmac(algorithm, secret, body), given) ? Verdict.VALID : Verdict.MISMATCH;
  }

  /** {@code method=hex} for {@code body}: what a hub sends (the test hub uses it). */
  public static String sign(String method, String secret, byte[] body) {
    String algorithm = ALGORITHMS.get(method);
    if (algorithm == null) {
      throw new IllegalArgumentException("not a WebSub signature method: " + method);
    }
    return method + "=" + HexFormat.of().formatHex(hmac(algorithm, secret, body));
  }

  private static byte[] hmac(String algorithm, String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }
}
