package vn.ocop.infra.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import vn.ocop.query.common.SearchText;

/**
 * A provincial OCOP list as rows of named cells: CSV (UTF-8, with or without a byte-order mark, comma or
 * semicolon) or the first sheet of an XLSX workbook. The first row names the columns, in Vietnamese with or
 * without diacritics ("Mã số ĐKKD", "ma so dkkd") or by their keys ({@code ma_so_dkkd}); row numbers are those a
 * spreadsheet shows, the header being row 1.
 */
final class RegisterFile {

    /** One data row: its number in the file and its cells by column key (blank cells left out). */
    record Line(int number, Map<String, String> cells) {
    }

    /** The file's column keys, in order, and its data rows. */
    record Content(List<String> columns, List<Line> lines) {
    }

    /** Raised for a file that cannot be read as a list at all. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private RegisterFile() {
    }

    static Content read(byte[] bytes) {
        return isZip(bytes) ? xlsx(bytes) : csv(bytes);
    }

    /** A column heading as its key: no diacritics, lower case, words joined by underscores. */
    static String key(String heading) {
        return SearchText.of(heading == null ? "" : heading.replace('_', ' ')).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    private static Content csv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .get().parse(new StringReader(text))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                return new Content(List.of(), List.of());
            }
            List<String> columns = records.get(0).stream().map(RegisterFile::key).toList();
            List<Line> lines = new ArrayList<>();
            for (int index = 1; index < records.size(); index++) {
                List<String> values = records.get(index).toList();
                lines.add(line(index + 1, columns, values));
            }
            return new Content(columns, lines.stream().filter(line -> !line.cells().isEmpty()).toList());
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("not a CSV file: " + e.getMessage(), e);
        }
    }

    private static Content xlsx(byte[] bytes) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<String> columns = new ArrayList<>();
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                for (int column = 0; column < Math.max(row.getLastCellNum(), columns.size()); column++) {
                    values.add(text(row.getCell(column), formatter));
                }
                if (columns.isEmpty()) {
                    values.forEach(heading -> columns.add(key(heading)));
                } else {
                    Line line = line(row.getRowNum() + 1, columns, values);
                    if (!line.cells().isEmpty()) {
                        lines.add(line);
                    }
                }
            }
            return new Content(columns, lines);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("not an XLSX workbook: " + e.getMessage(), e);
        }
    }

    /** A cell as text; a date cell as yyyy-MM-dd, a whole number without decimals. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            double value = cell.getNumericCellValue();
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Double.toString(value);
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static Line line(int number, List<String> columns, List<String> values) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int column = 0; column < Math.min(columns.size(), values.size()); column++) {
            String value = values.get(column) == null ? "" : values.get(column).strip();
            if (!value.isEmpty() && !columns.get(column).isEmpty()) {
                cells.put(columns.get(column), value);
            }
        }
        return new Line(number, cells);
    }
}
