package vn.ocop.query.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** What day it is for the views' "as of today" figures: the service's clock, in Vietnam's time zone. */
@Component
public class Today {

    /** Vietnam's time zone, in which the service's business dates fall. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Clock clock;

    public Today(Clock clock) {
        this.clock = clock;
    }

    public LocalDate date() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    /** The date in Vietnam at {@code instant}. */
    public LocalDate dateAt(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, VIETNAM);
    }

    /** The given fiscal year, or the current one when none is given. */
    public int yearOr(Integer fiscalYear) {
        return fiscalYear == null ? date().getYear() : fiscalYear;
    }
}
