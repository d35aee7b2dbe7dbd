package vn.ocop.reference;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A scoring sheet filled to order, for the demonstration data and for tests: every criterion of a product set
 * answered so that the sheet totals a chosen number of points while the mandatory minimums up to a chosen star
 * level stay met, around answers fixed beforehand. Not a council's judgement: a way to write plausible sheets.
 */
public final class SampleAnswers {

    private final ScoringSheets.Sheet sheet;
    private final Map<String, Integer> fixed = new LinkedHashMap<>();

    private SampleAnswers(ScoringSheets.Sheet sheet) {
        this.sheet = sheet;
    }

    /** A sheet of product set {@code set} ("1" to "26") of the bundled sheets. */
    public static SampleAnswers of(String set) {
        ScoringSheets.Sheet sheet = ScoringSheets.bundled().sheet(set)
                .orElseThrow(() -> new IllegalArgumentException("no product set " + set));
        if (sheet.awaitingCheck()) {
            throw new IllegalArgumentException("product set " + set + " awaits checking: no council fills its sheet");
        }
        return new SampleAnswers(sheet);
    }

    /** Fixes the answer on {@code criterion} to option {@code option}; the rest are chosen around it. */
    public SampleAnswers with(String criterion, int option) {
        sheet.criterion(criterion).orElseThrow(() -> new IllegalArgumentException("no criterion " + criterion));
        fixed.put(criterion, option);
        return this;
    }

    /** The option index giving {@code points} on {@code criterion} (the first, if several do). */
    public int optionGiving(String criterion, int points) {
        List<ScoringSheets.Option> options = sheet.criterion(criterion).orElseThrow().answers();
        return IntStream.range(0, options.size())
                .filter(index -> options.get(index).points() != null && options.get(index).points() == points)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no option of " + criterion + " gives " + points));
    }

    /**
     * Every criterion answered, by criterion code: the fixed ones as fixed, the others lowered from their best
     * answer, criterion by criterion in the sheet's order, until the sheet totals {@code total}, never below the
     * minimum of {@code keptUpTo} stars.
     *
     * @throws IllegalArgumentException when no such sheet exists
     */
    public Map<String, Integer> totalling(int total, int keptUpTo) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        int sum = 0;
        for (ScoringSheets.Criterion criterion : sheet.criteria()) {
            int option = fixed.getOrDefault(criterion.code(), best(criterion));
            answers.put(criterion.code(), option);
            sum += criterion.answers().get(option).points();
        }
        int excess = sum - total;
        for (ScoringSheets.Criterion criterion : sheet.criteria()) {
            if (excess <= 0) {
                break;
            }
            if (fixed.containsKey(criterion.code())) {
                continue;
            }
            List<ScoringSheets.Option> options = criterion.answers();
            int current = options.get(answers.get(criterion.code())).points();
            int lowered = lowestAtLeast(criterion, Math.max(criterion.requiredFor(keptUpTo), current - excess));
            answers.put(criterion.code(), lowered);
            excess -= current - options.get(lowered).points();
        }
        if (excess != 0) {
            throw new IllegalArgumentException("set " + sheet.code() + " cannot total " + total
                    + " with the minimums up to " + keptUpTo + " stars and the fixed answers " + fixed);
        }
        return answers;
    }

    private static int best(ScoringSheets.Criterion criterion) {
        List<ScoringSheets.Option> options = criterion.answers();
        return IntStream.range(0, options.size()).boxed()
                .max(Comparator.comparingInt(index -> options.get(index).points()))
                .orElseThrow();
    }

    private static int lowestAtLeast(ScoringSheets.Criterion criterion, int floor) {
        List<ScoringSheets.Option> options = criterion.answers();
        return IntStream.range(0, options.size()).boxed()
                .filter(index -> options.get(index).points() >= floor)
                .min(Comparator.comparingInt(index -> options.get(index).points()))
                .orElseThrow();
    }
}
