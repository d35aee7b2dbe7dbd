package vn.ocop.query.common;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import vn.ocop.reference.AdministrativeUnits;
import vn.ocop.reference.AdministrativeUnits.Commune;
import vn.ocop.reference.AdministrativeUnits.CurrentUnit;
import vn.ocop.reference.AdministrativeUnits.District;

/**
 * Which commune codes a place typed in a search box names, before and after the 2025 reorganisation alike. A
 * record keeps the commune code of its own day, so each code answers to every name its place has had: an old
 * commune to its own name, its district's and the name of the unit that took it over; a new unit to its name
 * and those of the old communes and districts it absorbed. Names compare without diacritics or case
 * ({@link SearchText}), so "dak glei" finds Đăk Glei.
 *
 * <p>A search reads each distinct name once: a district's name, shared by all its communes, is one entry with their
 * codes, so the country's names are some fourteen thousand plain strings scanned in order. (Asking every code's
 * names in turn had taken five sixths of a register search's time at national scale.)
 */
@Component
public class PlaceNames {

    /** Every distinct name's search text, and beside it (at the same index) the codes that answer to it. */
    private final String[] names;
    private final String[][] codesOfName;

    public PlaceNames(AdministrativeUnits units) {
        // each commune code with the search texts of every name its place has had
        Map<String, Set<String>> namesOfCode = new HashMap<>();
        for (District district : units.districts()) {
            for (Commune commune : district.communes()) {
                add(namesOfCode, commune.code(), commune.name(), commune.nameLocal(), district.name(),
                        district.nameLocal());
                units.currentUnitOf(commune.code()).ifPresent(unit -> add(namesOfCode, commune.code(), unit.name()));
            }
        }
        for (CurrentUnit unit : units.currentUnits()) {
            add(namesOfCode, unit.code(), unit.name());
            for (Commune absorbed : unit.absorbed() == null ? List.<Commune>of() : unit.absorbed()) {
                add(namesOfCode, unit.code(), absorbed.name(), absorbed.nameLocal());
                units.districtOf(absorbed.code()).ifPresent(district ->
                        add(namesOfCode, unit.code(), district.name(), district.nameLocal()));
            }
        }
        Map<String, Set<String>> codesByName = new TreeMap<>();
        namesOfCode.forEach((code, texts) -> texts.forEach(text ->
                codesByName.computeIfAbsent(text, any -> new TreeSet<>()).add(code)));
        names = codesByName.keySet().toArray(String[]::new);
        codesOfName = codesByName.values().stream().map(codes -> codes.toArray(String[]::new)).toArray(String[][]::new);
    }

    private static void add(Map<String, Set<String>> namesOfCode, String code, String... names) {
        Set<String> texts = namesOfCode.computeIfAbsent(code, any -> new TreeSet<>());
        Stream.of(names).filter(Objects::nonNull).map(SearchText::of).filter(text -> !text.isBlank())
                .forEach(texts::add);
    }

    /** The commune codes one of whose names holds {@code typed}, diacritics and case aside; none for blank. */
    public Set<String> communesNamed(String typed) {
        String wanted = typed == null ? "" : SearchText.of(typed);
        if (wanted.isBlank()) {
            return Set.of();
        }
        Set<String> codes = new TreeSet<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i].contains(wanted)) {
                codes.addAll(Arrays.asList(codesOfName[i]));
            }
        }
        return codes;
    }
}
