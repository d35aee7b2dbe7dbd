package vn.ocop.query.document;

import java.util.List;
import java.util.Set;

/**
 * A document an officer prints or attaches, independent of its format: a title, the facts it is about, its tables
 * and its closing lines (signatures, notes). {@link PdfDocuments} and {@link XlsxDocuments} lay it out.
 *
 * @param fileName the download's name without extension, in ASCII
 */
public record PrintedDocument(String fileName, String title, String subtitle, List<Fact> facts, List<Table> tables,
                              List<String> closing) {

    /** One labelled fact: "Tên sản phẩm: Sâm Ngọc Linh". */
    public record Fact(String label, String value) {
    }

    /**
     * A table with a caption; {@code highlighted} are the indexes of rows to mark (the criterion that held a
     * rating below its band); {@code widths} are the columns' relative widths; {@code numberColumns} hold points
     * (a spreadsheet stores them as numbers).
     */
    public record Table(String caption, List<String> headers, List<Integer> widths, Set<Integer> numberColumns,
                        List<List<String>> rows, Set<Integer> highlighted) {

        public Table {
            if (headers.size() != widths.size() || rows.stream().anyMatch(row -> row.size() != headers.size())) {
                throw new IllegalArgumentException("every row of '" + caption + "' has one cell per column");
            }
        }
    }
}
