package io.newsdelta.stories.stream;

import io.newsdelta.events.JsonSerde;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The band store's value format: a version byte ({@value #FORMAT}), the member count, then each member's fields
 * with the signature as raw bytes and the URL left out where it is the article id. Reads the JSON entries of
 * earlier jobs too (they start with <code>{</code>), so a running deployment's changelog restores as it is.
 */
final class BandMembersSerde implements Serde<BandMembers>, Serializer<BandMembers>, Deserializer<BandMembers> {
  static final byte FORMAT = 1;

  private static final int NULL = -1;
  private static final int SAME_AS_ID = -2;
  private static final JsonSerde<BandMembers> JSON = JsonSerde.of(BandMembers.class);

  @Override
  public byte[] serialize(String topic, BandMembers band) {
    if (band == null) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + band.members().size() * 700);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeInt(band.members().size());
      for (Member m : band.members()) {
        write(out, m);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public BandMembers deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (data.length > 0 && data[0] == '{') {
      return JSON.deserialize(topic, data);
    }
    ByteBuffer in = ByteBuffer.wrap(data);
    byte format = in.get();
    if (format != FORMAT) {
      throw new IllegalArgumentException("band entry in unknown format " + format);
    }
    int count = in.getInt();
    List<Member> members = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      members.add(read(in));
    }
    return new BandMembers(members);
  }

  private static void write(DataOutputStream out, Member m) throws IOException {
    writeBytes(out, utf8(m.articleId()));
    if (m.url() != null && m.url().equals(m.articleId())) {
      out.writeInt(SAME_AS_ID);
    } else {
      writeBytes(out, utf8(m.url()));
    }
    writeBytes(out, utf8(m.host()));
    writeBytes(out, utf8(m.title()));
    out.writeInt(m.version());
    writeInstant(out, m.observedAt());
    writeInstant(out, m.firstSeen());
    writeBytes(out, m.signature());
  }

  private static Member read(ByteBuffer in) {
    String articleId = string(in);
    int urlLength = in.getInt();
    String url = urlLength == SAME_AS_ID ? articleId : string(in, urlLength);
    return new Member(articleId, url, string(in), string(in), in.getInt(), instant(in), instant(in), bytes(in));
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    if (b == null) {
      out.writeInt(NULL);
    } else {
      out.writeInt(b.length);
      out.write(b);
    }
  }

  private static void writeInstant(DataOutputStream out, Instant t) throws IOException {
    out.writeBoolean(t != null);
    if (t != null) {
      out.writeLong(t.getEpochSecond());
      out.writeInt(t.getNano());
    }
  }

  private static String string(ByteBuffer in) {
    return string(in, in.getInt());
  }

  private static String string(ByteBuffer in, int length) {
    byte[] b = bytes(in, length);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(ByteBuffer in) {
    return bytes(in, in.getInt());
  }

  private static byte[] bytes(ByteBuffer in, int length) {
    if (length == NULL) {
      return null;
    }
    byte[] b = new byte[length];
    in.get(b);
    return b;
  }

  private static Instant instant(ByteBuffer in) {
    return in.get() == 0 ? null : Instant.ofEpochSecond(in.getLong(), in.getInt());
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}

  @Override
  public Serializer<BandMembers> serializer() {
    return this;
  }

  @Override
  public Deserializer<BandMembers> deserializer() {
    return this;
  }
}
