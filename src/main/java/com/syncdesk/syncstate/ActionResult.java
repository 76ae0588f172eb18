package com.syncdesk.syncstate;

/** What an operator action did: which action, and on how many sync states. */
public record ActionResult(String action, int affected) {
}
