package vn.ocop.query.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Lays a {@link PrintedDocument} out as one worksheet: title and facts above, each table under its caption, the
 * closing lines below. The tables' point columns are stored as numbers, so that a council's points can be summed
 * in the sheet.
 */
public final class XlsxDocuments {

    /** A table's columns share about this many characters, as its relative widths say, within these bounds. */
    private static final int LINE = 120;
    private static final int MINIMUM_WIDTH = 8;
    private static final int MAXIMUM_WIDTH = 60;

    private XlsxDocuments() {
    }

    public static byte[] render(PrintedDocument document) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("OCOP");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle marked = workbook.createCellStyle();
            marked.setFillForegroundColor(IndexedColors.LIGHT_ORANGE.getIndex());
            marked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            int index = 0;
            cells(sheet.createRow(index++), List.of(document.title()), Set.of(), bold);
            if (document.subtitle() != null) {
                cells(sheet.createRow(index++), List.of(document.subtitle()), Set.of(), null);
            }
            for (PrintedDocument.Fact fact : document.facts()) {
                cells(sheet.createRow(index++), List.of(fact.label(), fact.value() == null ? "—" : fact.value()),
                        Set.of(), null);
            }
            int[] characters = new int[64];
            Arrays.fill(characters, 0, 2, MINIMUM_WIDTH);
            for (PrintedDocument.Table table : document.tables()) {
                int total = table.widths().stream().mapToInt(Integer::intValue).sum();
                for (int column = 0; column < table.widths().size(); column++) {
                    characters[column] = Math.max(characters[column], Math.min(MAXIMUM_WIDTH,
                            Math.max(MINIMUM_WIDTH, LINE * table.widths().get(column) / total)));
                }
                index++;
                cells(sheet.createRow(index++), List.of(table.caption()), Set.of(), bold);
                cells(sheet.createRow(index++), table.headers(), Set.of(), bold);
                for (int row = 0; row < table.rows().size(); row++) {
                    cells(sheet.createRow(index++), table.rows().get(row), table.numberColumns(),
                            table.highlighted().contains(row) ? marked : wrapped);
                }
            }
            index++;
            for (String line : document.closing()) {
                cells(sheet.createRow(index++), List.of(line), Set.of(), null);
            }
            for (int column = 0; column < characters.length && characters[column] > 0; column++) {
                sheet.setColumnWidth(column, characters[column] * 256);
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the workbook could not be written", e);
        }
    }

    private static void cells(Row row, List<String> values, Set<Integer> numbers, CellStyle style) {
        for (int column = 0; column < values.size(); column++) {
            String value = values.get(column) == null ? "" : values.get(column);
            var cell = row.createCell(column);
            if (numbers.contains(column) && !value.isBlank()) {
                cell.setCellValue(Double.parseDouble(value));
            } else {
                cell.setCellValue(value);
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
