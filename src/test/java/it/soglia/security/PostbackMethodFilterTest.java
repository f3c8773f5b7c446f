package it.soglia.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The view state is found in a GET's query string as Faces would find it among the parameters. */
class PostbackMethodFilterTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "NULL, false",
            "'', false",
            "username=mario.rossi, false",
            "jakarta.faces.ViewState=-123:456, true",
            "username=x&jakarta.faces.ViewState=stateless&user%3Adisable=, true",
            "jakarta.faces.ViewState, true",
            "j_id1%3Ajakarta.faces.ViewState%3A0=x, false",
            "view%3Ajakarta.faces.ViewState=x, true",
            "jakarta%2Efaces%2EViewState=x, true",
            "note=jakarta.faces.ViewState, false",
            "xjakarta.faces.ViewState=1, false",
            "%zz=1&a=b, false"})
    void findsTheViewStateParameterByItsDecodedName(String queryString, boolean carries) {
        assertThat(PostbackMethodFilter.carriesViewState(queryString)).isEqualTo(carries);
    }
}
