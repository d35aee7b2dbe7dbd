package vn.ocop.events.common;

/** The administrative level of an authority that decides or evaluates. */
public enum AuthorityLevel {
    /** Xã, phường, thị trấn. */
    COMMUNE,
    /** Huyện, thành phố thuộc tỉnh; abolished on 2025-07-01. */
    DISTRICT,
    /** Tỉnh. */
    PROVINCE,
    /** The central level: the national council or the ministry. */
    CENTRAL
}
