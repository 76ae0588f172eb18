package com.syncdesk.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.syncdesk.migration.SchemaObject.Kind;

/**
 * How a live schema differs from a fresh one at the same version: SyncDesk's objects that are missing or
 * changed (problems; repair recreates indexes, triggers, functions and, on PostgreSQL, constraints) and objects
 * another client added (notes, left alone). A table or column SyncDesk lost cannot be recreated with its data:
 * that takes a backup.
 */
final class SchemaComparison {

    enum Type { MISSING, CHANGED, EXTRA }

    /** One difference: the reference's object (the live one for an extra object) and the live one when it exists. */
    record Difference(Type type, SchemaObject expected, SchemaObject actual, boolean repairable, String words) {
    }

    private static final Set<Kind> RECREATABLE = Set.of(Kind.FUNCTION, Kind.CONSTRAINT, Kind.INDEX, Kind.TRIGGER);

    private final List<Difference> differences;

    private SchemaComparison(List<Difference> differences) {
        this.differences = differences;
    }

    static SchemaComparison of(Map<String, SchemaObject> reference, Map<String, SchemaObject> live) {
        Set<String> lostTables = reference.values().stream().filter(o -> o.kind() == Kind.TABLE && !live.containsKey(o.key()))
                .map(SchemaObject::name).collect(Collectors.toSet());
        Set<String> addedTables = live.values().stream().filter(o -> o.kind() == Kind.TABLE && !reference.containsKey(o.key()))
                .map(SchemaObject::name).collect(Collectors.toSet());
        // Columns that are not SyncDesk's any more: nothing that names one is recreated (it would fail, or index the wrong thing).
        Set<SchemaObject> damagedColumns = reference.values().stream().filter(o -> o.kind() == Kind.COLUMN)
                .filter(o -> !live.containsKey(o.key()) || !o.isMatchedBy(live.get(o.key()))).collect(Collectors.toSet());
        List<Difference> differences = new ArrayList<>();
        for (SchemaObject expected : reference.values()) {
            SchemaObject actual = live.get(expected.key());
            if (expected.kind() != Kind.TABLE && lostTables.contains(expected.table())) {
                continue;
            }
            if (actual == null) {
                differences.add(missing(expected, damagedColumns));
            } else if (!expected.isMatchedBy(actual)) {
                differences.add(changed(expected, actual, damagedColumns));
            }
        }
        for (SchemaObject actual : live.values()) {
            if (!reference.containsKey(actual.key()) && (actual.kind() == Kind.TABLE || !addedTables.contains(actual.table()))) {
                differences.add(new Difference(Type.EXTRA, actual, actual, false,
                        capitalized(actual.describe()) + " is not SyncDesk's: another client added it (left as it is)."));
            }
        }
        differences.sort(Comparator.comparing((Difference d) -> d.type()).thenComparing(d -> d.expected().kind()).thenComparing(d -> d.expected().key()));
        return new SchemaComparison(List.copyOf(differences));
    }

    private static Difference missing(SchemaObject expected, Set<SchemaObject> damagedColumns) {
        String what = capitalized(expected.describe()) + " is missing (SyncDesk's; ";
        return switch (expected.kind()) {
            case TABLE -> new Difference(Type.MISSING, expected, null, false, what + "repair cannot bring back its rows: restore a backup).");
            case COLUMN -> new Difference(Type.MISSING, expected, null, false, what + "repair cannot bring back its values: restore a backup).");
            default -> recreatable(Type.MISSING, expected, null, damagedColumns, what);
        };
    }

    private static Difference changed(SchemaObject expected, SchemaObject actual, Set<SchemaObject> damagedColumns) {
        if (expected.kind() == Kind.COLUMN) {
            return new Difference(Type.CHANGED, expected, actual, false, capitalized(expected.describe()) + " is " + actual.definition()
                    + " instead of SyncDesk's " + expected.definition() + " (repair cannot change a column that holds data: restore a backup).");
        }
        String what = actual.definition().equals(expected.definition() + " (disabled)")
                ? capitalized(expected.describe()) + " is disabled (SyncDesk's; "
                : capitalized(expected.describe()) + " differs from SyncDesk's: it is " + actual.definition() + " instead of "
                        + expected.definition() + " (";
        return recreatable(Type.CHANGED, expected, actual, damagedColumns, what);
    }

    private static Difference recreatable(Type type, SchemaObject expected, SchemaObject actual, Set<SchemaObject> damagedColumns, String what) {
        if (expected.ddl() == null || !RECREATABLE.contains(expected.kind())) {
            return new Difference(type, expected, actual, false, what + "SQLite cannot add it to an existing table: restore a backup).");
        }
        List<String> needed = damagedColumns.stream().filter(column -> column.table().equals(expected.table()))
                .filter(column -> Pattern.compile("\\b" + Pattern.quote(column.name()) + "\\b").matcher(expected.ddl()).find())
                .map(SchemaObject::describe).sorted().toList();
        if (!needed.isEmpty()) {
            return new Difference(type, expected, actual, false, what + "repair recreates it once " + String.join(" and ", needed)
                    + " is SyncDesk's again: restore a backup).");
        }
        return new Difference(type, expected, actual, true, what + "repair recreates it).");
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** SyncDesk's objects that are missing or changed, in words; empty when the schema is SyncDesk's. */
    List<String> problems() {
        return differences.stream().filter(d -> d.type() != Type.EXTRA).map(Difference::words).toList();
    }

    /** Objects another client added, in words: reported, not a failure. */
    List<String> notes() {
        return differences.stream().filter(d -> d.type() == Type.EXTRA).map(Difference::words).toList();
    }

    /** What repair recreates, in the order it must: functions before the triggers that call them. */
    List<Difference> repairable() {
        return differences.stream().filter(Difference::repairable)
                .sorted(Comparator.comparing((Difference d) -> d.expected().kind())).toList();
    }

    /** What repair cannot mend, in words with what to do instead. */
    List<String> unrepairable() {
        return differences.stream().filter(d -> d.type() != Type.EXTRA && !d.repairable()).map(Difference::words).toList();
    }

    /** True when every table and column SyncDesk made is there as it made it (the dashboard's counts can be read and recounted). */
    boolean tablesAndColumnsIntact() {
        return differences.stream().noneMatch(d -> d.type() != Type.EXTRA && (d.expected().kind() == Kind.TABLE || d.expected().kind() == Kind.COLUMN));
    }
}
