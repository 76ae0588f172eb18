package com.syncdesk.jira;

/**
 * A field from {@code GET …/field}.
 *
 * @param schemaType   the value's type: number, string, array, …
 * @param schemaCustom a custom field's type, e.g. {@code com.pyxis.greenhopper.jira:gh-sprint}
 */
public record JiraField(String id, String name, boolean custom, String schemaType, String schemaCustom) {
}
