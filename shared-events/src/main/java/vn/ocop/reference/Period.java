package vn.ocop.reference;

import java.time.LocalDate;

/** Validity dates of a rule, both inclusive; a null bound is open. */
public record Period(LocalDate validFrom, LocalDate validTo) {

    public boolean covers(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }
}
