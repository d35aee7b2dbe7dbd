package vn.ocop.query.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays a {@link PrintedDocument} out as an A4 PDF. The text is set in Liberation Sans, the font PDFBox carries,
 * embedded (subset) so that every Vietnamese letter prints and extracts back as written; tables wrap their cells
 * and run on to further pages.
 */
public final class PdfDocuments {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 40;
    private static final float TEXT = 9;
    private static final float LEADING = 1.3f;
    private static final float PADDING = 3;

    private PdfDocuments() {
    }

    public static byte[] render(PrintedDocument document) {
        try (PDDocument pdf = new PDDocument(); InputStream fontFile = PdfDocuments.class.getResourceAsStream(FONT);
             ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(pdf, fontFile, true);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(document.title());
            info.setCreator("OCOP");
            try (Layout layout = new Layout(pdf, font)) {
                layout.paragraph(document.title(), 14);
                if (document.subtitle() != null) {
                    layout.paragraph(document.subtitle(), 10);
                }
                layout.gap(6);
                for (PrintedDocument.Fact fact : document.facts()) {
                    layout.paragraph(fact.label() + ": " + (fact.value() == null ? "—" : fact.value()), TEXT + 1);
                }
                for (PrintedDocument.Table table : document.tables()) {
                    layout.gap(8);
                    layout.paragraph(table.caption(), TEXT + 2);
                    layout.table(table);
                }
                layout.gap(10);
                for (String line : document.closing()) {
                    layout.paragraph(line, TEXT + 1);
                }
            }
            pdf.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
    }

    /** A cursor down the pages: starts a page when the next block does not fit. */
    private static final class Layout implements AutoCloseable {

        private final PDDocument pdf;
        private final PDType0Font font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private final Map<Integer, Boolean> printable = new HashMap<>();
        private PDPageContentStream page;
        private float y;

        Layout(PDDocument pdf, PDType0Font font) throws IOException {
            this.pdf = pdf;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PDRectangle.A4);
            pdf.addPage(next);
            page = new PDPageContentStream(pdf, next);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void room(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float points) {
            y -= points;
        }

        void paragraph(String text, float size) throws IOException {
            for (String line : wrap(text, size, width)) {
                room(size * LEADING);
                y -= size * LEADING;
                write(line, MARGIN, y, size);
            }
        }

        void table(PrintedDocument.Table table) throws IOException {
            int total = table.widths().stream().mapToInt(Integer::intValue).sum();
            float[] columns = new float[table.widths().size()];
            for (int column = 0; column < columns.length; column++) {
                columns[column] = width * table.widths().get(column) / total;
            }
            row(table.headers(), columns, true, false);
            for (int index = 0; index < table.rows().size(); index++) {
                row(table.rows().get(index), columns, false, table.highlighted().contains(index));
            }
        }

        private void row(List<String> cells, float[] columns, boolean header, boolean highlighted) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int column = 0; column < columns.length; column++) {
                List<String> cell = wrap(cells.get(column), TEXT, columns[column] - 2 * PADDING);
                wrapped.add(cell);
                lines = Math.max(lines, cell.size());
            }
            float height = lines * TEXT * LEADING + 2 * PADDING;
            room(height);
            if (header || highlighted) {
                page.setNonStrokingColor(header ? 0.88f : 1f, header ? 0.88f : 0.85f, header ? 0.88f : 0.45f);
                page.addRect(MARGIN, y - height, width, height);
                page.fill();
                page.setNonStrokingColor(0f, 0f, 0f);
            }
            float x = MARGIN;
            page.setLineWidth(0.4f);
            for (int column = 0; column < columns.length; column++) {
                page.addRect(x, y - height, columns[column], height);
                float lineY = y - PADDING;
                for (String line : wrapped.get(column)) {
                    lineY -= TEXT * LEADING;
                    write(line, x + PADDING, lineY + TEXT * (LEADING - 1), TEXT);
                }
                x += columns[column];
            }
            page.stroke();
            y -= height;
        }

        private void write(String text, float x, float atY, float size) throws IOException {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, atY);
            page.showText(printable(text));
            page.endText();
        }

        /** The text with any character the font has no glyph for shown as "?", rather than failing the page. */
        private String printable(String text) {
            StringBuilder shown = new StringBuilder(text.length());
            text.codePoints().forEach(codePoint -> {
                String character = new String(Character.toChars(codePoint));
                boolean known = printable.computeIfAbsent(codePoint, unknown -> {
                    try {
                        font.encode(character);
                        return true;
                    } catch (IOException | IllegalArgumentException noGlyph) {
                        return false;
                    }
                });
                shown.append(known ? character : "?");
            });
            return shown.toString();
        }

        /** The text broken at spaces into lines no wider than {@code room}; a word longer than a line is cut. */
        private List<String> wrap(String text, float size, float room) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : (text == null ? "" : text).split("\n")) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" ")) {
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (widthOf(candidate, size) <= room) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    String rest = word;
                    while (widthOf(rest, size) > room && rest.length() > 1) {
                        int cut = rest.length() - 1;
                        while (cut > 1 && widthOf(rest.substring(0, cut), size) > room) {
                            cut--;
                        }
                        lines.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                }
                lines.add(line.toString());
            }
            return lines;
        }

        private float widthOf(String text, float size) throws IOException {
            return font.getStringWidth(printable(text)) / 1000 * size;
        }

        @Override
        public void close() throws IOException {
            page.close();
        }
    }
}
