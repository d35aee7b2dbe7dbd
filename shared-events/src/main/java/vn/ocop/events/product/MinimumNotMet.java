package vn.ocop.events.product;

/**
 * A mandatory minimum the council's answer on a criterion does not reach: the lowest star level it bars.
 *
 * @param criterion the criterion's code on the sheet
 * @param stars     the lowest star level whose minimum is not met; the rating stays below it
 * @param option    the council's answer (the option index chosen by most members, ties to the lower)
 * @param points    the points of that answer
 * @param required  the points the minimum for {@code stars} asks
 */
public record MinimumNotMet(String criterion, int stars, int option, int points, int required) {
}
