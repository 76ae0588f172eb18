package com.syncdesk.syncstate;

/**
 * Groups error messages by kind, in SQL so the grouping is an aggregate: operators act on "rate
 * limited" or "token expired" as a whole before they read single messages. Only states without a
 * stored {@link FailureKind} (written by other clients or before the sync engine) are grouped by their
 * message; the labels are the same, so both add up to one list.
 */
final class ErrorKinds {

    static final String SQL_CASE = "CASE"
            + " WHEN lower(s.last_error) LIKE '%429%' OR lower(s.last_error) LIKE '%rate limit%' THEN 'rate limit'"
            + " WHEN lower(s.last_error) LIKE '%401%' OR lower(s.last_error) LIKE '%403%' OR lower(s.last_error) LIKE '%token%'"
            + " OR lower(s.last_error) LIKE '%unauthori%' THEN 'authentication'"
            + " WHEN lower(s.last_error) LIKE '%404%' OR lower(s.last_error) LIKE '%not found%' THEN 'not found'"
            + " WHEN lower(s.last_error) LIKE '%409%' OR lower(s.last_error) LIKE '%version conflict%' THEN 'version conflict'"
            + " WHEN lower(s.last_error) LIKE '%400%' OR lower(s.last_error) LIKE '%validation%' OR lower(s.last_error) LIKE '%invalid%'"
            + " THEN 'validation'"
            + " WHEN lower(s.last_error) LIKE '%timeout%' OR lower(s.last_error) LIKE '%timed out%'"
            + " OR lower(s.last_error) LIKE '%connection%' THEN 'network'"
            + " WHEN s.last_error IS NULL THEN 'no message'"
            + " ELSE 'other' END";

    private ErrorKinds() {
    }
}
