package com.syncdesk.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the parts of SQL definitions SyncDesk needs to carry other clients' objects through a table
 * rebuild: the items of a CREATE TABLE statement (column definitions and table constraints, split at
 * commas outside quotes, brackets and parentheses) and the names they define.
 */
final class SqlDefinitions {

    private static final Set<String> CONSTRAINT_WORDS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    private SqlDefinitions() {
    }

    /** The top-level items between the outermost parentheses of a CREATE TABLE statement, stripped. */
    static List<String> tableItems(String createTable) {
        return itemSpans(createTable).stream().map(span -> createTable.substring(span[0], span[1]).strip()).toList();
    }

    /** The CREATE TABLE statement with {@code definitions} added after its last column definition, before its table constraints. */
    static String withColumns(String createTable, List<String> definitions) {
        if (definitions.isEmpty()) {
            return createTable;
        }
        int end = -1;
        for (int[] span : itemSpans(createTable)) {
            if (!isTableConstraint(createTable.substring(span[0], span[1]).strip())) {
                end = span[1];
            }
        }
        if (end < 0) {
            throw new IllegalArgumentException("This CREATE TABLE defines no column: " + createTable);
        }
        String trimmedEnd = createTable.substring(0, end).stripTrailing();
        return trimmedEnd + definitions.stream().map(definition -> ",\n    " + definition).reduce("", String::concat)
                + createTable.substring(trimmedEnd.length());
    }

    /** Start and end offsets of each top-level item of a CREATE TABLE statement. */
    private static List<int[]> itemSpans(String createTable) {
        int open = indexOutsideQuotes(createTable, '(');
        if (open < 0) {
            throw new IllegalArgumentException("Not a CREATE TABLE with a column list: " + createTable);
        }
        List<int[]> spans = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < createTable.length(); i++) {
            char c = createTable.charAt(i);
            if (isQuote(c)) {
                i = closingQuote(createTable, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == ')' || (c == ',' && depth == 0)) {
                spans.add(new int[] {start, i});
                start = i + 1;
                if (c == ')') {
                    return spans;
                }
            }
        }
        throw new IllegalArgumentException("The column list of this CREATE TABLE is not closed: " + createTable);
    }

    /** True for a table constraint, false for a column definition. */
    static boolean isTableConstraint(String item) {
        String first = item.split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
        return CONSTRAINT_WORDS.contains(first);
    }

    /** The name an item starts with, unquoted: a column definition's column name. */
    static String leadingName(String item) {
        char first = item.charAt(0);
        if (isQuote(first)) {
            int end = closingQuote(item, 0);
            String quote = first == '[' ? "]" : String.valueOf(first);
            return item.substring(1, end).replace(quote + quote, quote);
        }
        return item.split("[\\s(]", 2)[0];
    }

    /** Quoted for SQLite and PostgreSQL alike, whatever characters the name holds. */
    static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** True when {@code sql} names {@code word} as a whole identifier, quoted or not, in any case. */
    static boolean mentions(String sql, String word) {
        return Pattern.compile("(?<![\\w$])[\"`\\[]?" + Pattern.quote(word) + "[\"`\\]]?(?![\\w$])", Pattern.CASE_INSENSITIVE)
                .matcher(sql).find();
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"' || c == '`' || c == '[';
    }

    /** The index of the quote closing the one at {@code open}; doubled quotes stay inside. */
    private static int closingQuote(String sql, int open) {
        char close = sql.charAt(open) == '[' ? ']' : sql.charAt(open);
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException("An unclosed quote in: " + sql);
    }

    private static int indexOutsideQuotes(String sql, char wanted) {
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == wanted) {
                return i;
            }
            if (isQuote(c)) {
                i = closingQuote(sql, i);
            }
        }
        return -1;
    }
}
