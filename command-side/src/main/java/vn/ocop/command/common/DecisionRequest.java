package vn.ocop.command.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.common.Decision;

/** A decision in a request: its number, date, issuing authority and the authority's level. */
public record DecisionRequest(
        @NotBlank @Size(max = 100) String number,
        @NotNull LocalDate date,
        @NotBlank @Size(max = 300) String issuer,
        @NotNull AuthorityLevel level) {

    public Decision toDecision() {
        return new Decision(number.strip(), date, issuer.strip(), level);
    }
}
