package io.newsdelta.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.newsdelta.NewsdeltaException;
import java.io.IOException;

/**
 * The one configured {@link ObjectMapper}: java.time as ISO-8601 strings, unknown fields ignored on read,
 * nulls written (so consumers see every contract field).
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS);

  private Json() {}

  /** The shared mapper. Do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** One line of JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new NewsdeltaException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  public static byte[] writeBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new NewsdeltaException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** Reads one value; a malformed document is a {@link NewsdeltaException} naming the type. */
  public static <T> T read(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new NewsdeltaException("not a valid " + type.getSimpleName() + " JSON document: " + e.getMessage(), e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new NewsdeltaException("not a valid " + type.getSimpleName() + " JSON document: " + e.getMessage(), e);
    }
  }
}
