package vn.ocop.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.ocop.events.product.CouncilAnswers;
import vn.ocop.events.product.MinimumNotMet;
import vn.ocop.reference.OfficialNames;
import vn.ocop.reference.ScoringSheets;

/**
 * Renders an event as a line a person reads, in Vietnamese and English, from the templates in
 * {@code timeline-lines.json}: {path} takes a payload value, dates reading dd/MM/yyyy in Vietnamese;
 * {path|table} takes the value's name from that table of {@link OfficialNames} ("cấp tỉnh" for
 * {@code PROVINCE}), so that no stored code reaches a reader.
 */
@Component
class TimelineLines {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z.]+)(?:\\|([A-Za-z]+))?}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final TypeReference<List<MinimumNotMet>> MINIMUMS_NOT_MET = new TypeReference<>() { };

    private final ObjectMapper json;
    private final JsonNode lines;
    private final OfficialNames names = OfficialNames.bundled();
    private final ScoringSheets sheets = ScoringSheets.bundled();

    TimelineLines(ObjectMapper json) {
        this.json = json;
        try (InputStream in = TimelineLines.class.getResourceAsStream("/vn/ocop/query/audit/timeline-lines.json")) {
            this.lines = json.readTree(in).get("lines");
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable timeline lines", e);
        }
    }

    /**
     * A value as a reader writes it: points with two decimals, amounts of đồng with thousands separators — a
     * comma and dots in Vietnamese ("80,00"; "500.000.000"), a point and commas in English.
     */
    private static String number(String path, JsonNode value, String language) {
        if (value.isFloatingPointNumber()) {
            String points = value.decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
            return language.equals("vi") ? points.replace('.', ',') : points;
        }
        if (value.isIntegralNumber() && path.toLowerCase(Locale.ROOT).endsWith("amount")) {
            String grouped = String.format(Locale.ROOT, "%,d", value.longValue());
            return language.equals("vi") ? grouped.replace(',', '.') : grouped;
        }
        return value.asText();
    }

    /**
     * The line for an event of type {@code type} with {@code payload}, in {@code language} ("vi" or "en"). An
     * evaluation held below its score's band by the mandatory minimums names each criterion that held it.
     */
    String render(String type, JsonNode payload, String language) {
        String line = fill(type, payload, language);
        if (type.equals("ProductEvaluated")) {
            line += cappedBy(payload, language);
        }
        return line;
    }

    /** One clause per criterion that held the rating below its band ({@link CouncilAnswers#cappedBy}). */
    private String cappedBy(JsonNode evaluation, String language) {
        JsonNode stars = evaluation.path("stars");
        List<String> capping = CouncilAnswers.cappedBy(stars.isInt() ? stars.asInt() : null,
                evaluation.path("scoreBand").asInt(), evaluation.path("minimumsMetUpTo").asInt(),
                evaluation.path("minimumsNotMet").isArray()
                        ? json.convertValue(evaluation.get("minimumsNotMet"), MINIMUMS_NOT_MET) : null);
        int barred = evaluation.path("minimumsMetUpTo").asInt() + 1;
        StringBuilder clauses = new StringBuilder();
        for (String criterion : capping) {
            String name = sheets.sheet(evaluation.path("productSetCode").asText())
                    .flatMap(sheet -> sheet.criterion(criterion))
                    .map(ScoringSheets.Criterion::name)
                    .orElse(criterion);
            ObjectNode clause = JsonNodeFactory.instance.objectNode()
                    .put("minimumsMetUpTo", barred - 1).put("criterion", criterion).put("name", name)
                    .put("barred", barred);
            clauses.append(fill("ProductEvaluated.cappedBy", clause, language));
        }
        return clauses.toString();
    }

    private String fill(String type, JsonNode payload, String language) {
        JsonNode template = lines.path(type).path(language);
        if (template.isMissingNode()) {
            return type;
        }
        Matcher placeholder = PLACEHOLDER.matcher(template.asText());
        StringBuilder line = new StringBuilder();
        while (placeholder.find()) {
            JsonNode value = payload.at("/" + placeholder.group(1).replace('.', '/'));
            String text = value.isMissingNode() || value.isNull() ? "—" : number(placeholder.group(1), value, language);
            if (placeholder.group(2) != null && !text.equals("—")) {
                text = names.name(placeholder.group(2), text, language);
            } else if (language.equals("vi") && ISO_DATE.matcher(text).matches()) {
                text = LocalDate.parse(text).format(VIETNAMESE_DATE);
            }
            placeholder.appendReplacement(line, Matcher.quoteReplacement(text));
        }
        placeholder.appendTail(line);
        return line.toString();
    }
}
