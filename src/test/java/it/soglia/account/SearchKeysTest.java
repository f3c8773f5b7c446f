package it.soglia.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The search index never misses an account that contains the searched text, and narrows the rest away. */
class SearchKeysTest {

    private static final String MARIO = Account.searchTextOf("Mario.Rossi.50007", "Mario Rossi", "m.rossi@example.test");

    /** Whether an account with this search text is among those the index reads for {@code searched}. */
    private static boolean indexFinds(String searchText, String searched) {
        var ranges = SearchKeys.rangesFor(searched);
        assertThat(ranges).as("ranges of %s", searched).isNotEmpty();
        Set<Long> keys = SearchKeys.of(searchText);
        return ranges.stream().allMatch(range -> keys.stream().anyMatch(key -> key >= range.low() && key <= range.high()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"mario", "ario", "ossi", "ssi", "rossi.500", "mario.ro", "o.rossi.50007 mario r",
            "50007", "007", "example.test", "xample", "ample.te", "@example", "m.rossi@"})
    void everyPartOfTheTextOfThreeOrMoreLettersIsFound(String searched) {
        assertThat(MARIO).contains(searched);
        assertThat(indexFinds(MARIO, searched)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"bianchi", "rossa", "marion", "50008", "examples", "mar1o"})
    void textsThatAreNotThereAreNarrowedAway(String searched) {
        assertThat(indexFinds(MARIO, searched)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "ro", "m.", "%", "_", " . ", "a_b", "de.lu"})
    void textsWithoutAWordOfThreeLettersHaveNoRange(String searched) {
        assertThat(SearchKeys.rangesFor(searched)).isEmpty();
    }

    @Test
    void theWordsOfThreeOrMoreLettersAreLookedUpLongestFirstAndAtMostFour() {
        assertThat(SearchKeys.rangesFor("de.lu.ann.rossi.ann")).containsExactly(
                SearchKeys.rangesFor("rossi").get(0), SearchKeys.rangesFor("ann").get(0));
        assertThat(SearchKeys.rangesFor("aaa bbbb ccccc dddddd eeeeeee")).hasSize(4)
                .doesNotContain(SearchKeys.rangesFor("aaa").get(0));
    }

    @Test
    void wordsLongerThanAKeyAreFoundByTheirFirstCharacters() {
        String text = Account.searchTextOf("p.c", "Precipitevolissimevolmente", null);
        assertThat(indexFinds(text, "precipitevolissimevolmente")).isTrue();
        assertThat(indexFinds(text, "volissimevolmen")).isTrue();
        assertThat(indexFinds(text, "mevolmente")).isTrue();
        assertThat(indexFinds(text, "precipitevolissimevolmentemente")).isTrue(); // the LIKE then says no
    }

    @Test
    void lettersBeyondAsciiAreFoundToo() {
        String text = Account.searchTextOf("nicolo", "Nicolò Ñúñez Þórsdóttir Łukasz 李小龍", "nicolò@esempio.it");
        for (String searched : new String[] {"nicolò", "colò", "ñúñez", "úñe", "þórs", "dóttir", "łuk", "李小龍"}) {
            assertThat(text).contains(searched);
            assertThat(indexFinds(text, searched)).as(searched).isTrue();
        }
    }

    @Test
    void wordsShorterThanThreeLettersGiveNoKeys() {
        assertThat(SearchKeys.of("al bo")).isEmpty();
        assertThat(SearchKeys.of("ada")).hasSize(1);
        assertThat(SearchKeys.of("mario mario")).hasSize(3); // mario, ario, rio: once each
    }

    @Test
    void keysFitInAPositiveLong() {
        Set<Long> keys = SearchKeys.of("zzzzzzzzzzzzzzzz ÿÿÿÿÿÿÿÿÿÿÿÿ 9999999999999");
        assertThat(keys).allMatch(key -> key > 0);
        assertThat(SearchKeys.rangesFor("ÿÿÿ").get(0).high()).isPositive();
    }
}
