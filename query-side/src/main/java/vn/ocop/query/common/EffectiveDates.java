package vn.ocop.query.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;

/**
 * The business date an event takes effect by — the second clock of the history, beside the instant it was
 * recorded: its decision's date, else the first date field of its payload (named {@code …On}), else (an event that
 * dates nothing of its own) the day it was recorded, in Vietnam.
 */
public final class EffectiveDates {

    private EffectiveDates() {
    }

    /** The date the payload itself gives, or null. */
    public static String declared(JsonNode payload) {
        JsonNode decided = payload.path("decision").path("date");
        if (decided.isTextual()) {
            return decided.asText();
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().endsWith("On") && field.getValue().isTextual()) {
                return field.getValue().asText();
            }
        }
        return null;
    }

    /** The day the event takes effect. */
    public static LocalDate of(JsonNode payload, Instant recordedAt) {
        String declared = declared(payload);
        return declared != null ? LocalDate.parse(declared) : LocalDate.ofInstant(recordedAt, Today.VIETNAM);
    }
}
