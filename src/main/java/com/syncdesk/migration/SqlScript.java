package com.syncdesk.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a plain SQL script into statements at semicolons outside quotes, dollar quotes, comments
 * and the {@code BEGIN ... END} body of a SQLite trigger.
 */
public final class SqlScript {

    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$\\w*\\$");
    private static final Pattern BLOCK_WORD = Pattern.compile("\\b(BEGIN|CASE|END)\\b", Pattern.CASE_INSENSITIVE);

    private SqlScript() {
    }

    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            String dollarTag = c == '$' ? dollarTagAt(script, i) : null;
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
                current.append('\n');
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                current.append(' ');
            } else if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < n) {
                    if (script.charAt(end) == c) {
                        if (end + 1 < n && script.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                current.append(script, i, Math.min(end + 1, n));
                i = end + 1;
            } else if (dollarTag != null) {
                int close = script.indexOf(dollarTag, i + dollarTag.length());
                int end = close < 0 ? n : close + dollarTag.length();
                current.append(script, i, end);
                i = end;
            } else if (c == ';' && insideTriggerBody(current)) {
                current.append(c);
                i++;
            } else if (c == ';') {
                addIfNotBlank(statements, current);
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    private static String dollarTagAt(String script, int index) {
        Matcher tag = DOLLAR_TAG.matcher(script).region(index, script.length());
        return tag.lookingAt() ? tag.group() : null;
    }

    /** True while a CREATE TRIGGER statement has opened more BEGIN/CASE blocks than it closed. */
    private static boolean insideTriggerBody(CharSequence statement) {
        String text = statement.toString().stripLeading();
        if (!text.regionMatches(true, 0, "CREATE TRIGGER", 0, "CREATE TRIGGER".length())) {
            return false;
        }
        int depth = 0;
        Matcher word = BLOCK_WORD.matcher(text);
        while (word.find()) {
            depth += word.group(1).equalsIgnoreCase("END") ? -1 : 1;
        }
        return depth > 0;
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String text = statement.toString().strip().replaceAll("\\n\\s*\\n", "\n");
        if (!text.isEmpty()) {
            statements.add(text);
        }
    }
}
