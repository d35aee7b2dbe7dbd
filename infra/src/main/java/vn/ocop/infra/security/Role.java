package vn.ocop.infra.security;

/** The roles of the programme's users. An account has exactly one. */
public enum Role {
    /** Manages accounts and operations; may do anything. */
    ADMINISTRATOR,
    /** The provincial OCOP office: every step in the province, support and plans. */
    PROVINCE_OFFICER,
    /**
     * The ministry's OCOP office: reads every province the deployment serves and records what the central level
     * decides (its councils and the national 5-star recognition), nothing below.
     */
    MINISTRY_OFFICER,
    /** A district-level office: the steps of its district's products. */
    DISTRICT_OFFICER,
    /** A commune office: registers its commune's subjects and product ideas. */
    COMMUNE_OFFICER,
    /** A council's secretary: records the council's evaluations. */
    COUNCIL_SECRETARY,
    /** Reads everything, the audit and time travel included; writes nothing. */
    AUDITOR,
    /** Reads the dashboards and reports. */
    VIEWER;

    /** The authority Spring Security checks. */
    public String authority() {
        return "ROLE_" + name();
    }
}
