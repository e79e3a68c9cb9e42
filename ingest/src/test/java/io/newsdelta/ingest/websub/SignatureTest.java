package io.newsdelta.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.ingest.websub.Signature.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SignatureTest {
  private static final byte[] BODY = "<rss><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
  private static final String SECRET = "s3cr3t-per-subscription";

  @ParameterizedTest
  @ValueSource(strings = {"sha1", "sha256", "sha384", "sha512"})
  void shouldAcceptTheHmacOfTheBodyWithEachMethodWebSubDefines(String method) {
    assertThat(Signature.check(Signature.sign(method, SECRET, BODY), SECRET, BODY)).isEqualTo(Verdict.VALID);
  }

  @Test
  void shouldMatchAKnownHmacSha1Vector() {
    // RFC 2202 test case 2: key "Jefe", data "what do ya want for nothing?".
    byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    assertThat(Signature.check("sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", "Jefe", data))
        .isEqualTo(Verdict.VALID);
    assertThat(Signature.check("SHA1=EFFCDF6AE5EB2FA2D27416D5F184DF9C259A7C79", "Jefe", data))
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void shouldRefuseASignatureMadeWithAnotherSecret() {
    assertThat(Signature.check(Signature.sign("sha256", "guessed", BODY), SECRET, BODY)).isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void shouldRefuseASignatureOfAnotherBody() {
    byte[] altered = "<rss>forged</rss>".getBytes(StandardCharsets.UTF_8);
    assertThat(Signature.check(Signature.sign("sha256", SECRET, BODY), SECRET, altered)).isEqualTo(Verdict.MISMATCH);
  }

  @Test
  void shouldTellAMissingSignatureFromAMalformedOne() {
    assertThat(Signature.check(null, SECRET, BODY)).isEqualTo(Verdict.MISSING);
    assertThat(Signature.check(" ", SECRET, BODY)).isEqualTo(Verdict.MISSING);
    assertThat(Signature.check("deadbeef", SECRET, BODY)).isEqualTo(Verdict.MALFORMED);
    assertThat(Signature.check("sha256=not-hex", SECRET, BODY)).isEqualTo(Verdict.MALFORMED);
    assertThat(Signature.check("md5=" + "00".repeat(16), SECRET, BODY)).isEqualTo(Verdict.MALFORMED);
  }

  @Test
  void shouldRefuseATruncatedSignature() {
    String full = Signature.sign("sha256", SECRET, BODY);
    assertThat(Signature.check(full.substring(0, full.length() - 2), SECRET, BODY)).isEqualTo(Verdict.MISMATCH);
  }
}
