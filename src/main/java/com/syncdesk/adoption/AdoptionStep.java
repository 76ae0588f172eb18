package com.syncdesk.adoption;

import java.util.List;

/** A named part of the adoption with its statements in the order they run. */
public record AdoptionStep(String name, List<AdoptionStatement> statements) {

    static AdoptionStep of(String name, String... statements) {
        return new AdoptionStep(name, List.of(statements).stream().<AdoptionStatement>map(AdoptionStatement.Execute::new).toList());
    }

    static AdoptionStep of(String name, List<String> statements) {
        return of(name, statements.toArray(String[]::new));
    }

    /** The statements as text, as they run. */
    public List<String> sql() {
        return statements.stream().map(AdoptionStatement::sql).toList();
    }
}
