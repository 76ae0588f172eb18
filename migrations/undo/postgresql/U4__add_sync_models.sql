-- Undo V4: drop the sync tables, children first.
DROP TABLE sync_history;
DROP TABLE conflict_resolutions;
DROP TABLE sync_metadata;
