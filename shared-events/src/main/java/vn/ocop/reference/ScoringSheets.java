package vn.ocop.reference;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scoring sheets (phiếu đánh giá) of Decision 26/2026/QĐ-TTg, Appendix II, as published in
 * {@code vn/ocop/reference/scoring-sheets-26-2026.json}: one criteria set per product set (bộ sản phẩm, "1" to
 * "26"), each criterion with its part, maximum and answer options, each option with its points and the lowest star
 * level for which it is the mandatory minimum.
 *
 * <p>The sheets are checked when read: criterion codes unique within a set, every option's points within its
 * criterion's maximum, binary criteria without options, and the part maxima of every set equal to those of the
 * criteria set of the rule table in force on the sheets' first day. A set whose extraction the data itself marks
 * for checking against the decision's text ({@code checkAgainstText}) is held but <em>awaiting check</em>: a flaw
 * in one of the criteria it names (or in its part totals, when it names them) is tolerated there and nowhere else,
 * and no council scores with that set's sheet until corrected data clears it. Any other flaw stops the service
 * from starting.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScoringSheets(String legalBasis, LocalDate validFrom, List<Sheet> sets) {

    public static final String RESOURCE = "/vn/ocop/reference/scoring-sheets-26-2026.json";

    /** The bundled sheets, read and checked once. */
    public static ScoringSheets bundled() {
        return Bundled.SHEETS;
    }

    /** Reads and checks sheets against the criteria sets of {@code rules}. */
    public static ScoringSheets read(InputStream in, OcopRules rules) {
        ObjectMapper json = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        ScoringSheets sheets;
        try {
            sheets = json.readValue(in, ScoringSheets.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable scoring sheets", e);
        }
        List<String> flaws = sheets.flawsAgainst(rules);
        if (!flaws.isEmpty()) {
            throw new IllegalStateException("the scoring sheets do not hold: " + String.join("; ", flaws));
        }
        return sheets;
    }

    /** The sheet of a product set, by its code ("1" to "26"). */
    public Optional<Sheet> sheet(String code) {
        return sets.stream().filter(sheet -> sheet.code().equals(code)).findFirst();
    }

    /** The flaws not declared by the data's own {@code checkAgainstText}; empty when the sheets hold. */
    List<String> flawsAgainst(OcopRules rules) {
        List<String> flaws = new ArrayList<>();
        OcopRules.CriteriaSetRule inForce = rules.criteriaSets().stream()
                .filter(rule -> rule.period().covers(validFrom))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no criteria set in force on " + validFrom));
        if (!inForce.legalBasis().equals(legalBasis)) {
            flaws.add("the sheets are of " + legalBasis + " but " + inForce.legalBasis() + " is in force on "
                    + validFrom);
        }
        Set<String> codes = new HashSet<>();
        for (Sheet sheet : sets) {
            if (!codes.add(sheet.code())) {
                flaws.add("set " + sheet.code() + " appears twice");
            }
            for (String flaw : sheet.flaws(inForce.partMaxima())) {
                flaws.add("set " + sheet.code() + ": " + flaw);
            }
        }
        return flaws;
    }

    /**
     * One criteria set's sheet.
     *
     * @param set              its number, the product set's code
     * @param group            the product group (I to VI) of the taxonomy in force
     * @param nhom             the sub-group
     * @param checkAgainstText the criteria (by code), or the part totals, whose extraction awaits checking
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sheet(int set, String group, String nhom, String vi, String en, List<Criterion> criteria,
                        List<String> checkAgainstText) {

        public Sheet {
            checkAgainstText = checkAgainstText == null ? List.of() : List.copyOf(checkAgainstText);
        }

        @JsonIgnore
        public String code() {
            return String.valueOf(set);
        }

        /** No council scores with this sheet until its flagged criteria are checked against the decision. */
        @JsonIgnore
        public boolean awaitingCheck() {
            return !checkAgainstText.isEmpty();
        }

        /** Whether the data marks this criterion's extraction for checking. */
        public boolean flagged(String criterion) {
            return checkAgainstText.contains(criterion);
        }

        public Optional<Criterion> criterion(String code) {
            return criteria.stream().filter(criterion -> criterion.code().equals(code)).findFirst();
        }

        /** The sum of the criteria's maxima in each part. */
        @JsonIgnore
        public Map<String, Integer> partMaxima() {
            Map<String, Integer> maxima = new LinkedHashMap<>();
            for (String part : List.of("A", "B", "C")) {
                maxima.put(part, criteria.stream().filter(criterion -> criterion.part().equals(part))
                        .mapToInt(Criterion::max).sum());
            }
            return maxima;
        }

        List<String> flaws(Map<String, Integer> required) {
            List<String> flaws = new ArrayList<>();
            if (!partMaxima().equals(required) && checkAgainstText.stream()
                    .noneMatch(entry -> entry.startsWith("part totals"))) {
                flaws.add("part maxima " + partMaxima() + " differ from " + required);
            }
            Set<String> codes = new HashSet<>();
            for (Criterion criterion : criteria) {
                if (!codes.add(criterion.code())) {
                    flaws.add("criterion " + criterion.code() + " appears twice");
                }
                if (!flagged(criterion.code())) {
                    criterion.flaws().forEach(flaw -> flaws.add("criterion " + criterion.code() + ": " + flaw));
                }
            }
            return flaws;
        }
    }

    /**
     * A criterion: scored with one of its options, or, when {@code binary}, either 0 or its maximum.
     *
     * @param notes the decision's notes under the criterion, as given
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Criterion(String code, String part, String name, int max, List<Option> options, List<String> notes,
                            boolean binary) {

        public Criterion {
            options = options == null ? List.of() : List.copyOf(options);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        /**
         * The answers a member chooses from, by index: the options as listed, or for a binary criterion "not met"
         * (0 points, index 0) and "met" (its maximum, index 1).
         */
        @JsonIgnore
        public List<Option> answers() {
            return binary ? List.of(new Option("Không đạt", 0, null), new Option("Đạt", max, null)) : options;
        }

        /**
         * The points a product rated {@code stars} must reach on this criterion: those of the option marked for
         * the highest star level up to {@code stars}; 0 when no option is marked for {@code stars} or below.
         */
        public int requiredFor(int stars) {
            return options.stream()
                    .filter(option -> option.minimumFor() != null && option.minimumFor() <= stars)
                    .max(Comparator.comparingInt(Option::minimumFor)
                            .thenComparing(Option::points, Comparator.reverseOrder()))
                    .map(Option::points)
                    .orElse(0);
        }

        List<String> flaws() {
            List<String> flaws = new ArrayList<>();
            if (!List.of("A", "B", "C").contains(part)) {
                flaws.add("part " + part + " is not A, B or C");
            }
            if (max <= 0) {
                flaws.add("maximum " + max + " is not positive");
            }
            if (binary != options.isEmpty()) {
                flaws.add(binary ? "a binary criterion lists options" : "no options");
            }
            for (Option option : options) {
                if (option.points() == null || option.points() < 0 || option.points() > max) {
                    flaws.add("option '" + option.text() + "' scores " + option.points() + ", outside 0 to " + max);
                }
                if (option.minimumFor() != null && (option.minimumFor() < 3 || option.minimumFor() > 5)) {
                    flaws.add("option '" + option.text() + "' is a minimum for " + option.minimumFor() + " stars");
                }
            }
            return flaws;
        }
    }

    /**
     * An answer option.
     *
     * @param minimumFor the lowest star level (3, 4 or 5) for which this option is the mandatory minimum, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String text, Integer points, Integer minimumFor) {
    }

    private static final class Bundled {
        static final ScoringSheets SHEETS = load();

        private static ScoringSheets load() {
            try (InputStream in = ScoringSheets.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing reference data " + RESOURCE);
                }
                return read(in, OcopRules.load());
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable reference data " + RESOURCE, e);
            }
        }
    }
}
