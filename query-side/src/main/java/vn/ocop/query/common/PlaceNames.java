package vn.ocop.query.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
 */
@Component
public class PlaceNames {

    /** Each commune code with the search texts of every name its place has had. */
    private final Map<String, Set<String>> namesOfCode = new HashMap<>();

    public PlaceNames(AdministrativeUnits units) {
        for (District district : units.districts()) {
            for (Commune commune : district.communes()) {
                add(commune.code(), commune.name(), commune.nameLocal(), district.name(), district.nameLocal());
                units.currentUnitOf(commune.code()).ifPresent(unit -> add(commune.code(), unit.name()));
            }
        }
        for (CurrentUnit unit : units.currentUnits()) {
            add(unit.code(), unit.name());
            for (Commune absorbed : unit.absorbed() == null ? List.<Commune>of() : unit.absorbed()) {
                add(unit.code(), absorbed.name(), absorbed.nameLocal());
                units.districtOf(absorbed.code()).ifPresent(district ->
                        add(unit.code(), district.name(), district.nameLocal()));
            }
        }
    }

    private void add(String code, String... names) {
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
        return namesOfCode.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(name -> name.contains(wanted)))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
