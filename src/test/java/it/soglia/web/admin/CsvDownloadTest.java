package it.soglia.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cells a spreadsheet would run as a formula are written with a leading apostrophe; others as they are. */
class CsvDownloadTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1",
            "\u00A0=HYPERLINK(\"http://x\")", " =1", "   +1", "\u3000@A1", "\u2007-1", "\uFEFF=1",
            "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)", "\u00A0\uFF1D1"})
    void formulaStartsAreDefused(String value) {
        assertThat(CsvDownload.cell(value)).isEqualTo("\"'" + value.replace("\"", "\"\"") + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mario.rossi", "Mario Rossi", " Mario", "\u00A0Mario", "1-2", "a=b", "mario@example.test",
            "", "   "})
    void otherCellsAreKeptAsTheyAre(String value) {
        assertThat(CsvDownload.cell(value)).isEqualTo("\"" + value + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"say \"hi\"", "=\"x\""})
    void quotesAreDoubled(String value) {
        assertThat(CsvDownload.cell(value)).contains("\"\"");
    }
}
