-- The count triggers' functions name their tables without a schema. PostgreSQL resolves those names
-- with the search_path of whoever writes to sync_metadata, so a sync worker whose search_path lacks
-- SyncDesk's schema failed with "relation sync_state_counts does not exist". Each function now
-- carries its own search_path: the schema it lives in, then pg_temp (last, so a temporary table of
-- the same name cannot stand in for a count table).
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION sync_metadata_count_changes() SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION sync_metadata_counts_truncated() SET search_path = %I, pg_temp', current_schema());
END
$$;
