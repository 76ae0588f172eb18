package com.syncdesk.jira;

import java.net.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A successful answer: the parsed JSON ({@link MissingNode} for an empty body such as a 204). */
record JiraAnswer(int status, HttpHeaders headers, JsonNode json) {
}
