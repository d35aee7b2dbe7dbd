package vn.ocop.events.subject;

/** The legal forms an OCOP subject may take. */
public enum LegalForm {
    /** Doanh nghiệp. */
    ENTERPRISE,
    /** Hợp tác xã (HTX). */
    COOPERATIVE,
    /** Tổ hợp tác (THT). */
    COOPERATIVE_GROUP,
    /** Hộ kinh doanh with a business registration. */
    HOUSEHOLD_BUSINESS
}
