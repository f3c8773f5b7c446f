package it.soglia.account;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys of the admins' search index (table {@code account_search_key}): what lets a search for any part of a
 * username, name or email read a few index entries instead of every account (BENCHMARKS.md, the search, fourth
 * round).
 *
 * <p>A search text is cut into words (runs of letters and digits). Every suffix of a word that is at least
 * {@link #MIN_LENGTH} characters long gives one key: its first {@link #CHARS_PER_KEY} characters packed into a
 * number, six bits a character, the first character in the highest bits. A text containing "ross" has a word with
 * a suffix that begins with "ross", so its account has a key in the number range of "ross…": a range read on a
 * B-tree index. Numbers rather than text because a text prefix ({@code LIKE 'ross%'}) uses an index on PostgreSQL
 * only under the C collation, and a number range is the same on every database.
 *
 * <p>The keys only narrow the search: characters outside a–z and 0–9 share codes and long words are cut, so an
 * account in the range may still not contain the text. The caller keeps the exact test ({@code LIKE} on
 * {@code search_text}); what the index must never do is miss an account, and it cannot: every word the text could
 * fall in has its suffixes keyed.
 */
public final class SearchKeys {

    /** Shorter pieces of text are in too many words for an index read to beat reading every account. */
    public static final int MIN_LENGTH = 3;

    /** Ten characters of six bits fill 60 bits of a positive {@code long}. */
    static final int CHARS_PER_KEY = 10;

    private static final int BITS_PER_CHAR = 6;

    private SearchKeys() {
    }

    /** The keys of an account whose search text is {@code searchText} (already in lower case). */
    public static Set<Long> of(String searchText) {
        Set<Long> keys = new HashSet<>();
        for (String word : wordsOf(searchText)) {
            int[] chars = word.codePoints().toArray();
            for (int start = 0; chars.length - start >= MIN_LENGTH; start++) {
                keys.add(pack(chars, start));
            }
        }
        return keys;
    }

    /** The range of keys an account must have to contain {@code word}, a word of the searched text. */
    public record Range(long low, long high) {
    }

    /** A searched text's words of {@link #MIN_LENGTH} or more characters read at most this many key ranges. */
    static final int MAX_RANGES = 4;

    /**
     * The key ranges to read for a searched text (lower case), one for each of its words of {@link #MIN_LENGTH} or
     * more characters, longest first (longer words are in fewer accounts), at most {@link #MAX_RANGES}. An account
     * containing the text has a key in every one. Empty when no word is long enough ("ro", "%", "._"): then no index
     * helps.
     */
    public static List<Range> rangesFor(String text) {
        return wordsOf(text).stream().distinct()
                .map(word -> word.codePoints().toArray())
                .filter(chars -> chars.length >= MIN_LENGTH)
                .sorted(java.util.Comparator.comparingInt((int[] chars) -> chars.length).reversed())
                .limit(MAX_RANGES)
                .map(SearchKeys::rangeOf)
                .toList();
    }

    private static Range rangeOf(int[] chars) {
        long low = pack(chars, 0);
        int free = Math.max(0, CHARS_PER_KEY - chars.length);
        return new Range(low, low | ((1L << (free * BITS_PER_CHAR)) - 1));
    }

    /**
     * Runs of letters and digits. A searched text that occurs in a search text has each of its own words inside
     * one word of the search text (separators match separators), so keying words is enough.
     */
    static List<String> wordsOf(String text) {
        List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** Up to ten characters from {@code start}, first in the highest bits; missing ones are 0 (sort first). */
    private static long pack(int[] chars, int start) {
        long key = 0;
        for (int i = 0; i < CHARS_PER_KEY; i++) {
            int at = start + i;
            key = (key << BITS_PER_CHAR) | (at < chars.length ? codeOf(chars[at]) : 0);
        }
        return key;
    }

    /** 1–10 digits, 11–36 a–z in order; any other letter or digit one of 37–63 (a shared code only adds candidates). */
    private static int codeOf(int c) {
        if (c >= '0' && c <= '9') {
            return 1 + c - '0';
        }
        if (c >= 'a' && c <= 'z') {
            return 11 + c - 'a';
        }
        return 37 + Math.floorMod(c, 27);
    }
}
