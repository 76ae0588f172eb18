package com.syncdesk.adoption;

/**
 * A value, or a kind of value, of the original system and what SyncDesk stores for it.
 *
 * @param original as sprint-reports stores it (an enum label, or a kind such as "JSON null")
 * @param syncDesk what adopt writes instead
 */
public record ValueMapping(String original, String syncDesk) {
}
