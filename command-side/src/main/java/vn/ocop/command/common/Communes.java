package vn.ocop.command.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.ocop.reference.AdministrativeUnits;
import vn.ocop.reference.CountryUnits;

/**
 * The commune-level unit a new record names must exist on the record's business date inside the provinces the
 * deployment serves: a commune of a former province that formed them until 2025-06-30, one of their units from
 * 2025-07-01. Records already made keep the unit they named; the views map old units to new ones.
 */
public final class Communes {

    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Communes() {
    }

    /** No unit of the provinces served has that code on that date. */
    static final class CommuneNotInForce extends DomainRuleViolation {
        CommuneNotInForce(String communeCode, LocalDate date, String why, String whyVi) {
            super(ProblemType.COMMUNE_NOT_IN_FORCE, "communeCode", why, whyVi);
        }
    }

    /**
     * The refusal says which province a code of another province names on that date, so that a client that sent
     * a unit of the wrong province learns so, and otherwise which codes are in force.
     */
    private static CommuneNotInForce notInForce(AdministrativeUnits units, String communeCode, LocalDate date) {
        String day = date.format(VIETNAMESE_DATE);
        // the country's units are read on the first refusal, not on the command path's first use
        CountryUnits country = CountryUnits.bundled();
        Optional<CountryUnits.Commune> elsewhere = country.commune(communeCode, date);
        if (elsewhere.isPresent()) {
            CountryUnits.Commune unit = elsewhere.get();
            String province = country.province(unit.provinceCode(), date).map(CountryUnits.Province::name)
                    .orElse(unit.provinceCode());
            return new CommuneNotInForce(communeCode, date,
                    "On " + date + " the code " + communeCode + " names " + unit.name() + " of " + province
                            + " (province " + unit.provinceCode() + "), outside the provinces this service serves.",
                    "Vào ngày " + day + ", mã " + communeCode + " là " + unit.name() + " thuộc " + province
                            + " (mã tỉnh " + unit.provinceCode() + "), ngoài các tỉnh hệ thống phục vụ.");
        }
        boolean before = date.isBefore(AdministrativeUnits.REORGANISED_ON);
        String served = before
                ? units.provinces().stream().flatMap(province -> province.formerProvinces().stream())
                        .map(former -> former.name() + " (" + former.code() + ")").collect(Collectors.joining(", "))
                : units.provinces().stream().map(province -> province.name() + " (" + province.code() + ")")
                        .collect(Collectors.joining(", "));
        return new CommuneNotInForce(communeCode, date,
                "No commune-level unit has the code " + communeCode + " on " + date + " (the codes of that day are "
                        + "those of " + served + ").",
                "Không có đơn vị hành chính cấp xã mã " + communeCode + " vào ngày " + day
                        + " (ngày đó dùng mã của " + served + ").");
    }

    /** Refuses a commune code that names no unit in force on {@code businessDate}. */
    public static void requireInForce(AdministrativeUnits units, String communeCode, LocalDate businessDate) {
        if (!units.inForceOn(communeCode, businessDate)) {
            throw notInForce(units, communeCode, businessDate);
        }
    }
}
