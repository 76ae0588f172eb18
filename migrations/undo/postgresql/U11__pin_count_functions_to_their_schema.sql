-- Undo V11: the count functions resolve table names through the writer's search_path again.
ALTER FUNCTION sync_metadata_counts_truncated() RESET search_path;
ALTER FUNCTION sync_metadata_count_changes() RESET search_path;
