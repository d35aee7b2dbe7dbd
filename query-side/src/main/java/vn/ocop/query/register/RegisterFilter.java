package vn.ocop.query.register;

import vn.ocop.query.register.RegisterEntry.Stage;

/**
 * What a register query asks for; null filters are not applied.
 *
 * @param q             diacritics- and case-insensitive text in the product's name
 * @param communeCodes  products of these communes (a commune, or the communes of a district); null for all
 */
record RegisterFilter(String q, String subjectId, java.util.List<String> communeCodes, String groupCode, Integer stars,
                      Stage stage,
                      CertificateFilter certificate, int expiringWithinDays, Sort sort, int page, int size) {

    /** Certificates by status; {@code EXPIRING} is valid and expiring within the given days. */
    enum CertificateFilter { VALID, AWAITING_RE_EVALUATION, EXPIRED, REVOKED, IN_FORCE, EXPIRING }

    enum Sort {
        NAME("search_text"), REGISTERED_ON("registered_on desc"), STARS("stars desc nulls last"),
        EXPIRES_ON("certificate_expires_on nulls last");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        String orderBy() {
            return orderBy;
        }
    }
}
