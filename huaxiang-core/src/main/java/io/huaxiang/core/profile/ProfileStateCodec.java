package io.huaxiang.core.profile;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.huaxiang.core.event.json.EventJson;
import java.io.IOException;

/**
 * Writes and reads {@link ProfileState} snapshots as JSON, so profiles survive restarts and move
 * between the embedded server and a stream processor. Two equal states give identical JSON.
 */
public final class ProfileStateCodec {
  /**
   * Bumped when the state layout changes; older snapshots are then rebuilt from the log. 2: day,
   * window and lifetime counters moved into {@code Tally}.
   */
  public static final int FORMAT_VERSION = 2;

  private final ObjectMapper mapper;

  public ProfileStateCodec() {
    SimpleModule sets = new SimpleModule("huaxiang-longset");
    sets.addSerializer(LongSet.class, new LongSetSerializer());
    sets.addDeserializer(LongSet.class, new LongSetDeserializer());
    this.mapper =
        new EventJson()
            .mapper()
            .copy()
            .registerModule(sets)
            .addMixIn(ProfileState.class, FieldsOnly.class)
            .addMixIn(DayBucket.class, FieldsOnlyNoDefaults.class)
            .addMixIn(LoanState.class, FieldsOnlyNoDefaults.class)
            .addMixIn(Instalment.class, FieldsOnlyNoDefaults.class)
            .addMixIn(CategorySpend.class, FieldsOnlyNoDefaults.class)
            .addMixIn(Tally.class, FieldsOnlyNoDefaults.class);
  }

  public String write(ProfileState state) {
    try {
      return mapper.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write profile of " + state.userId, e);
    }
  }

  public ProfileState read(String json) {
    try {
      return mapper.readValue(json, ProfileState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a profile snapshot: " + e.getOriginalMessage(), e);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonAutoDetect(
      fieldVisibility = JsonAutoDetect.Visibility.ANY,
      getterVisibility = JsonAutoDetect.Visibility.NONE,
      isGetterVisibility = JsonAutoDetect.Visibility.NONE,
      setterVisibility = JsonAutoDetect.Visibility.NONE,
      creatorVisibility = JsonAutoDetect.Visibility.ANY)
  private interface FieldsOnly {}

  /** Leaves out zeros and empty sets: most day buckets hold only one or two counts. */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @JsonAutoDetect(
      fieldVisibility = JsonAutoDetect.Visibility.ANY,
      getterVisibility = JsonAutoDetect.Visibility.NONE,
      isGetterVisibility = JsonAutoDetect.Visibility.NONE,
      setterVisibility = JsonAutoDetect.Visibility.NONE,
      creatorVisibility = JsonAutoDetect.Visibility.ANY)
  private interface FieldsOnlyNoDefaults {}

  private static final class LongSetSerializer extends JsonSerializer<LongSet> {
    @Override
    public void serialize(LongSet value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      long[] values = value.toSortedArray();
      gen.writeArray(values, 0, values.length);
    }
  }

  private static final class LongSetDeserializer extends JsonDeserializer<LongSet> {
    @Override
    public LongSet deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return LongSet.of(p.readValueAs(long[].class));
    }
  }
}
