package vn.ocop.query.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as searches compare it: lower case, without Vietnamese diacritics ("Sâm Ngọc Linh" and "sam ngoc linh"
 * match; "Đăk Hà" and "dak ha" too), spaces folded.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    public static String of(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.append(text.isEmpty() ? "" : " ").append(part);
            }
        }
        String decomposed = Normalizer.normalize(text.toString().replace('đ', 'd').replace('Đ', 'D'),
                Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ")
                .strip().toLowerCase(Locale.ROOT);
    }
}
