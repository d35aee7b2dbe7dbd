package vn.ocop.reference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import vn.ocop.events.common.AuthorityLevel;

/**
 * What a person reads for a stored code, in Vietnamese and English, from one table
 * ({@code vn/ocop/reference/official-names.json}, and the revocation reasons of the rule tables): levels of
 * authority and their councils, the decisions that set the rules, funding sources and kinds of support. A code
 * the table does not know reads as itself.
 */
public final class OfficialNames {

    public static final String RESOURCE = "/vn/ocop/reference/official-names.json";

    /** The tables by the name a template gives them. */
    public static final String LEVELS = "levels";
    public static final String COUNCILS = "councils";
    public static final String DECISIONS = "decisions";
    public static final String FUNDING_SOURCES = "fundingSources";
    public static final String SUPPORT_KINDS = "supportKinds";
    public static final String CERTIFICATE_STEPS = "certificateSteps";
    public static final String REVOCATION_REASONS = "revocationReasons";

    /** One name in both languages. */
    public record Name(String vi, String en) {

        /** The name in {@code language}, "vi" or "en". */
        public String in(String language) {
            return "vi".equals(language) ? vi : en;
        }
    }

    private static final OfficialNames BUNDLED = load();

    private final Map<String, Map<String, Name>> tables;

    private OfficialNames(Map<String, Map<String, Name>> tables) {
        this.tables = tables;
    }

    /** The bundled table, read once. */
    public static OfficialNames bundled() {
        return BUNDLED;
    }

    private static OfficialNames load() {
        ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        Map<String, Map<String, Name>> tables = new LinkedHashMap<>();
        try (InputStream in = OfficialNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + RESOURCE);
            }
            Map<String, Object> document = json.readValue(in, new TypeReference<>() { });
            document.remove("about");
            document.forEach((table, names) -> tables.put(table,
                    Map.copyOf(json.convertValue(names, new TypeReference<Map<String, Name>>() { }))));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable reference data " + RESOURCE, e);
        }
        Map<String, Name> reasons = new LinkedHashMap<>();
        OcopRules.load().revocationReasons().forEach(reason -> reasons.put(reason.code(),
                new Name(reason.vi(), reason.en())));
        tables.put(REVOCATION_REASONS, Map.copyOf(reasons));
        return new OfficialNames(Map.copyOf(tables));
    }

    /** The name of {@code code} in {@code table}, in {@code language}; the code itself where none is known. */
    public String name(String table, String code, String language) {
        Name name = tables.getOrDefault(table, Map.of()).get(code);
        return name == null ? code : name.in(language);
    }

    /** Whether {@code table} names {@code code}. */
    public boolean knows(String table, String code) {
        return tables.getOrDefault(table, Map.of()).containsKey(code);
    }

    /** A level of authority: "cấp tỉnh", "provincial level". */
    public Name level(AuthorityLevel level) {
        return tables.get(LEVELS).get(level.name());
    }

    /**
     * A decision by its code or legal basis: "Quyết định 148/QĐ-TTg". A decision's number the table does not
     * know ("1392/QĐ-UBND") reads "Quyết định 1392/QĐ-UBND", "Decision 1392/QĐ-UBND"; anything else as itself.
     */
    public Name decision(String codeOrBasis) {
        Name name = tables.get(DECISIONS).get(codeOrBasis);
        if (name != null) {
            return name;
        }
        return DECISION_NUMBER.matcher(codeOrBasis).matches()
                ? new Name("Quyết định " + codeOrBasis, "Decision " + codeOrBasis)
                : new Name(codeOrBasis, codeOrBasis);
    }

    private static final Pattern DECISION_NUMBER = Pattern.compile("\\d+(/\\d{4})?/QĐ-[\\p{L}-]+");
}
