package vn.ocop.command.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.ocop.reference.AdministrativeUnits;

/**
 * The commune-level unit a new record names must exist on the record's business date: one of Kon Tum's 102
 * until 2025-06-30, one of the 40 units of Quảng Ngãi that took them over from 2025-07-01. Records already
 * made keep the unit they named; the views map old units to new ones.
 */
public final class Communes {

    private static final AdministrativeUnits UNITS = AdministrativeUnits.load();
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Communes() {
    }

    /** No unit has that code on that date. */
    static final class CommuneNotInForce extends DomainRuleViolation {
        CommuneNotInForce(String communeCode, LocalDate date) {
            super(ProblemType.COMMUNE_NOT_IN_FORCE, "communeCode",
                    "No commune-level unit has the code " + communeCode + " on " + date
                            + (date.isBefore(AdministrativeUnits.REORGANISED_ON)
                            ? " (before 2025-07-01 the codes are Kon Tum's)."
                            : " (from 2025-07-01 the codes are those of the merged units of Quảng Ngãi)."),
                    "Không có đơn vị hành chính cấp xã mã " + communeCode + " vào ngày "
                            + date.format(VIETNAMESE_DATE)
                            + (date.isBefore(AdministrativeUnits.REORGANISED_ON)
                            ? " (trước 01/07/2025 dùng mã của tỉnh Kon Tum)."
                            : " (từ 01/07/2025 dùng mã các đơn vị sau sắp xếp của tỉnh Quảng Ngãi)."));
        }
    }

    /** Refuses a commune code that names no unit in force on {@code businessDate}. */
    public static void requireInForce(String communeCode, LocalDate businessDate) {
        if (!UNITS.inForceOn(communeCode, businessDate)) {
            throw new CommuneNotInForce(communeCode, businessDate);
        }
    }
}
