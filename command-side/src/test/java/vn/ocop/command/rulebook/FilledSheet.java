package vn.ocop.command.rulebook;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.reference.ScoringSheets;

/**
 * A member's scoring sheet as a test fills it: every criterion of a product set answered so that the sheet totals
 * a chosen number of points while the mandatory minimums up to a chosen star level stay met, with some answers
 * fixed by the test beforehand.
 */
public final class FilledSheet {

    private static final ScoringSheets SHEETS = ScoringSheets.bundled();

    private final ScoringSheets.Sheet sheet;
    private final Map<String, Integer> fixed = new LinkedHashMap<>();

    private FilledSheet(String set) {
        this.sheet = SHEETS.sheet(set).orElseThrow();
    }

    /** A sheet of product set {@code set} ("1" to "26"). */
    public static FilledSheet of(String set) {
        return new FilledSheet(set);
    }

    /** Fixes the answer on {@code criterion} to option {@code option}; the rest are chosen around it. */
    public FilledSheet with(String criterion, int option) {
        sheet.criterion(criterion).orElseThrow();
        fixed.put(criterion, option);
        return this;
    }

    /** The option index giving {@code points} on {@code criterion} (the first, if several do). */
    public int optionGiving(String criterion, int points) {
        List<ScoringSheets.Option> options = sheet.criterion(criterion).orElseThrow().answers();
        for (int index = 0; index < options.size(); index++) {
            if (options.get(index).points() == points) {
                return index;
            }
        }
        throw new IllegalArgumentException("no option of " + criterion + " gives " + points);
    }

    /**
     * Every criterion answered: the fixed ones as fixed, the others lowered from their best answer, criterion by
     * criterion, until the sheet totals {@code total}, never below the minimum of {@code keptUpTo} stars.
     */
    public Map<String, Integer> totalling(int total, int keptUpTo) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        int sum = 0;
        for (ScoringSheets.Criterion criterion : sheet.criteria()) {
            int option = fixed.containsKey(criterion.code()) ? fixed.get(criterion.code()) : best(criterion);
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
            int floor = Math.max(criterion.requiredFor(keptUpTo), current - excess);
            int lowered = lowestAtLeast(criterion, floor);
            answers.put(criterion.code(), lowered);
            excess -= current - options.get(lowered).points();
        }
        if (excess != 0) {
            throw new IllegalArgumentException("set " + sheet.code() + " cannot total " + total
                    + " with the minimums up to " + keptUpTo + " stars and the fixed answers " + fixed);
        }
        return answers;
    }

    /** The sheet as a member's answers to the rulebook. */
    public MemberAnswers member(String name, int total, int keptUpTo) {
        return new MemberAnswers(name, totalling(total, keptUpTo));
    }

    private static int best(ScoringSheets.Criterion criterion) {
        List<ScoringSheets.Option> options = criterion.answers();
        int best = 0;
        for (int index = 1; index < options.size(); index++) {
            if (options.get(index).points() > options.get(best).points()) {
                best = index;
            }
        }
        return best;
    }

    private static int lowestAtLeast(ScoringSheets.Criterion criterion, int floor) {
        List<ScoringSheets.Option> options = criterion.answers();
        return java.util.stream.IntStream.range(0, options.size())
                .filter(index -> options.get(index).points() >= floor)
                .boxed()
                .min(Comparator.comparingInt(index -> options.get(index).points()))
                .orElseThrow();
    }
}
