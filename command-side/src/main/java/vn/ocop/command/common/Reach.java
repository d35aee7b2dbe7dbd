package vn.ocop.command.common;

import java.util.Objects;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import vn.ocop.reference.AdministrativeUnits;

/**
 * Whether a command's sender may act on a record where it lies. The web layer stamps every command with the
 * signed-in account's jurisdiction ({@code commune:23374}, {@code district:610}, {@code province:62},
 * {@code all}); a command without one (a deadline, the system itself) is not a person's and is not limited.
 * A record outside the sender's jurisdiction is answered as if it did not exist, so that nothing tells an
 * officer which records other jurisdictions hold.
 */
public final class Reach {

    /** The metadata key the jurisdiction travels under. */
    public static final String JURISDICTION = "jurisdiction";

    private static final AdministrativeUnits UNITS = AdministrativeUnits.load();

    private Reach() {
    }

    /** A new record would lie where its sender does not act. */
    static final class OutsideJurisdiction extends DomainRuleViolation {
        OutsideJurisdiction(String communeCode) {
            super(ProblemType.OUTSIDE_JURISDICTION, "communeCode",
                    "The commune " + communeCode + " lies outside this account's jurisdiction.",
                    "Xã " + communeCode + " nằm ngoài phạm vi của tài khoản này.");
        }
    }

    /** Whether {@code jurisdiction} (a label, or null) reaches a record in {@code communeCode}. */
    public static boolean reaches(Object jurisdiction, String communeCode) {
        if (jurisdiction == null || jurisdiction.equals("all") || String.valueOf(jurisdiction).startsWith("province:")) {
            return true;
        }
        String label = String.valueOf(jurisdiction);
        if (communeCode == null) {
            return false;
        }
        if (label.startsWith("district:")) {
            String district = label.substring("district:".length());
            return UNITS.districtOf(communeCode).map(unit -> unit.code().equals(district)).orElse(false);
        }
        if (label.startsWith("commune:")) {
            return Objects.equals(label.substring("commune:".length()), communeCode);
        }
        return false;
    }

    /** Refuses, as "no such record", a command on a record its sender does not reach. */
    public static void requireReach(MetaData metaData, String aggregateId, String communeCode) {
        if (!reaches(metaData.get(JURISDICTION), communeCode)) {
            throw new AggregateNotFoundException(aggregateId, "no such record to act on");
        }
    }

    /** Refuses a new record its sender would not reach. */
    public static void requireReachForNew(MetaData metaData, String communeCode) {
        if (!reaches(metaData.get(JURISDICTION), communeCode)) {
            throw new OutsideJurisdiction(communeCode);
        }
    }
}
