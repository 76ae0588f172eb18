package com.syncdesk.ui.conflicts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff (longest common subsequence) between a reference text and a shown text, so the
 * dialog can mark inside a long summary or goal exactly which words one side changed.
 */
public final class WordDiff {

    /** How a run of the shown text relates to the reference. */
    public enum Kind { SAME, ADDED, REMOVED }

    public record Segment(Kind kind, String text) {
    }

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    /** Beyond this many words the quadratic table costs more than the highlight is worth; the text is then marked as a whole. */
    private static final int MAX_WORDS = 2_000;

    private WordDiff() {
    }

    /** The shown text as runs, with the reference's words it dropped as REMOVED runs where they were. */
    public static List<Segment> diff(String reference, String shown) {
        List<String> a = tokens(reference);
        List<String> b = tokens(shown);
        List<Segment> segments = new ArrayList<>();
        if (a.size() > MAX_WORDS || b.size() > MAX_WORDS) {
            add(segments, reference.equals(shown) ? Kind.SAME : Kind.ADDED, shown);
            return segments;
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                add(segments, Kind.SAME, b.get(j));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                // Dropped whitespace needs no mark: the shown text's own spacing already separates its words.
                if (!isBlank(a.get(i))) {
                    add(segments, Kind.REMOVED, a.get(i));
                }
                i++;
            } else {
                // A space inside an added run stays part of it, so the highlight reads as one phrase.
                boolean joinsAdded = !segments.isEmpty() && segments.getLast().kind() == Kind.ADDED;
                add(segments, isBlank(b.get(j)) && !joinsAdded ? Kind.SAME : Kind.ADDED, b.get(j));
                j++;
            }
        }
        return segments;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static boolean isBlank(String token) {
        return token.isBlank();
    }

    /** Merges neighbouring runs of one kind; a removed run next to another keeps a space between their words. */
    private static void add(List<Segment> segments, Kind kind, String text) {
        if (!segments.isEmpty() && segments.getLast().kind() == kind) {
            Segment last = segments.removeLast();
            segments.add(new Segment(kind, last.text() + (kind == Kind.REMOVED ? " " : "") + text));
        } else {
            segments.add(new Segment(kind, text));
        }
    }
}
