package vn.ocop.events.support;

/** What the state supports (domain.md §5). */
public enum SupportKind {
    TRAINING,
    PACKAGING_LABEL_STORY,
    BRANDING_IP,
    QUALITY_CERTIFICATION_TRACEABILITY,
    EQUIPMENT_PRODUCTION_LINE,
    TRADE_PROMOTION,
    CREDIT_INTEREST,
    STAR_UPGRADE_REWARD
}
