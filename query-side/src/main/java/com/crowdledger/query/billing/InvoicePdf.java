package com.crowdledger.query.billing;

import com.crowdledger.shared.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * An invoice as a PDF (Apache PDFBox): number, date, seller, buyer, lines, the tax-free total and its currency. It
 * uses the PDF standard fonts, which need no font files; a character they cannot show (outside Windows-1252) is
 * printed as {@code ?}.
 */
final class InvoicePdf {
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float MARGIN = 56;
    private static final float LEADING = 16;

    /** One line of an invoice. */
    record Line(String description, int quantity, Money unitPrice) {
        Money amount() {
            return unitPrice.times(quantity);
        }
    }

    record Invoice(String number, LocalDate date, String sellerName, List<String> sellerAddress, String buyerName,
                   String buyerEmail, String buyerAccountId, List<Line> lines) {
        Money total() {
            return lines.stream().map(Line::amount).reduce(Money::plus).orElseThrow();
        }
    }

    private InvoicePdf() {
    }

    static byte[] render(Invoice invoice) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Invoice " + invoice.number());
            info.setAuthor(invoice.sellerName());
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setLeading(LEADING);
                content.newLineAtOffset(MARGIN, page.getMediaBox().getHeight() - MARGIN);
                write(content, BOLD, 20, "Invoice " + invoice.number());
                write(content, REGULAR, 11, "Date: " + invoice.date());
                content.newLine();
                write(content, BOLD, 11, "Seller");
                write(content, REGULAR, 11, invoice.sellerName());
                for (String line : invoice.sellerAddress()) {
                    write(content, REGULAR, 11, line);
                }
                content.newLine();
                write(content, BOLD, 11, "Buyer");
                write(content, REGULAR, 11, invoice.buyerName());
                write(content, REGULAR, 11, invoice.buyerEmail());
                write(content, REGULAR, 11, "Account " + invoice.buyerAccountId());
                content.newLine();
                write(content, BOLD, 11, "Description | Quantity | Unit price | Amount");
                for (Line line : invoice.lines()) {
                    write(content, REGULAR, 11, line.description() + " | " + line.quantity() + " | "
                            + line.unitPrice() + " | " + line.amount());
                }
                content.newLine();
                Money total = invoice.total();
                write(content, BOLD, 12, "Total (tax-free): " + total.amount().toPlainString() + " "
                        + total.currency());
                write(content, REGULAR, 9, "Currency: " + total.currency() + ". No tax is charged on prepaid credit.");
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render invoice " + invoice.number(), e);
        }
    }

    private static void write(PDPageContentStream content, PDType1Font font, float size, String text)
            throws IOException {
        content.setFont(font, size);
        content.showText(printable(font, text));
        content.newLine();
    }

    /** The text with each character the font cannot encode (and every control character) replaced. */
    static String printable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder();
        List<Integer> codePoints = new ArrayList<>();
        text.codePoints().forEach(codePoints::add);
        for (int codePoint : codePoints) {
            String character = Character.toString(codePoint);
            out.append(Character.isISOControl(codePoint) || !encodable(font, character) ? "?" : character);
        }
        return out.toString();
    }

    private static boolean encodable(PDType1Font font, String character) {
        try {
            font.encode(character);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
