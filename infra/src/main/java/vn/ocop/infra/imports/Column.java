package vn.ocop.infra.imports;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of an OCOP list the import reads, by key (the heading without diacritics, words joined by
 * underscores), with their Vietnamese heading and English name for the report. The step column says what a row
 * records: a product's first cycle (the default), or a later step — upgrade, re-evaluation, revocation — of a
 * product named by its subject's registration number and its name. The evaluation and recognition columns go
 * together, and so do the district council's columns, which a province evaluation under 1048 or 148 needs (the
 * district forwarded the product to the province).
 */
enum Column {
    STEP("buoc", "Bước", "step"),
    SUBJECT("chu_the", "Chủ thể", "subject"),
    LEGAL_FORM("loai_hinh", "Loại hình", "legal form"),
    REGISTRATION_NUMBER("ma_so_dkkd", "Mã số ĐKKD", "registration number"),
    REPRESENTATIVE("nguoi_dai_dien", "Người đại diện", "representative"),
    PHONE("dien_thoai", "Điện thoại", "phone"),
    PRODUCT("san_pham", "Sản phẩm", "product"),
    GROUP("nhom", "Nhóm", "group"),
    PRODUCT_SET("bo_san_pham", "Bộ sản phẩm", "product set"),
    COMMUNE("ma_xa", "Mã xã", "commune code"),
    REGISTERED_ON("ngay_dang_ky", "Ngày đăng ký", "registration date"),
    EVALUATION_LEVEL("cap_danh_gia", "Cấp đánh giá", "evaluating level"),
    EVALUATED_ON("ngay_danh_gia", "Ngày đánh giá", "evaluation date"),
    PART_A("diem_a", "Điểm phần A", "part A score"),
    PART_B("diem_b", "Điểm phần B", "part B score"),
    PART_C("diem_c", "Điểm phần C", "part C score"),
    SCORE("diem", "Điểm", "score"),
    STARS("hang_sao", "Hạng sao", "stars"),
    DECISION_NUMBER("so_quyet_dinh", "Số quyết định", "decision number"),
    DECIDED_ON("ngay_quyet_dinh", "Ngày quyết định", "decision date"),
    ISSUER("co_quan_ban_hanh", "Cơ quan ban hành", "issuer"),
    RECOGNITION_LEVEL("cap_cong_nhan", "Cấp công nhận", "recognising level"),
    EXPIRES_ON("ngay_het_han", "Ngày hết hạn", "expiry date"),
    PRODUCT_CODE("ma_san_pham", "Mã sản phẩm", "product code"),
    DISTRICT_EVALUATED_ON("ngay_danh_gia_cap_huyen", "Ngày đánh giá cấp huyện", "district evaluation date"),
    DISTRICT_PART_A("diem_a_cap_huyen", "Điểm phần A cấp huyện", "district part A score"),
    DISTRICT_PART_B("diem_b_cap_huyen", "Điểm phần B cấp huyện", "district part B score"),
    DISTRICT_PART_C("diem_c_cap_huyen", "Điểm phần C cấp huyện", "district part C score"),
    FORWARDED_ON("ngay_chuyen_len_tinh", "Ngày chuyển lên tỉnh", "forwarding date"),
    DOSSIER_FILED_ON("ngay_nop_ho_so_danh_gia_lai", "Ngày nộp hồ sơ đánh giá lại", "re-evaluation dossier date"),
    REVOCATION_REASON("ly_do_thu_hoi", "Lý do thu hồi", "revocation reason"),
    CONCLUDED_ON("ngay_ket_luan", "Ngày kết luận", "conclusion date");

    final String key;
    final String vi;
    final String en;

    Column(String key, String vi, String en) {
        this.key = key;
        this.vi = vi;
        this.en = en;
    }

    static Optional<Column> byKey(String key) {
        return Arrays.stream(values()).filter(column -> column.key.equals(key)
                || RegisterFile.key(column.vi).equals(key)).findFirst();
    }
}
