package dev.scrollback.adapters.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void plain_fields_are_written_as_they_are() {
        assertThat(Csv.line(List.of("1", "LoginFailed", "alice", ""))).isEqualTo("1,LoginFailed,alice,\r\n");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_and_quotes_doubled() {
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void what_a_spreadsheet_would_run_as_a_formula_is_defused_with_an_apostrophe() {
        assertThat(Csv.field("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.field("+1+1")).isEqualTo("\"'+1+1\"");
        assertThat(Csv.field("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(Csv.field("\tcmd")).isEqualTo("\"'\tcmd\"");
        assertThat(Csv.field("a=b")).isEqualTo("a=b");
    }
}
