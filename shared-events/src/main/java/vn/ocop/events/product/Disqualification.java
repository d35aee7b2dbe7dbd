package vn.ocop.events.product;

/**
 * Why a council gives a dossier no rating, as every criteria set of 26/2026 (and 148 before it) lists the grounds.
 * Evaluations recorded before these codes carry the council's own wording instead.
 */
public enum Disqualification {
    /** Forged or falsified documents in the dossier (hồ sơ giả mạo). */
    FORGED_DOCUMENTS("Hồ sơ có tài liệu giả mạo", "Forged documents in the dossier"),
    /** The food-safety establishment certificate rules are not met. */
    FOOD_SAFETY_ESTABLISHMENT_CERTIFICATE("Không đáp ứng quy định về giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
            "The food-safety establishment certificate rules are not met"),
    /** The registration dossier is incomplete. */
    INCOMPLETE_DOSSIER("Hồ sơ đăng ký không đầy đủ", "The registration dossier is incomplete");

    private final String vi;
    private final String en;

    Disqualification(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String vi() {
        return vi;
    }

    public String en() {
        return en;
    }
}
