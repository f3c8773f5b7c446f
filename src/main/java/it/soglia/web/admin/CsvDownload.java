package it.soglia.web.admin;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Streams a CSV file as the answer to a Faces POST, page by page, so an export of many rows never holds them all in
 * memory. Cells that a spreadsheet would run as a formula are defused with a leading apostrophe (CSV injection):
 * those starting with {@code = + - @}, their full-width forms (which spreadsheets fold to the ASCII ones), a tab or a
 * line break, also after leading whitespace such as a no-break space, which spreadsheets skip before a formula.
 */
final class CsvDownload {

    static final int PAGE = 200;

    private CsvDownload() {
    }

    /**
     * @param nextPage the rows that follow those written, at most {@link #PAGE} (see {@link #after}); an empty page
     *                 ends the file
     * @param cells    the cells of a row, as written
     */
    static <T> void send(String fileName, List<String> header, Supplier<List<T>> nextPage,
                         Function<T, List<String>> cells) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        try {
            Writer out = new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8);
            out.write('\uFEFF'); // so that spreadsheet programs read UTF-8
            write(out, header);
            for (List<T> rows = nextPage.get(); !rows.isEmpty(); rows = nextPage.get()) {
                for (T row : rows) {
                    write(out, cells.apply(row));
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /**
     * Keyset paging: each page is asked for as the rows after the last one written (null: the first rows), so the
     * thousandth page costs what the first does, where an OFFSET reads again every row before it.
     */
    static <T> Supplier<List<T>> after(Function<T, List<T>> pageAfter) {
        return new Supplier<>() {
            private T last;

            @Override
            public List<T> get() {
                List<T> rows = pageAfter.apply(last);
                last = rows.isEmpty() ? last : rows.get(rows.size() - 1);
                return rows;
            }
        };
    }

    /** Pages of {@code ids} (already in the file's order), each read with {@code rows}. */
    static <T> Supplier<List<T>> byIds(List<Long> ids, Function<List<Long>, List<T>> rows) {
        Iterator<Long> each = ids.iterator();
        return () -> {
            List<T> found = List.of();
            while (found.isEmpty() && each.hasNext()) { // a page whose rows were all deleted meanwhile is no end
                List<Long> page = new ArrayList<>(PAGE);
                while (page.size() < PAGE && each.hasNext()) {
                    page.add(each.next());
                }
                found = rows.apply(page);
            }
            return found;
        };
    }

    private static void write(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** What a spreadsheet may read as the start of a formula: ASCII and full-width = + - @, tab, CR, LF. */
    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = startsLikeAFormula(value) ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** After any leading whitespace (spaces, no-break spaces, ideographic spaces …), a formula start. */
    private static boolean startsLikeAFormula(String value) {
        int i = 0;
        while (i < value.length()) {
            int c = value.codePointAt(i);
            if (FORMULA_STARTS.indexOf(c) >= 0) {
                return true;
            }
            if (!isBlank(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static boolean isBlank(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }
}
