package com.syncdesk.jira;

/** An issue's status and the category JIRA files it under. */
public record JiraStatus(String id, String name, Category category) {

    /** JIRA's status categories, by their keys {@code new}, {@code indeterminate}, {@code done}, {@code undefined}. */
    public enum Category {
        TO_DO, IN_PROGRESS, DONE, UNDEFINED;

        static Category ofKey(String key) {
            return switch (key == null ? "" : key) {
                case "new" -> TO_DO;
                case "indeterminate" -> IN_PROGRESS;
                case "done" -> DONE;
                default -> UNDEFINED;
            };
        }
    }
}
