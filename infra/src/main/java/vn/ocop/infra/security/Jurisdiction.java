package vn.ocop.infra.security;

/**
 * Where an account acts: a province, a district-level unit (as before 2025-07-01) or a commune; none for the
 * roles that act province-wide by their nature (administrator, auditor, viewer, council secretary).
 */
public record Jurisdiction(String provinceCode, String districtCode, String communeCode)
        implements java.io.Serializable {

    public static final Jurisdiction NONE = new Jurisdiction(null, null, null);

    /** How the audit trail names it: {@code commune:23374}, {@code district:610}, {@code province:51}, {@code all}. */
    public String label() {
        if (communeCode != null) {
            return "commune:" + communeCode;
        }
        if (districtCode != null) {
            return "district:" + districtCode;
        }
        if (provinceCode != null) {
            return "province:" + provinceCode;
        }
        return "all";
    }
}
