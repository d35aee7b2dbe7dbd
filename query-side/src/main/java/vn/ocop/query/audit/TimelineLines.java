package vn.ocop.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Renders an event as a line a person reads, in Vietnamese and English, from the templates in
 * {@code timeline-lines.json}: {path} takes a payload value; dates read dd/MM/yyyy in Vietnamese.
 */
@Component
class TimelineLines {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z.]+)}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JsonNode lines;

    TimelineLines(ObjectMapper json) {
        try (InputStream in = TimelineLines.class.getResourceAsStream("/vn/ocop/query/audit/timeline-lines.json")) {
            this.lines = json.readTree(in).get("lines");
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable timeline lines", e);
        }
    }

    /** The line for an event of type {@code type} with {@code payload}, in {@code language} ("vi" or "en"). */
    String render(String type, JsonNode payload, String language) {
        JsonNode template = lines.path(type).path(language);
        if (template.isMissingNode()) {
            return type;
        }
        Matcher placeholder = PLACEHOLDER.matcher(template.asText());
        StringBuilder line = new StringBuilder();
        while (placeholder.find()) {
            JsonNode value = payload.at("/" + placeholder.group(1).replace('.', '/'));
            String text = value.isMissingNode() || value.isNull() ? "—" : value.asText();
            if (language.equals("vi") && ISO_DATE.matcher(text).matches()) {
                text = LocalDate.parse(text).format(VIETNAMESE_DATE);
            }
            placeholder.appendReplacement(line, Matcher.quoteReplacement(text));
        }
        placeholder.appendTail(line);
        return line.toString();
    }
}
