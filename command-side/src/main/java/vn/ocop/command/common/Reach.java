package vn.ocop.command.common;

import java.util.Objects;
import java.util.Optional;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.reference.CountryUnits;

/**
 * Whether a command's sender may act on a record where it lies. The web layer stamps every command with the
 * signed-in account's jurisdiction ({@code commune:23374}, {@code district:610}, {@code province:51},
 * {@code central} for the ministry, {@code all}); a command without one (a deadline, the system itself) is not a person's and is not limited.
 * A province's account reaches the units of its province and, before 2025-07-01, those of the former provinces
 * that formed it; never another province's.
 * A record outside the sender's jurisdiction is answered as if it did not exist, so that nothing tells an
 * officer which records other jurisdictions hold.
 */
public final class Reach {

    /** The metadata key the jurisdiction travels under. */
    public static final String JURISDICTION = "jurisdiction";

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

    /** The label of the ministry's accounts: every province, the central level's decisions only. */
    public static final String CENTRAL = "central";

    /** A decision or council below the central level, from the ministry. */
    static final class LevelBelowAccount extends DomainRuleViolation {
        LevelBelowAccount(String field) {
            super(ProblemType.LEVEL_BELOW_ACCOUNT, field,
                    "This account is the ministry's; it records the central level's decisions and councils only.",
                    "Tài khoản này thuộc Bộ, chỉ ghi nhận quyết định và hội đồng cấp trung ương.");
        }
    }

    /** A decision or council above the level its sender acts at. */
    static final class LevelAboveAccount extends DomainRuleViolation {
        LevelAboveAccount(String field, AuthorityLevel level, AuthorityLevel highest) {
            super(ProblemType.LEVEL_ABOVE_ACCOUNT, field,
                    "This account acts at " + highest.name().toLowerCase(java.util.Locale.ROOT)
                            + " level; it cannot record a " + level.name().toLowerCase(java.util.Locale.ROOT)
                            + "-level decision or council.",
                    "Tài khoản này thuộc " + vietnamese(highest) + ", không được ghi nhận quyết định hoặc hội đồng "
                            + vietnamese(level) + ".");
        }

        private static String vietnamese(AuthorityLevel level) {
            return switch (level) {
                case COMMUNE -> "cấp xã";
                case DISTRICT -> "cấp huyện";
                case PROVINCE -> "cấp tỉnh";
                case CENTRAL -> "cấp trung ương";
            };
        }
    }

    /**
     * The highest level a sender acts at, from its jurisdiction: a commune's account at commune level, a
     * district's at district level; empty for a province's account, one acting province-wide by its role
     * (administrator, council secretary) and the system itself, which are not limited here. A province's
     * account records its own decisions, the central level's on its products and, for the past, those of the
     * levels below it — the rule table then says whether that level existed on the date.
     */
    public static Optional<AuthorityLevel> highestLevel(Object jurisdiction) {
        String label = jurisdiction == null ? "" : String.valueOf(jurisdiction);
        if (label.startsWith("commune:")) {
            return Optional.of(AuthorityLevel.COMMUNE);
        }
        if (label.startsWith("district:")) {
            return Optional.of(AuthorityLevel.DISTRICT);
        }
        return Optional.empty();
    }

    /** Refuses a decision or council of {@code level} above the level its sender acts at. */
    public static void requireLevelWithinAccount(MetaData metaData, String field, AuthorityLevel level) {
        if (CENTRAL.equals(metaData.get(JURISDICTION)) && level != null && level != AuthorityLevel.CENTRAL) {
            throw new LevelBelowAccount(field);
        }
        Optional<AuthorityLevel> highest = highestLevel(metaData.get(JURISDICTION));
        if (level != null && highest.isPresent() && level.ordinal() > highest.get().ordinal()) {
            throw new LevelAboveAccount(field, level, highest.get());
        }
    }

    /** Whether {@code jurisdiction} (a label, or null) reaches a record in {@code communeCode}. */
    public static boolean reaches(Object jurisdiction, String communeCode) {
        if (jurisdiction == null || jurisdiction.equals("all") || jurisdiction.equals(CENTRAL)) {
            return true;
        }
        String label = String.valueOf(jurisdiction);
        if (communeCode == null) {
            return false;
        }
        if (label.startsWith("province:")) {
            return inProvince(label.substring("province:".length()), communeCode);
        }
        if (label.startsWith("district:")) {
            String district = label.substring("district:".length());
            return CountryUnits.bundled().commune(communeCode, CountryUnits.REORGANISED_ON.minusDays(1))
                    .map(unit -> district.equals(unit.districtCode())).orElse(false);
        }
        if (label.startsWith("commune:")) {
            return inCommune(label.substring("commune:".length()), communeCode);
        }
        return false;
    }

    /**
     * Whether a commune code lies in the commune an account acts for: the same code, or, for an account of a unit
     * of 2025-07-01, an old commune whose records count in that unit.
     */
    private static boolean inCommune(String commune, String communeCode) {
        if (Objects.equals(commune, communeCode)) {
            return true;
        }
        CountryUnits country = CountryUnits.bundled();
        return country.commune(commune, CountryUnits.REORGANISED_ON).isPresent()
                && country.countsIn(communeCode).filter(commune::equals).isPresent();
    }

    /**
     * Whether a commune code, old or new, lies in {@code province}: a unit of it from 2025-07-01, or a commune
     * before then of it or of a former province it took over.
     */
    private static boolean inProvince(String province, String communeCode) {
        CountryUnits country = CountryUnits.bundled();
        if (country.commune(communeCode, CountryUnits.REORGANISED_ON)
                .filter(unit -> unit.provinceCode().equals(province)).isPresent()) {
            return true;
        }
        return country.commune(communeCode, CountryUnits.REORGANISED_ON.minusDays(1))
                .map(CountryUnits.Commune::provinceCode)
                .filter(old -> old.equals(province) || country.successorProvince(old).orElse("").equals(province))
                .isPresent();
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
