package vn.ocop.query.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The chain's hash of an event is the same whether its canonical bytes are hashed as written or first kept. */
class StoredEventTest {

    @Test
    void chainingKeptCanonicalBytesGivesTheHashOfChainingTheEvent() {
        byte[] previous = StoredEvent.chained(StoredEvent.genesis(), "earlier".getBytes(StandardCharsets.UTF_8));
        StoredEvent event = new StoredEvent(42, "e-1", "Subject", "s-1", 3, "vn.ocop.SubjectRegistered", null,
                "2026-12-07T16:00:00.000Z", "{\"name\":\"HTX Măng Đen\"}".getBytes(StandardCharsets.UTF_8), null);
        StoredEvent other = new StoredEvent(42, "e-1", "Subject", "s-1", 3, "vn.ocop.SubjectRegistered", "",
                "2026-12-07T16:00:00.000Z", "{\"name\":\"HTX Măng Đen\"}".getBytes(StandardCharsets.UTF_8), null);

        assertThat(StoredEvent.chained(previous, event.canonical())).isEqualTo(event.chainedOnto(previous));
        assertThat(StoredEvent.chained(previous, other.canonical()))
                .as("a missing revision and an empty one encode apart").isNotEqualTo(event.chainedOnto(previous));
        assertThat(event.chainedOnto(StoredEvent.genesis())).isNotEqualTo(event.chainedOnto(previous));
    }
}
