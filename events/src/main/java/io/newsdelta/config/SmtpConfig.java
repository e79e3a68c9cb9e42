package io.newsdelta.config;

/**
 * The mail server e-mail channels send through ({@code notifier.smtp}).
 *
 * @param host the SMTP server
 * @param port its port (587 submission with STARTTLS, 465 TLS, 25 plain)
 * @param username login, or null for none
 * @param password the password (from {@code password} or the file in {@code password-file}), or null
 * @param from the sender address
 * @param tls {@code starttls} (default), {@code tls} (SMTPS) or {@code none}
 */
public record SmtpConfig(String host, int port, String username, String password, String from, String tls) {
  public SmtpConfig {
    Check.notBlank("notifier.smtp.host", host, "the SMTP server's host name");
    NotifierKeys.SMTP_PORT.check(port);
    Check.notBlank("notifier.smtp.from", from, "the sender address, such as newsdelta@example.org");
    tls = NotifierKeys.SMTP_TLS.check(tls == null ? "starttls" : tls);
  }

  /** Never the password. */
  @Override
  public String toString() {
    return "SmtpConfig[" + host + ":" + port + ", user " + username + ", from " + from + ", " + tls + "]";
  }
}
