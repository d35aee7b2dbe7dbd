package vn.ocop.events.product;

import java.util.Map;

/**
 * One council member's scoring sheet (phiếu đánh giá): the option chosen on every criterion of the product set's
 * criteria set, by criterion code, in the sheet's order.
 */
public record MemberSheet(String member, Map<String, Answer> answers) {

    /** The option chosen (its index on the sheet, from 0) and the points it gives. */
    public record Answer(int option, int points) {
    }
}
