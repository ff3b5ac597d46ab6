package dev.compressweep.workers.trial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON form of a {@link TrialSpec}, used to hand a trial to another process. Thread-safe. */
public final class TrialSpecCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrialSpecCodec() {}

    public static String encode(TrialSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode trial " + spec.trialId(), e);
        }
    }

    public static TrialSpec decode(String json) {
        try {
            return MAPPER.readValue(json, TrialSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a trial spec: " + e.getOriginalMessage(), e);
        }
    }
}
