package vn.ocop.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/**
 * An event's time is stored as text that Axon reads back and that the store compares as text (a token at an
 * instant is the first event whose time is not earlier): the service writes it faster than Axon's formatter, but
 * character for character as Axon does, milliseconds always.
 */
class EventTimestampsTest {

    @Test
    void theServiceWritesAnEventsTimeAsAxonDoes() {
        Random random = new Random(20261129);
        Stream<Instant> edges = Stream.of(Instant.EPOCH, Instant.parse("2026-11-29T15:42:11Z"),
                Instant.parse("2026-11-29T15:42:11.999999999Z"), Instant.parse("2025-07-01T00:00:00.000001Z"),
                Instant.parse("1999-12-31T23:59:59.9Z"), Instant.parse("2100-02-28T12:00:00.010Z"));
        Stream<Instant> spread = Stream.generate(() -> Instant.ofEpochSecond(
                random.nextLong(-2_208_988_800L, 16_725_225_600L), random.nextInt(1_000_000_000))).limit(100_000);

        Stream.concat(edges, spread).forEach(instant -> {
            String written = SteppedReadAhead.TIMESTAMPS.format(instant);
            assertThat(written).isEqualTo(DateTimeUtils.formatInstant(instant));
            assertThat(DateTimeUtils.parseInstant(written)).isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS));
        });
    }

    @Test
    void timesWrittenSortAsTextInTheOrderOfTheirInstants() {
        Instant second = Instant.parse("2026-11-29T15:42:11Z");
        assertThat(SteppedReadAhead.TIMESTAMPS.format(second))
                .isLessThan(SteppedReadAhead.TIMESTAMPS.format(second.plusMillis(1)))
                .isLessThan(SteppedReadAhead.TIMESTAMPS.format(second.plusSeconds(1)));
    }
}
