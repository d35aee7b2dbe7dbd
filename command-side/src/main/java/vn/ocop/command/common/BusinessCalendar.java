package vn.ocop.command.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * Business dates in Vietnam's time zone, from the injected clock: what "today" is when a command arrives,
 * and the instant at which a business date begins (when its deadlines fall due).
 */
@Component
public class BusinessCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Clock clock;

    public BusinessCalendar(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
