package com.syncdesk.migration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table rebuild in a SQLite undo script, the way SQLite's documentation describes it: create
 * {@code T_rebuild}, copy the kept columns into it, drop {@code T}, rename {@code T_rebuild} to {@code T},
 * recreate the indexes. The positions are indexes into the script's statements.
 */
record SqliteRebuild(String table, int create, int insert, int drop, int rename) {

    private static final Pattern CREATE = Pattern.compile("^CREATE TABLE (\\w+)_rebuild\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT = Pattern.compile("^INSERT INTO (\\w+)_rebuild\\s*\\(([^)]*)\\)\\s*SELECT\\s+(.*?)\\s+FROM\\s+(\\w+)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    SqliteRebuild {
        if (!(create < insert && insert < drop && drop < rename)) {
            throw new IllegalStateException("The rebuild of " + table + " in an undo script must create, copy, drop and rename in that order");
        }
    }

    /** Every rebuild in the statements; a script that starts one and does not finish it is a defect of this SyncDesk. */
    static List<SqliteRebuild> in(List<String> statements) {
        List<SqliteRebuild> rebuilds = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Matcher create = CREATE.matcher(statements.get(i));
            if (create.find()) {
                String table = create.group(1);
                rebuilds.add(new SqliteRebuild(table, i,
                        find(statements, i, table, s -> INSERT.matcher(s).matches() && s.toLowerCase(Locale.ROOT).startsWith(
                                "insert into " + table.toLowerCase(Locale.ROOT) + "_rebuild")),
                        find(statements, i, table, s -> s.equalsIgnoreCase("DROP TABLE " + table)),
                        find(statements, i, table, s -> s.equalsIgnoreCase("ALTER TABLE " + table + "_rebuild RENAME TO " + table))));
            }
        }
        return List.copyOf(rebuilds);
    }

    /** The columns the copy carries, as the INSERT names them. */
    static Set<String> copiedColumns(String insert) {
        Matcher matcher = INSERT.matcher(insert);
        if (!matcher.matches()) {
            throw new IllegalStateException("Not the copy of a table rebuild: " + insert);
        }
        Set<String> columns = new LinkedHashSet<>();
        for (String column : matcher.group(2).split(",")) {
            columns.add(unquoted(column.strip()).toLowerCase(Locale.ROOT));
        }
        return columns;
    }

    /** The copy with {@code columns} added to both its column list and its select list. */
    static String copyAlso(String insert, List<String> columns) {
        if (columns.isEmpty()) {
            return insert;
        }
        Matcher matcher = INSERT.matcher(insert);
        if (!matcher.matches()) {
            throw new IllegalStateException("Not the copy of a table rebuild: " + insert);
        }
        String extra = columns.stream().map(SqlDefinitions::quoted).reduce("", (list, column) -> list + ", " + column);
        return insert.substring(0, matcher.end(2)) + extra + insert.substring(matcher.end(2), matcher.end(3)) + extra
                + insert.substring(matcher.end(3));
    }

    private static String unquoted(String name) {
        return name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }

    private static int find(List<String> statements, int from, String table, Predicate<String> wanted) {
        for (int i = from + 1; i < statements.size(); i++) {
            if (wanted.test(statements.get(i).strip())) {
                return i;
            }
        }
        throw new IllegalStateException("The rebuild of " + table + " in an undo script is incomplete: it must copy into " + table
                + "_rebuild, drop " + table + " and rename " + table + "_rebuild to " + table + ", in that order");
    }
}
