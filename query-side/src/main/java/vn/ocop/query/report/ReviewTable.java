package vn.ocop.query.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The annual review as a table of (section, indicator, value) rows with Vietnamese labels, written as CSV
 * (UTF-8 with a byte-order mark, so spreadsheet programs keep the diacritics) or XLSX.
 */
final class ReviewTable {

    static final String[] HEADER = {"Mục", "Chỉ tiêu", "Giá trị"};

    record Line(String section, String indicator, Object value) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final String title;

    private ReviewTable(String title) {
        this.title = title;
    }

    static ReviewTable of(AnnualReview review) {
        ReviewTable table = new ReviewTable("Tổng kết năm " + review.year());
        table.addYear(review, "");
        return table;
    }

    /** The phase's totals, then each year's review with its sections prefixed by the year. */
    static ReviewTable of(PhaseSummary phase) {
        ReviewTable table = new ReviewTable("Tổng kết giai đoạn " + phase.fromYear() + "–" + phase.toYear());
        String whole = "Cả giai đoạn " + phase.fromYear() + "–" + phase.toYear();
        table.add(whole, "Công nhận mới", phase.newRecognitions());
        phase.newRecognitionsByStars().forEach((stars, count) -> table.add(whole, "Công nhận mới — " + stars + " sao",
                count));
        table.add(whole, "Nâng hạng", phase.upgrades());
        table.add(whole, "Công nhận lại", phase.reRecognitions());
        table.add(whole, "Hết hiệu lực", phase.expiries());
        table.add(whole, "Thu hồi", phase.revocations());
        table.add(whole, "Còn hiệu lực đầu giai đoạn", phase.validAtStart());
        table.add(whole, "Còn hiệu lực cuối giai đoạn", phase.validAtEnd());
        addAll(table, whole + " — hỗ trợ theo nguồn vốn (đồng)", phase.supportCommittedBySource());
        phase.years().forEach(review -> table.addYear(review, "Năm " + review.year() + " — "));
        return table;
    }

    private void addYear(AnnualReview review, String prefix) {
        ReviewTable table = this;
        String recognitions = prefix + "Công nhận mới";
        table.add(recognitions, "Tổng số", review.newRecognitions());
        review.newRecognitionsByStars().forEach((stars, count) -> table.add(recognitions, stars + " sao", count));
        review.newRecognitionsByGroup().forEach((group, count) -> table.add(recognitions, "Nhóm " + group, count));
        String changes = prefix + "Nâng hạng, công nhận lại, hết hạn, thu hồi";
        table.add(changes, "Nâng hạng", review.upgrades());
        table.add(changes, "Công nhận lại", review.reRecognitions());
        table.add(changes, "Hết hiệu lực", review.expiries());
        table.add(changes, "Thu hồi", review.revocations());
        review.revocationsByReason().forEach((reason, count) -> table.add(changes, "Thu hồi — " + reason, count));
        String valid = prefix + "Sản phẩm còn hiệu lực";
        table.add(valid, "Cuối năm trước", review.validAtPreviousYearEnd());
        table.add(valid, "Cuối năm", review.validAtYearEnd());
        review.validAtYearEndByStars().forEach((stars, count) -> table.add(valid, "Cuối năm — " + stars + " sao",
                count));
        review.subjectsByLegalForm().forEach((form, count) -> table.add(prefix + "Chủ thể theo loại hình", form,
                count));
        addAll(table, prefix + "Hỗ trợ theo nội dung (đồng)", review.supportCommittedByKind());
        addAll(table, prefix + "Hỗ trợ theo nguồn vốn (đồng)", review.supportCommittedBySource());
        addAll(table, prefix + "Đã giải ngân theo nguồn vốn (đồng)", review.supportDisbursedBySource());
        review.districtsWithSupportedProducts().forEach(name -> table.add(prefix + "Huyện có sản phẩm được hỗ trợ",
                name, 1));
        review.districtsWithoutSupportedProducts().forEach(name -> table.add(
                prefix + "Huyện chưa có sản phẩm được hỗ trợ", name, 0));
        review.planProgress().forEach(measure -> {
            table.add(prefix + "Tiến độ kế hoạch — " + measure.planTitle(), measure.measure() + " (mục tiêu)",
                    measure.target());
            table.add(prefix + "Tiến độ kế hoạch — " + measure.planTitle(), measure.measure() + " (đạt)",
                    measure.achieved());
        });
    }

    private static void addAll(ReviewTable table, String section, Map<String, Long> values) {
        values.forEach((key, value) -> table.add(section, key, value));
    }

    private void add(String section, String indicator, Object value) {
        lines.add(new Line(section, indicator, value));
    }

    List<Line> lines() {
        return lines;
    }

    byte[] csv() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (Line line : lines) {
                printer.printRecord(line.section(), line.indicator(), line.value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(title);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int column = 0; column < HEADER.length; column++) {
                header.createCell(column).setCellValue(HEADER[column]);
                header.getCell(column).setCellStyle(bold);
            }
            int index = 1;
            for (Line line : lines) {
                Row row = sheet.createRow(index++);
                row.createCell(0).setCellValue(line.section());
                row.createCell(1).setCellValue(line.indicator());
                if (line.value() instanceof Number number) {
                    row.createCell(2).setCellValue(number.doubleValue());
                } else {
                    row.createCell(2).setCellValue(String.valueOf(line.value()));
                }
            }
            for (int column = 0; column < HEADER.length; column++) {
                sheet.autoSizeColumn(column);
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
