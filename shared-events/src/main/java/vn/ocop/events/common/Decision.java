package vn.ocop.events.common;

import java.time.LocalDate;

/**
 * An administrative decision that grounds a step: its number, its date (the business date of the step), the
 * authority that issued it and that authority's level.
 */
public record Decision(String number, LocalDate date, String issuer, AuthorityLevel level) {
}
