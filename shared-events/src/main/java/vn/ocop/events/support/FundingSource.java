package vn.ocop.events.support;

/** Where support money comes from (nguồn vốn). */
public enum FundingSource {
    /** Central budget: the national target programme for new rural areas. */
    CENTRAL_BUDGET,
    PROVINCIAL_BUDGET,
    DISTRICT_BUDGET,
    COMMUNE_BUDGET,
    /** Socialised and other sources: subjects' own money, loans, funds, donors. */
    SOCIALISED
}
