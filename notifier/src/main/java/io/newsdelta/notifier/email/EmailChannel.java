package io.newsdelta.notifier.email;

import io.newsdelta.config.SmtpConfig;
import io.newsdelta.events.Hunk;
import io.newsdelta.notifier.channel.AlertText;
import io.newsdelta.notifier.channel.Attempt;
import io.newsdelta.notifier.channel.ChangeEvent;
import io.newsdelta.notifier.channel.DigestChannel;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Sends each change as one e-mail: subject = the headline, a plain-text part and an HTML part with deletions
 * struck through in red and insertions in green, and the link to the diff page. The change id is the
 * {@code Message-ID}'s local part, so a mail client can see a redelivery as the same message. With a digest
 * period, the delivery lane collects the changes and sends them as one mail ({@link #sendDigest}).
 */
public final class EmailChannel implements DigestChannel {
  private final String name;
  private final List<String> to;
  private final SmtpConfig smtp;
  private final URI publicUrl;
  private final Session session;
  private final Duration digest;

  /** A channel mailing {@code to} through {@code smtp}; each SMTP step times out after {@code timeout}. */
  public EmailChannel(String name, List<String> to, SmtpConfig smtp, URI publicUrl, Duration timeout) {
    this(name, to, smtp, publicUrl, timeout, null);
  }

  /**
   * The same, collecting changes into one mail per {@code digest} period (null: one mail per change).
   */
  public EmailChannel(String name, List<String> to, SmtpConfig smtp, URI publicUrl, Duration timeout, Duration digest) {
    this.digest = digest;
    this.name = name;
    this.to = List.copyOf(to);
    this.smtp = smtp;
    this.publicUrl = publicUrl;
    Properties props = new Properties();
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", Integer.toString(smtp.port()));
    String ms = Long.toString(timeout.toMillis());
    props.put("mail.smtp.connectiontimeout", ms);
    props.put("mail.smtp.timeout", ms);
    props.put("mail.smtp.writetimeout", ms);
    props.put("mail.smtp.auth", Boolean.toString(smtp.username() != null));
    if (smtp.tls().equals("starttls")) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    } else if (smtp.tls().equals("tls")) {
      props.put("mail.smtp.ssl.enable", "true");
    }
    Authenticator auth = smtp.username() == null ? null : new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(smtp.username(), smtp.password() == null ? "" : smtp.password());
      }
    };
    this.session = Session.getInstance(props, auth);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Duration digestPeriod() {
    return digest;
  }

  @Override
  public Attempt send(ChangeEvent event) {
    AlertText text = AlertText.of(event.change(), publicUrl);
    Document doc = Document.createShell("");
    doc.title(text.headline());
    appendChange(doc.body(), text, "h1");
    return mail(event.change().changeId(), subject(text), plainText(text), html(doc), event.change().changeId());
  }

  /**
   * One mail listing {@code events} in the order given: subject "N changes: first headline …", each change as in a
   * single alert. Its {@code Message-ID} is derived from the change ids, so a digest sent again is the same message.
   */
  @Override
  public Attempt sendDigest(List<ChangeEvent> events) {
    return sendDigest(events, null);
  }

  /**
   * The same; a subscription's digest names it: "newsdelta digest politics: N changes (first headline, …)", and
   * even a single change is sent as a digest then, so the reader sees which subscription it came from.
   */
  @Override
  public Attempt sendDigest(List<ChangeEvent> events, String subscription) {
    List<AlertText> texts = events.stream().map(e -> AlertText.of(e.change(), publicUrl)).toList();
    String subject = events.size() == 1 && subscription == null ? subject(texts.get(0))
        : "newsdelta digest" + (subscription == null ? "" : " " + subscription) + ": " + events.size()
            + (events.size() == 1 ? " change (" : " changes (") + texts.get(0).headline() + ", …)";
    StringBuilder plain = new StringBuilder(events.size() + " changes\n");
    Document doc = Document.createShell("");
    doc.title(subject);
    doc.body().appendElement("h1").attr("style", "font-size:1.3em").text(events.size() + " changes");
    for (AlertText text : texts) {
      plain.append("\n----\n").append(subject(text)).append("\n\n").append(plainText(text)).append('\n');
      appendChange(doc.body().appendElement("section"), text, "h2");
    }
    String ids = String.join(" ", events.stream().map(e -> e.change().changeId()).toList());
    return mail(ids, subject, plain.toString(), html(doc), events.size() + " changes");
  }

  private Attempt mail(String idSeed, String subject, String plainText, String htmlText, String changeIdHeader) {
    try {
      MimeMessage message = new MimeMessage(session) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", "<" + java.util.UUID.nameUUIDFromBytes(
              idSeed.getBytes(StandardCharsets.UTF_8)) + "@newsdelta>");
        }
      };
      message.setFrom(new InternetAddress(smtp.from()));
      for (String address : to) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
      }
      message.setSubject(subject, "UTF-8");
      message.setHeader("X-Newsdelta-Change-Id", changeIdHeader.replaceAll("[^\\x20-\\x7e]", "?"));
      MimeBodyPart plain = new MimeBodyPart();
      plain.setText(plainText, "UTF-8");
      MimeBodyPart html = new MimeBodyPart();
      html.setContent(htmlText, "text/html; charset=UTF-8");
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(plain);
      alternative.addBodyPart(html);
      message.setContent(alternative);
      Transport.send(message);
      return Attempt.delivered(250);
    } catch (SendFailedException e) {
      return Attempt.rejected(550, "the SMTP server " + smtp.host() + " refused the mail: " + oneLine(e));
    } catch (MessagingException e) {
      return Attempt.unreachable("cannot send mail through " + smtp.host() + ":" + smtp.port() + ": " + oneLine(e));
    }
  }

  static String subject(AlertText text) {
    return text.previousHeadline() == null
        ? "Changed: " + text.headline()
        : "Headline changed: " + text.previousHeadline() + " → " + text.headline();
  }

  /** The plain-text part: deletions as [-…-], insertions as {+…+} (wdiff's marks). */
  static String plainText(AlertText text) {
    AlertText.Markup wdiff = new AlertText.Markup() {
      public String text(String s) {
        return s;
      }

      public String strong(String s) {
        return s;
      }

      public String deleted(String s) {
        return "[-" + s + "-]";
      }

      public String inserted(String s) {
        return "{+" + s + "+}";
      }

      public String link(String label, URI url) {
        return label + ": " + url;
      }
    };
    return text.render(wdiff, "\n\n", Integer.MAX_VALUE, "Show the diff");
  }

  /** The HTML part of a single change's mail, from jsoup elements: every text node is escaped by jsoup. */
  static String html(AlertText text) {
    Document doc = Document.createShell("");
    doc.title(text.headline());
    appendChange(doc.body(), text, "h1");
    return html(doc);
  }

  private static String html(Document doc) {
    doc.outputSettings().prettyPrint(false);
    return doc.outerHtml();
  }

  /** One change: its headline (old struck, new marked, when it changed), summary, edits and the diff link. */
  private static void appendChange(Element body, AlertText text, String heading) {
    Element h = body.appendElement(heading).attr("style", "font-size:1.3em");
    if (text.previousHeadline() != null) {
      deleted(h, text.previousHeadline());
      h.appendText(" → ");
      inserted(h, text.headline());
    } else {
      h.text(text.headline());
    }
    body.appendElement("p").text(text.summary());
    for (Hunk hunk : text.edits()) {
      Element p = body.appendElement("p");
      if (hunk.oldText() != null && !hunk.oldText().isBlank()) {
        deleted(p, hunk.oldText());
        p.appendText(" ");
      }
      if (hunk.newText() != null && !hunk.newText().isBlank()) {
        inserted(p, hunk.newText());
      }
    }
    body.appendElement("p").appendElement("a").attr("href", text.link().toString()).text("Show the diff");
  }

  private static void deleted(Element parent, String s) {
    parent.appendElement("del").attr("style", "background:#fdd;color:#900").text(s);
  }

  private static void inserted(Element parent, String s) {
    parent.appendElement("ins").attr("style", "background:#dfd;color:#060;text-decoration:none").text(s);
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
