package com.syncdesk.jira;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a site keeps story points and sprints. Their ids differ from site to site
 * ({@code customfield_10016} is only common on Cloud), so they are found in the field list: story
 * points by name, the sprint field by its type.
 */
public record JiraFieldMap(Optional<JiraField> storyPoints, Optional<JiraField> sprint) {

    public static final String SPRINT_TYPE = "com.pyxis.greenhopper.jira:gh-sprint";
    static final String STORY_POINTS_TYPE = "com.pyxis.greenhopper.jira:jsw-story-points";

    public static JiraFieldMap discover(List<JiraField> fields, JiraDeployment deployment) {
        Optional<JiraField> storyPoints = Optional.empty();
        for (String name : storyPointNames(deployment)) {
            // A text field of the same name cannot hold points; among equals JIRA's own story point type wins.
            storyPoints = fields.stream()
                    .filter(field -> field.name() != null && field.name().strip().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .filter(field -> "number".equals(field.schemaType()))
                    .min(Comparator.comparing((JiraField field) -> !STORY_POINTS_TYPE.equals(field.schemaCustom())).thenComparing(JiraField::id));
            if (storyPoints.isPresent()) {
                break;
            }
        }
        Optional<JiraField> sprint = fields.stream().filter(field -> SPRINT_TYPE.equals(field.schemaCustom()))
                .min(Comparator.comparing(JiraField::id));
        return new JiraFieldMap(storyPoints, sprint);
    }

    /**
     * The names story points are looked for under, best first: Cloud's own estimate field leads there,
     * the classic field on Data Center.
     */
    public static List<String> storyPointNames(JiraDeployment deployment) {
        return deployment == JiraDeployment.CLOUD ? List.of("Story point estimate", "Story Points") : List.of("Story Points", "Story point estimate");
    }
}
