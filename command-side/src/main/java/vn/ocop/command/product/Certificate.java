package vn.ocop.command.product;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.RenewalTerms;

/** The product's latest certificate, as its aggregate needs it for decisions. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class Certificate {

    enum Status { VALID, AWAITING_RE_EVALUATION, EXPIRED, REVOKED }

    final String id;
    final int stars;
    final AuthorityLevel level;
    final LocalDate expiresOn;
    final RenewalTerms renewal;
    Status status = Status.VALID;
    boolean dossierFiled;
    /** Deadlines already recorded as events, so that one firing twice records nothing twice. */
    final Set<String> firedDeadlines = new HashSet<>();

    @JsonCreator
    Certificate(@JsonProperty("id") String id, @JsonProperty("stars") int stars,
                @JsonProperty("level") AuthorityLevel level, @JsonProperty("expiresOn") LocalDate expiresOn,
                @JsonProperty("renewal") RenewalTerms renewal) {
        this.id = id;
        this.stars = stars;
        this.level = level;
        this.expiresOn = expiresOn;
        this.renewal = renewal;
    }

    /** Valid, or past expiry but still valid while its re-evaluation decision is pending. */
    boolean isInForce() {
        return status == Status.VALID || status == Status.AWAITING_RE_EVALUATION;
    }

    boolean hasReEvaluationWindow() {
        return renewal.windowOpensOn() != null;
    }
}
