package com.syncdesk.jira.sim;

import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;

/**
 * A JIRA user: Cloud knows them by a 24-hex-digit account id, Data Center by a user name and a
 * {@code JIRAUSER…} key.
 */
record SimPerson(String displayName, String accountId, String name, String key, String email) {

    static SimPerson of(String displayName, int index, Random random) {
        byte[] id = new byte[12];
        random.nextBytes(id);
        String name = Normalizer.normalize(displayName, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace("'", "").replace(' ', '.');
        return new SimPerson(displayName, HexFormat.of().formatHex(id), name, "JIRAUSER" + (10100 + index), name + "@example.com");
    }
}
